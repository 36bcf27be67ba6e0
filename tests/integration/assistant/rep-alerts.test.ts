import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { conversations, leadActivities, leads, tasks, users } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { reloadEnv } from "@/lib/env";
import { assignLead } from "@/lib/leads/leads";
import { alertRep, ensureLeadAlertTemplates, REP_ALERT_DEDUPE_MS } from "@/lib/leads/rep-alerts";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";

useTestDatabase();
let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  process.env.ROOT_DOMAIN = "app.forecourt.test";
  delete process.env.ANTHROPIC_API_KEY;
  reloadEnv();
});
afterAll(async () => {
  delete process.env.ROOT_DOMAIN;
  reloadEnv();
  await graph.close();
});
afterEach(() => resetClock());

type T = Awaited<ReturnType<typeof createTestTenant>>;
async function dealer() {
  const t = await createTestTenant({ graphToken: "tok" });
  await withTenant(t.tenant.id, (tx) => ensureLeadAlertTemplates(tx, t.tenant.id));
  const lot = await addStock(t.tenant.id);
  return { t, lot };
}
async function setPhone(userId: string, phone: string | null) {
  await (await getSystemDb()).update(users).set({ whatsapp: phone }).where(eq(users.id, userId));
}
async function say(t: T, from: string, text: string) {
  const res = await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text })));
  expect(res.status).toBe(200);
  await drainJobs();
  advanceClock(5_000);
  await drainJobs();
  // A send that hit a loopback keep-alive reset is retried after a short backoff.
  advanceClock(5_000);
  await drainJobs();
}
const sentTo = (phone: string) => graph.sent.filter((s) => s.body.to === phone);
const onlyLead = async (t: T) => (await withTenant(t.tenant.id, (tx) => tx.select().from(leads)))[0];

// Each case runs two or three full webhook → reply → alert rounds.
describe("hot leads and hand-overs reach the rep on WhatsApp", { timeout: 60_000 }, () => {
  it("a price question (hot and a hand-over at once) sends the assigned rep one template alert with the conversation link", async () => {
    const { t, lot } = await dealer();
    const rep = "31655500001";
    await setPhone(t.sales1.id, rep);
    await say(t, "31612345001", "Hallo");
    const lead = await onlyLead(t);
    await withTenant(t.tenant.id, (tx) => assignLead(tx, t.tenant.id, lead.id, t.sales1.id, null));
    const golf = lot.find((v) => v.model === "Golf")!;
    await say(t, "31612345001", `Wat is jullie scherpste prijs voor de ${golf.code}?`);

    const alerts = sentTo(rep);
    expect(alerts).toHaveLength(1);
    const template = alerts[0].body.template as { name: string; language: { code: string }; components: { parameters: { text: string }[] }[] };
    expect(alerts[0].body.type).toBe("template");
    expect(template.name).toBe("lead_alert");
    expect(template.language.code).toBe("nl");
    const [headline, contact, car, wants, link] = template.components[0].parameters.map((p) => p.text);
    const [conv] = await withTenant(t.tenant.id, (tx) => tx.select().from(conversations));
    expect(headline).toMatch(/Overname/);
    expect(contact).toContain("31612345001");
    expect(car).toContain(`${golf.code} Volkswagen Golf 2020`);
    expect(wants).toContain("scherpste prijs");
    expect(link).toBe(`https://app.forecourt.test/inbox/${conv.id}`);
    for (const p of template.components[0].parameters) expect(p.text).not.toMatch(/\n/);
    // The dashboard task is still there, and nobody else was alerted.
    const taskRows = await withTenant(t.tenant.id, (tx) => tx.select().from(tasks));
    expect(taskRows.every((x) => x.userId === t.sales1.id)).toBe(true);
    expect(graph.sent.filter((s) => s.body.type === "template")).toHaveLength(1);
  });

  it("sends free text when the rep wrote to the dealer's number in the last 24 hours", async () => {
    const { t, lot } = await dealer();
    const rep = "31655500002";
    await setPhone(t.manager.id, rep);
    await say(t, "31612345002", "Hallo");
    await withTenant(t.tenant.id, async (tx) => assignLead(tx, t.tenant.id, (await tx.select().from(leads))[0].id, t.manager.id, null));
    await say(t, rep, "status");
    const yaris = lot.find((v) => v.model === "Yaris")!;
    await say(t, "31612345002", `Kan ik een proefrit maken met de ${yaris.code}?`);

    const alert = sentTo(rep).find((s) => s.body.type === "text" && /Hete lead/.test(JSON.stringify(s.body)));
    expect(alert).toBeDefined();
    const text = (alert!.body.text as { body: string }).body;
    expect(text).toMatch(/^🔥 Hete lead: .*31612345002/);
    expect(text).toContain(`${yaris.code} Toyota Yaris 2021, € 18.950`);
    expect(text).toMatch(/\/inbox\/[0-9a-f-]{36}$/);
  });

  it("alerts the on-duty reps of an unassigned lead; a rep without a number gets only the task", async () => {
    const { t } = await dealer();
    const rep = "31655500003";
    await setPhone(t.sales1.id, rep);
    await setPhone(t.sales2.id, null);
    await say(t, "31612345003", "Mag ik iemand spreken? Liever een echte persoon");

    expect(sentTo(rep)).toHaveLength(1);
    const taskRows = await withTenant(t.tenant.id, (tx) => tx.select().from(tasks));
    expect(new Set(taskRows.map((x) => x.userId))).toEqual(new Set([t.sales1.id, t.sales2.id]));
    const alerted = await withTenant(t.tenant.id, (tx) => tx.select().from(leadActivities).where(eq(leadActivities.type, "rep_alerted")));
    expect(alerted.map((a) => a.data.userId)).toEqual([t.sales1.id]);
    // Nothing went to a number that is not the rep's or the shopper's.
    expect(graph.sent.filter((s) => s.phoneNumberId === t.phoneNumberId).every((s) => [rep, "31612345003"].includes(s.body.to as string))).toBe(true);
  });

  it("does not alert the same rep about the same lead twice within the window", async () => {
    const { t } = await dealer();
    const rep = "31655500004";
    await setPhone(t.sales1.id, rep);
    await say(t, "31612345004", "Hallo");
    const lead = await onlyLead(t);
    await withTenant(t.tenant.id, (tx) => assignLead(tx, t.tenant.id, lead.id, t.sales1.id, null));
    const [conv] = await withTenant(t.tenant.id, (tx) => tx.select().from(conversations));
    const request = { tenantId: t.tenant.id, leadId: lead.id, conversationId: conv.id, kind: "hot" as const, reason: "asks about financing" };
    await sendEvent([{ name: "lead/rep-alert.requested", id: "a1", data: request }, { name: "lead/rep-alert.requested", id: "a2", data: { ...request, kind: "handover" } }]);
    await drainJobs();
    expect(sentTo(rep)).toHaveLength(1);

    const later = new Date(Date.now() + REP_ALERT_DEDUPE_MS + 60_000);
    expect(await alertRep(request, t.sales1.id, later)).toMatchObject({ status: "sent", via: "template" });
    expect(sentTo(rep)).toHaveLength(2);
  });

  it("retries a rate-limited send and gives up on a number WhatsApp refuses", async () => {
    const { t } = await dealer();
    const rep = "31655500005";
    await setPhone(t.sales1.id, rep);
    await say(t, "31612345005", "Hallo");
    const lead = await onlyLead(t);
    const [conv] = await withTenant(t.tenant.id, (tx) => tx.select().from(conversations));
    const request = { tenantId: t.tenant.id, leadId: lead.id, conversationId: conv.id, kind: "hot" as const, reason: "asks about financing" };
    graph.failNext(1, 429, 130429);
    await expect(alertRep(request, t.sales1.id)).rejects.toThrow(/will retry/);
    graph.failNext(1, 400, 131026);
    expect(await alertRep(request, t.sales1.id)).toMatchObject({ status: "skipped", reason: expect.stringMatching(/refused/) });
    expect(sentTo(rep)).toHaveLength(0);
  });
});
