import { describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { webhookInbox } from "@/db/schema";
import { persistInbox } from "@/lib/webhooks/inbox";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const tag = () => crypto.randomUUID();
const event = (key: string, rawBody = `{"key":"${key}"}`) => ({ source: "test", idempotencyKey: key, rawBody });
async function rows(ids: string[]) {
  const db = await getSystemDb();
  return db.select({ id: webhookInbox.id, rawBody: webhookInbox.rawBody, receivedAt: webhookInbox.receivedAt }).from(webhookInbox).where(inArray(webhookInbox.id, ids));
}

describe("persisting webhooks before acknowledging them (group commit)", () => {
  it("stores webhooks of one turn of the event loop in one statement, each answered with its own row", async () => {
    const t = tag();
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => persistInbox(event(`${t}-${i}`))));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(new Set(results.map((r) => r.id)).size).toBe(5);
    const stored = await rows(results.map((r) => r.id));
    expect(stored.map((r) => r.rawBody).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `{"key":"${t}-${i}"}`).sort());
    // One statement, one transaction timestamp.
    expect(new Set(stored.map((r) => r.receivedAt.getTime())).size).toBe(1);
  });

  it("a redelivery is a duplicate, in the same batch or a later one, and points at the stored row", async () => {
    const t = tag();
    const first = await persistInbox(event(`${t}-old`));
    const [again, fresh, freshAgain] = await Promise.all([persistInbox(event(`${t}-old`)), persistInbox(event(`${t}-new`)), persistInbox(event(`${t}-new`))]);
    expect(again).toEqual({ id: first.id, duplicate: true });
    expect(fresh.duplicate).toBe(false);
    expect(freshAgain).toEqual({ id: fresh.id, duplicate: true });
    expect(await rows([first.id, fresh.id])).toHaveLength(2);
  });

  it("one event the database refuses fails alone; the others of its batch are stored and acknowledged", async () => {
    const t = tag();
    const settled = await Promise.allSettled([
      persistInbox(event(`${t}-a`)),
      persistInbox(event(`${t}-bad`, "nul \u0000 byte")),
      persistInbox(event(`${t}-b`)),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const ok = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value.id] : []));
    expect(await rows(ok)).toHaveLength(2);
  });
});
