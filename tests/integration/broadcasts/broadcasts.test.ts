import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { withTenant } from "@/db/tenant";
import { contacts, messages } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock, setClock } from "@/inngest/local/clock";
import { cancelBroadcast, createBroadcast, getBroadcast, previewBroadcast, type BroadcastInput } from "@/lib/broadcasts";
import { segmentSchema } from "@/lib/broadcasts/segment";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";
import { reloadEnv } from "@/lib/env";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signedRequest, whatsappStatus, whatsappText } from "../../fakes/whatsapp-payloads";

useTestDatabase();
let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());
afterEach(() => resetClock());

type T = Awaited<ReturnType<typeof createTestTenant>>;
let seq = 0;
async function shopper(t: T, o: { name: string; language?: string; consent?: boolean; optedOut?: boolean; source?: "whatsapp" | "facebook" | "website" }) {
  const phone = `316${String(20000000 + seq++).padStart(8, "0")}`;
  await withTenant(t.tenant.id, async (tx) => {
    const c = await upsertContact(tx, t.tenant.id, { phone, name: o.name, language: o.language ?? "nl" });
    await tx.update(contacts).set({ consentMarketing: o.consent ?? true, optedOutAt: o.optedOut ? new Date() : null }).where(eq(contacts.id, c.id));
    await findOrCreateOpenLead(tx, t.tenant.id, c.id, { source: o.source ?? "whatsapp" });
  });
  return phone;
}
const input = (over: Partial<BroadcastInput> = {}): BroadcastInput => ({
  name: "Nieuw binnen", templateName: "new_arrivals", variables: ["{first_name}", "{dealer}", "drie Toyota Yaris hybrides"], segment: segmentSchema.parse({}), ...over,
});
const sentTo = (t: T) => graph.sent.filter((s) => s.phoneNumberId === t.phoneNumberId).map((s) => s.body.to as string);

describe("broadcasts", () => {
  it("previews per recipient in their language and counts opted-out contacts as skipped", async () => {
    const t = await createTestTenant({ graphToken: "tok-b1" });
    await shopper(t, { name: "Anouk de Vries" });
    await shopper(t, { name: "Ola Nordmann", language: "nb" });
    await shopper(t, { name: "Piet Stop", optedOut: true });
    await shopper(t, { name: "Geen Toestemming", consent: false });
    const r = await previewBroadcast(t.tenant, { userId: t.manager.id, role: "manager" }, input());
    if (!r.ok) throw new Error(r.error);
    expect(r.data).toMatchObject({ recipients: 2, skipped: 1 });
    const bodies = r.data.samples.map((s) => s.body);
    expect(bodies).toContain(`Hoi Anouk, nieuw binnen bij ${t.tenant.name}: drie Toyota Yaris hybrides. Reageer voor meer info, of STOP om af te melden.`);
    expect(bodies.find((b) => b.startsWith("Hei Ola"))).toBeTruthy();
  });

  it("refuses a send time already past (a typo would send to everyone at once), and takes one a few minutes ago as now", async () => {
    const t = await createTestTenant({ graphToken: "tok-b5" });
    const manager = { userId: t.manager.id, role: "manager" as const };
    const now = new Date();
    expect(await createBroadcast(t.tenant, manager, input({ scheduledAt: new Date("2020-01-01T10:00:00Z") }), now))
      .toMatchObject({ ok: false, fieldErrors: { scheduledAt: expect.stringMatching(/^This time has passed/) } });
    expect(await createBroadcast(t.tenant, manager, input({ scheduledAt: new Date(now.getTime() - 3 * 60_000) }), now)).toMatchObject({ ok: true });
  });

  it("refuses a sales rep, an unknown template and missing variables", async () => {
    const t = await createTestTenant({ graphToken: "tok-b2" });
    expect(await createBroadcast(t.tenant, { userId: t.sales1.id, role: "sales" }, input())).toMatchObject({ ok: false, error: "Only managers can send broadcasts." });
    expect(await createBroadcast(t.tenant, { userId: t.manager.id, role: "manager" }, input({ templateName: "nope" }))).toMatchObject({ ok: false, fieldErrors: { templateName: expect.any(String) } });
    expect(await createBroadcast(t.tenant, { userId: t.manager.id, role: "manager" }, input({ variables: ["{first_name}"] }))).toMatchObject({ ok: false, fieldErrors: { "variables.1": "Required" } });
  });

  it("waits for its time, sends at the channel's pace, never to opted-out contacts, and tracks delivery and replies", async () => {
    const t = await createTestTenant({ graphToken: "tok-b3" });
    await withTenant(t.tenant.id, (tx) => tx.execute(`update tenants set settings = settings || '{"broadcastPerMinute": 12}' where id = '${t.tenant.id}'`));
    const phones = [];
    for (let i = 0; i < 5; i++) phones.push(await shopper(t, { name: `Klant ${i}`, source: i < 4 ? "whatsapp" : "facebook" }));
    const stopped = await shopper(t, { name: "Uitgeschreven", optedOut: true });
    const start = new Date("2026-12-01T08:00:00Z");
    setClock(start);
    const created = await createBroadcast(t.tenant, { userId: t.manager.id, role: "manager" }, input({ segment: segmentSchema.parse({ sources: ["whatsapp"] }), scheduledAt: new Date(start.getTime() + 3_600_000) }), start);
    if (!created.ok) throw new Error(created.error);

    await drainJobs();
    expect(sentTo(t)).toHaveLength(0);
    advanceClock(3_600_000);
    await drainJobs();
    // 12 a minute in 10-second batches: 2 now, the next 2 ten seconds later.
    expect(sentTo(t)).toHaveLength(2);
    advanceClock(10_000);
    await drainJobs();
    expect(sentTo(t)).toHaveLength(4);
    advanceClock(10_000);
    await drainJobs();
    expect(sentTo(t).sort()).toEqual(phones.slice(0, 4).sort());
    expect(sentTo(t)).not.toContain(stopped);
    expect(graph.sent.find((s) => s.phoneNumberId === t.phoneNumberId)?.body).toMatchObject({ type: "template", template: { name: "new_arrivals", language: { code: "nl" } } });

    const url = "http://localhost/api/webhooks/whatsapp";
    const wamids = graph.sent.filter((s) => s.phoneNumberId === t.phoneNumberId).map((s) => s.id);
    await POST(signedRequest(url, whatsappStatus({ phoneNumberId: t.phoneNumberId, id: wamids[0], status: "read" })));
    await POST(signedRequest(url, whatsappStatus({ phoneNumberId: t.phoneNumberId, id: wamids[1], status: "failed", error: { code: 131026, title: "Message undeliverable" } })));
    const first = graph.sent.find((s) => s.id === wamids[2])!.body.to as string;
    advanceClock(60_000);
    await POST(signedRequest(url, whatsappText({ phoneNumberId: t.phoneNumberId, from: first, text: "Ja graag, welke Yaris?" })));
    await drainJobs();

    const detail = await getBroadcast(t.tenant.id, created.data.id);
    expect(detail?.broadcast.status).toBe("sent");
    expect(detail?.counts).toMatchObject({ read: 1, failed: 1, replied: 1, sent: 1, skipped: 1, pending: 0 });
    const rows = await withTenant(t.tenant.id, (tx) => tx.select().from(messages).where(eq(messages.tenantId, t.tenant.id)));
    expect(rows.filter((m) => (m.meta as { broadcastId?: string }).broadcastId === created.data.id)).toHaveLength(4);
  });

  it("a cancelled broadcast sends nothing, and another tenant cannot see or cancel it", async () => {
    const t = await createTestTenant({ graphToken: "tok-b4" });
    const other = await createTestTenant({ graphToken: "tok-b5" });
    await shopper(t, { name: "Klant" });
    const start = new Date("2026-12-02T08:00:00Z");
    setClock(start);
    const created = await createBroadcast(t.tenant, { userId: t.owner.id, role: "owner" }, input({ scheduledAt: new Date(start.getTime() + 60_000) }), start);
    if (!created.ok) throw new Error(created.error);
    expect(await getBroadcast(other.tenant.id, created.data.id)).toBeNull();
    expect((await cancelBroadcast(other.tenant, { userId: other.owner.id, role: "owner" }, created.data.id)).ok).toBe(false);
    expect((await cancelBroadcast(t.tenant, { userId: t.manager.id, role: "manager" }, created.data.id)).ok).toBe(true);
    advanceClock(120_000);
    await drainJobs();
    expect(sentTo(t)).toHaveLength(0);
    expect((await getBroadcast(t.tenant.id, created.data.id))?.broadcast.status).toBe("cancelled");
  });
});
