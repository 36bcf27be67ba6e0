import { describe, expect, it, vi } from "vitest";
import { inArray } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { jobRuns, webhookInbox } from "@/db/schema";
import type { OutgoingEvent } from "@/inngest/dispatch";
import { handOffInbox, setHandOffRetryDelays } from "@/lib/channels/handoff";
import { persistInbox } from "@/lib/webhooks/inbox";
import { useTestDatabase } from "../../helpers/db";

// Every send is counted and then really dispatched to the in-process runner; `failing` sends throw first.
const sends: OutgoingEvent[][] = [];
let failing = 0;
vi.mock("@/inngest/dispatch", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/inngest/dispatch")>();
  return {
    ...real,
    sendEvent: async (payload: OutgoingEvent | OutgoingEvent[]) => {
      const events = Array.isArray(payload) ? payload : [payload];
      sends.push(events);
      if (failing > 0) {
        failing--;
        throw new Error("Inngest unreachable");
      }
      return real.sendEvent(payload);
    },
  };
});

useTestDatabase();
// The real waits are seconds; the order of tries is what is tested.
const retryDelays = [5, 10, 20];
setHandOffRetryDelays(retryDelays);

async function persisted(n: number) {
  const tag = crypto.randomUUID();
  return Promise.all(Array.from({ length: n }, (_, i) => persistInbox({ source: "test", idempotencyKey: `${tag}-${i}`, rawBody: "{}" }).then((r) => r.id)));
}

async function runsFor(inboxIds: string[]) {
  const db = await getSystemDb();
  const runs = await db.select({ event: jobRuns.event }).from(jobRuns).where(inArray(jobRuns.functionId, ["process-inbox"]));
  return runs.filter((r) => inboxIds.includes((r.event.data as { inboxId?: string }).inboxId ?? ""));
}

describe("handing persisted webhooks to processing", () => {
  it("sends the hand-offs of one turn of the event loop together, each starting its own run", async () => {
    const ids = await persisted(3);
    sends.length = 0;
    await Promise.all(ids.map((id, i) => handOffInbox(id, `order-${i}`)));
    expect(sends).toHaveLength(1);
    expect(sends[0].map((e) => e.data.inboxId).sort()).toEqual([...ids].sort());
    expect(sends[0].map((e) => e.id)).toEqual(expect.arrayContaining(ids.map((id) => `inbox-${id}`)));
    expect(await runsFor(ids)).toHaveLength(3);
  });

  it("sends hand-offs of later turns on their own", async () => {
    const ids = await persisted(2);
    sends.length = 0;
    await handOffInbox(ids[0], "a");
    await handOffInbox(ids[1], "b");
    expect(sends.map((s) => s.length)).toEqual([1, 1]);
    expect(await runsFor(ids)).toHaveLength(2);
  });

  it("a failed send is tried again with the same event ids, and the rows are processed once", async () => {
    const ids = await persisted(2);
    sends.length = 0;
    failing = 2;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await Promise.all(ids.map((id) => handOffInbox(id, "x")));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(sends).toHaveLength(3);
    for (const s of sends) expect(s.map((e) => e.id).sort()).toEqual(ids.map((id) => `inbox-${id}`).sort());
    expect(await runsFor(ids)).toHaveLength(2);
    // The same events sent again (a try that landed but failed to answer): still one run each.
    await Promise.all(ids.map((id) => handOffInbox(id, "x")));
    expect(await runsFor(ids)).toHaveLength(2);
  });

  it("a send that keeps failing leaves the rows for the sweeper and never throws to the webhook", async () => {
    const ids = await persisted(2);
    sends.length = 0;
    failing = retryDelays.length + 1;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(Promise.all(ids.map((id) => handOffInbox(id, "x")))).resolves.toBeDefined();
    expect(errors.mock.calls[0]?.[0]).toMatch(/hand-off of inbox .* failed 4 times; left for the sweeper/);
    errors.mockRestore();
    expect(sends).toHaveLength(retryDelays.length + 1);
    expect(await runsFor(ids)).toHaveLength(0);
    const db = await getSystemDb();
    const rows = await db.select({ status: webhookInbox.status }).from(webhookInbox).where(inArray(webhookInbox.id, ids));
    expect(rows.map((r) => r.status)).toEqual(["received", "received"]);
  });
});
