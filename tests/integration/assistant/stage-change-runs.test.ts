import { afterEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { jobRuns, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { ensureDefaultSequences } from "@/lib/followups";
import { stageChangeFlags } from "@/lib/leads/signals";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { useOfflineAssistant } from "../../helpers/offline-assistant";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";
import { enrollmentOf, sequenceFor, twoNudges } from "../followups/world";

// The assistant's first answer moves a new lead to "contacted". That change starts the follow-up enrollment and the
// webhook fan-out only when the dealer has a sequence or an endpoint for it: most dealers have neither, and those two
// runs were most of the background work of a new shopper's first answer.
useTestDatabase();
const graph = useOfflineAssistant();
afterEach(() => resetClock());

type T = Awaited<ReturnType<typeof createTestTenant>>;
/** A new shopper's first message, answered; returns the stage-change event's data and the runs it started. */
async function firstAnswer(t: T, from: string) {
  const res = await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text: "Is de Golf er nog?" })));
  expect(res.status).toBe(200);
  await drainJobs();
  advanceClock(5_000);
  await drainJobs();
  expect(graph().sent.filter((s) => s.body.to === from)).toHaveLength(1);
  const db = await getSystemDb();
  const ofTenant = sql`${jobRuns.event}->'data'->>'tenantId' = ${t.tenant.id}`;
  const events = await db.selectDistinct({ event: jobRuns.event }).from(jobRuns).where(and(eq(jobRuns.eventName, "lead/stage.changed"), ofTenant));
  const runs = await db.select({ functionId: jobRuns.functionId }).from(jobRuns).where(and(eq(jobRuns.eventName, "lead/stage.changed"), ofTenant));
  return { runs: runs.map((r) => r.functionId).sort(), data: events.map((e) => (e.event as { data: Record<string, unknown> }).data) };
}

async function endpointFor(t: T, events: string[]) {
  await withTenant(t.tenant.id, (tx) => tx.insert(webhookEndpoints).values({ tenantId: t.tenant.id, url: "https://crm.example.com/hook", secretEnc: "x", events }));
}

describe("the stage change of a new lead's first answer", () => {
  it("starts no run when the dealer has no sequence or endpoint for it", async () => {
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    // What the dealer has for other events and stages does not count: the built-in sequences start on a new lead, no
    // reply, a test drive done, the offer stage and a lost lead.
    expect(await ensureDefaultSequences(t.tenant.id)).toBeGreaterThan(0);
    await sequenceFor(t, twoNudges, { type: "stage_changed", stage: "won" });
    await endpointFor(t, ["lead.created"]);
    const r = await firstAnswer(t, "31612348001");
    expect(r.runs).toEqual([]);
  });

  it("enrolls the lead in a sequence started by the new stage", async () => {
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    await sequenceFor(t, twoNudges, { type: "stage_changed", stage: "contacted" });
    const r = await firstAnswer(t, "31612348002");
    expect(r.runs).toEqual(["enroll-followups"]);
    expect(r.data).toEqual([expect.objectContaining({ from: "new", to: "contacted", sequences: true, webhooks: false })]);
    expect(await enrollmentOf(t, r.data[0].leadId as string)).toMatchObject({ status: "active" });
  });

  it("delivers the change to an endpoint subscribed to stage changes", async () => {
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    await endpointFor(t, ["lead.stage_changed"]);
    const r = await firstAnswer(t, "31612348003");
    expect(r.runs).toEqual(["queue-webhook-deliveries"]);
    const deliveries = await withTenant(t.tenant.id, (tx) => tx.select().from(webhookDeliveries));
    expect(deliveries.map((d) => d.event)).toEqual(["lead.stage_changed"]);
  });

  it("looks for a sequence that this change starts, as the enrollment would decide it", async () => {
    const t = await createTestTenant();
    await ensureDefaultSequences(t.tenant.id);
    const found = (from: string, to: string) => withTenant(t.tenant.id, (tx) => stageChangeFlags(tx, t.tenant.id, { from, to }));
    expect(await found("new", "contacted")).toEqual({ webhooks: false, sequences: false });
    expect(await found("contacted", "won")).toEqual({ webhooks: false, sequences: false });
    expect(await found("contacted", "negotiation")).toEqual({ webhooks: false, sequences: true });
    expect(await found("test_drive", "qualified")).toEqual({ webhooks: false, sequences: true });
    expect(await found("qualified", "lost")).toEqual({ webhooks: false, sequences: true });
  });

  it("does not count another dealer's sequence or endpoint, or a disabled one", async () => {
    const other = await createTestTenant({ graphToken: "tok" });
    await sequenceFor(other, twoNudges, { type: "stage_changed", stage: "contacted" });
    await endpointFor(other, ["lead.stage_changed"]);
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    await sequenceFor(t, twoNudges, { type: "test_drive_done" });
    await endpointFor(t, ["lead.stage_changed"]);
    await withTenant(t.tenant.id, async (tx) => {
      await tx.execute(sql`update followup_sequences set enabled = false`);
      await tx.execute(sql`update webhook_endpoints set enabled = false`);
    });
    const r = await firstAnswer(t, "31612348004");
    expect(r.runs).toEqual([]);
  });
});
