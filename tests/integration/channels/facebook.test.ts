import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/webhooks/facebook/route";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, leads } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { sendEvent } from "@/inngest/dispatch";
import { reloadEnv } from "@/lib/env";
import { staleInbox } from "@/lib/webhooks/inbox";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signMeta, signedRequest } from "../../fakes/whatsapp-payloads";
import { addChannel, inboxRows, messagesOf } from "./channel-fixtures";

useTestDatabase();
const url = "http://localhost/api/webhooks/facebook";
let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());
afterEach(() => resetClock());

let seq = 0;
const newId = () => `${Date.now()}${String(seq++).padStart(4, "0")}`;
const leadgen = (pageId: string, leadgenId: string) => ({
  object: "page",
  entry: [{ id: pageId, time: Math.floor(Date.now() / 1000), changes: [{ field: "leadgen", value: { ad_id: "2385", form_id: "9001", leadgen_id: leadgenId, created_time: Math.floor(Date.now() / 1000), page_id: pageId, adgroup_id: "2385" } }] }],
});
const fields = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ name, values: [value] }));

async function pageTenant(token = "page-token") {
  const t = await createTestTenant();
  const pageId = newId();
  const page = await addChannel(t.tenant.id, { provider: "facebook_page", externalId: pageId, credentials: { accessToken: token } });
  return { ...t, pageId, page };
}
const leadsOf = (tenantId: string) => withTenant(tenantId, (tx) => tx.select().from(leads));
const leadFetches = (leadgenId: string) => graph.requests.filter((r) => r.method === "GET" && r.path === `/${leadgenId}`);

async function drainWithRetries(rounds = 8) {
  for (let i = 0; i < rounds; i++) {
    await drainJobs();
    advanceClock(40_000);
  }
}

describe("Facebook Lead Ads webhook", () => {
  it("answers Meta's verification handshake only with the right token", async () => {
    const ok = await GET(new Request(`${url}?hub.mode=subscribe&hub.verify_token=dev-verify-token&hub.challenge=42`));
    expect(await ok.text()).toBe("42");
    expect((await GET(new Request(`${url}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=42`))).status).toBe(403);
  });

  it("fetches the lead with the page token and maps it to contact, lead and a facebook conversation", async () => {
    const t = await pageTenant("page-token-1");
    const [yaris] = await addStock(t.tenant.id);
    const id = newId();
    graph.setLead(id, fields({ full_name: "Sanne de Boer", phone_number: "06-12345678", email: "Sanne@Example.NL", "car_of_interest": "Toyota Yaris 2021", "when_can_you_visit?": "zaterdag" }));
    const res = await POST(signedRequest(url, leadgen(t.pageId, id)));
    expect(res.status).toBe(200);
    await drainJobs();
    expect(leadFetches(id)[0].headers.authorization).toBe("Bearer page-token-1");
    const rows = await withTenant(t.tenant.id, async (tx) => ({ contacts: await tx.select().from(contacts), conversations: await tx.select().from(conversations) }));
    expect(rows.contacts).toMatchObject([{ name: "Sanne de Boer", phone: "31612345678", email: "sanne@example.nl" }]);
    const [lead] = await leadsOf(t.tenant.id);
    expect(lead).toMatchObject({ source: "facebook", externalRef: id, vehicleId: yaris.id });
    expect(lead.rawAnswers).toMatchObject({ facebook: { leadgenId: id, fields: { "when_can_you_visit?": "zaterdag", phone_number: "06-12345678" } } });
    expect(lead.notes).toContain("zaterdag");
    expect(rows.conversations).toMatchObject([{ medium: "facebook", channelId: t.page.id, leadId: lead.id }]);
    const [msg] = await messagesOf(t.tenant.id);
    expect(msg).toMatchObject({ type: "lead_form", providerMessageId: id });
    expect(msg.body).toContain("Sanne de Boer");
  });

  it("refuses a wrong or missing signature with 401 and stores nothing", async () => {
    const t = await pageTenant();
    const before = (await inboxRows("facebook")).length;
    const body = leadgen(t.pageId, newId());
    expect((await POST(signedRequest(url, body, "wrong-secret"))).status).toBe(401);
    expect((await POST(new Request(url, { method: "POST", body: JSON.stringify(body) }))).status).toBe(401);
    expect((await inboxRows("facebook")).length).toBe(before);
  });

  it("answers 400 for malformed or foreign bodies, 404 for an unknown page, 413 when oversized — never 500", async () => {
    const raw = "{broken";
    const malformed = await POST(new Request(url, { method: "POST", body: raw, headers: { "x-hub-signature-256": signMeta(raw) } }));
    expect(malformed.status).toBe(400);
    const foreign = await POST(signedRequest(url, { object: "whatsapp_business_account", entry: [] }));
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error).toMatch(/Facebook Page/);
    expect((await POST(signedRequest(url, { object: "page", entry: "nope" }))).status).toBe(400);
    expect((await POST(signedRequest(url, leadgen("123456789", newId())))).status).toBe(404);
    const huge = { ...leadgen("1", newId()), padding: "x".repeat(1024 * 1024) };
    expect((await POST(signedRequest(url, huge))).status).toBe(413);
  });

  it("stores a redelivered lead once and fetches it once", async () => {
    const t = await pageTenant();
    const id = newId();
    graph.setLead(id, fields({ full_name: "Ola Nordmann", email: "ola@example.no" }));
    for (let i = 0; i < 3; i++) await POST(signedRequest(url, leadgen(t.pageId, id)));
    await drainJobs();
    // Meta batches differently on a retry: same leadgen_id in a new envelope.
    const rebatched = leadgen(t.pageId, id);
    rebatched.entry[0].time += 5;
    await POST(signedRequest(url, rebatched));
    await drainJobs();
    expect((await inboxRows("facebook")).filter((r) => r.idempotencyKey === id)).toHaveLength(1);
    expect(leadFetches(id)).toHaveLength(1);
    expect(await leadsOf(t.tenant.id)).toHaveLength(1);
  });

  it("keeps the lead while the Graph API is down and fetches it when it is back", async () => {
    const t = await pageTenant();
    const id = newId();
    graph.setLead(id, fields({ full_name: "Dewi", phone_number: "+31 6 2222 3333" }));
    graph.failNext(2, 500);
    await POST(signedRequest(url, leadgen(t.pageId, id)));
    await drainWithRetries();
    expect(leadFetches(id)).toHaveLength(3);
    expect(await leadsOf(t.tenant.id)).toMatchObject([{ source: "facebook", externalRef: id }]);

    // Down for longer than the function's retries: the row waits, and the sweeper hands it over again.
    const later = newId();
    graph.setLead(later, fields({ full_name: "Bram", phone_number: "0687654321" }));
    graph.failNext(6, 503);
    await POST(signedRequest(url, leadgen(t.pageId, later)));
    await drainWithRetries();
    const [row] = (await inboxRows("facebook")).filter((r) => r.idempotencyKey === later);
    expect(row.status).toBe("received");
    expect((await leadsOf(t.tenant.id)).map((l) => l.externalRef)).not.toContain(later);
    advanceClock(120_000);
    const stale = (await staleInbox(new Date(Date.now() + 3_600_000))).filter((r) => r.id === row.id);
    await sendEvent(stale.map((r) => ({ name: "inbox/received", id: `inbox-${r.id}-retry`, data: { inboxId: r.id } })));
    await drainJobs();
    expect((await leadsOf(t.tenant.id)).map((l) => l.externalRef)).toContain(later);
  });

  it("keeps tenants apart and ignores a lead without phone or e-mail", async () => {
    const a = await pageTenant();
    const b = await pageTenant();
    const id = newId();
    graph.setLead(id, fields({ full_name: "Only A", email: "a@example.com" }));
    await POST(signedRequest(url, leadgen(a.pageId, id)));
    const empty = newId();
    graph.setLead(empty, fields({ full_name: "No Contact", "car_of_interest": "Golf" }));
    await POST(signedRequest(url, leadgen(b.pageId, empty)));
    await drainJobs();
    expect(await leadsOf(a.tenant.id)).toHaveLength(1);
    expect(await leadsOf(b.tenant.id)).toHaveLength(0);
    const [row] = (await inboxRows("facebook")).filter((r) => r.idempotencyKey === empty);
    expect(row).toMatchObject({ status: "ignored", error: expect.stringMatching(/phone number nor an e-mail/) });
  });
});
