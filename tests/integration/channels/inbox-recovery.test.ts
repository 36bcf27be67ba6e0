import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { getDbHandle, getSystemDb, installDbHandle, openPostgres } from "@/db/client";
import { jobRuns, messages, webhookInbox } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, clock, resetClock } from "@/inngest/local/clock";
import { reloadEnv } from "@/lib/env";
import { persistInbox } from "@/lib/webhooks/inbox";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signedRequest, wamid, whatsappText } from "../../fakes/whatsapp-payloads";

useTestDatabase();
let graph: FakeGraph;

beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());
afterEach(() => resetClock());

/**
 * What the per-minute cron does: one sweep run, due now by the runner's clock. (The column's default, the
 * database's now(), has microseconds: read back within the same millisecond it is still "later" than the
 * runner's clock, and the run would wait for the next sweep.)
 */
async function runSweep() {
  const db = await getSystemDb();
  await db.insert(jobRuns).values({ functionId: "sweep-inbox", eventName: "inngest/scheduled.timer", event: { name: "inngest/scheduled.timer", data: {} }, runAt: clock.now() });
  await drainJobs();
}

/** The state a process leaves when it dies right after acknowledging: the raw event stored, no hand-off. */
async function acknowledgedButNeverHandedOff(phoneNumberId: string, channelId: string, tenantId: string, id: string) {
  const raw = JSON.stringify(whatsappText({ phoneNumberId, from: "31687654321", text: "Is de Golf nog te koop?", id }));
  return persistInbox({ source: "whatsapp", idempotencyKey: createHash("sha256").update(raw).digest("hex"), rawBody: raw, scopeTenantId: tenantId, channelId });
}

const inboundWith = (tenantId: string, id: string) =>
  withTenant(tenantId, (tx) => tx.select().from(messages).where(eq(messages.providerMessageId, id)));

describe("a webhook while the database is down", () => {
  it("is not acknowledged (the route throws, so Next answers 500), keeps nothing, and Meta's redelivery is stored once", async () => {
    const t = await createTestTenant();
    const id = wamid();
    const body = whatsappText({ phoneNumberId: t.phoneNumberId, from: "31611122233", text: "Nog open vandaag?", id });
    const url = "http://localhost/api/webhooks/whatsapp";
    const live = await getDbHandle();
    // Nothing listens on port 1: every query fails the way it does while PostgreSQL restarts.
    const down = await openPostgres("postgres://postgres@127.0.0.1:1/forecourt", 1);
    installDbHandle(down);
    try {
      await expect(POST(signedRequest(url, body))).rejects.toThrow();
    } finally {
      installDbHandle(live);
      await down.close();
    }
    expect(await (await getSystemDb()).select().from(webhookInbox).where(eq(webhookInbox.channelId, t.channelId))).toHaveLength(0);

    const redelivered = await POST(signedRequest(url, body));
    expect(redelivered.status).toBe(200);
    await drainJobs();
    expect(await inboundWith(t.tenant.id, id)).toHaveLength(1);
  });
});

describe("inbox recovery (the sweeper)", () => {
  it("re-dispatches an acknowledged webhook that was never handed off, once it is a minute old, and stores it once", async () => {
    const t = await createTestTenant();
    const id = wamid();
    const row = await acknowledgedButNeverHandedOff(t.phoneNumberId, t.channelId, t.tenant.id, id);

    await runSweep();
    expect(await inboundWith(t.tenant.id, id)).toHaveLength(0);

    advanceClock(61_000);
    await runSweep();
    expect(await inboundWith(t.tenant.id, id)).toHaveLength(1);
    const [after] = await (await getSystemDb()).select().from(webhookInbox).where(eq(webhookInbox.id, row.id));
    expect(after).toMatchObject({ status: "processed", attempts: 1 });

    // Meta redelivers the same bytes later and the sweeper runs again: still one message.
    advanceClock(120_000);
    await POST(signedRequest("http://localhost/api/webhooks/whatsapp", JSON.parse(after.rawBody)));
    await runSweep();
    expect(await inboundWith(t.tenant.id, id)).toHaveLength(1);
  });

  it("a row whose processing keeps failing is retried by each sweep and then left alone after 20 attempts", async () => {
    const t = await createTestTenant();
    const db = await getSystemDb();
    const [row] = await db.insert(webhookInbox)
      .values({ source: "whatsapp", idempotencyKey: `broken-${wamid()}`, rawBody: "{not json", scopeTenantId: t.tenant.id, channelId: t.channelId })
      .returning();
    advanceClock(61_000);
    await runSweep();
    const [once] = await db.select().from(webhookInbox).where(eq(webhookInbox.id, row.id));
    expect(once).toMatchObject({ status: "received", attempts: 1 });
    await db.update(webhookInbox).set({ attempts: 20 }).where(eq(webhookInbox.id, row.id));
    await runSweep();
    const [stopped] = await db.select().from(webhookInbox).where(eq(webhookInbox.id, row.id));
    expect(stopped.attempts).toBe(20);
  });
});
