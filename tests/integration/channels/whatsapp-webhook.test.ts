import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { GET, POST } from "@/app/api/webhooks/whatsapp/route";
import { withTenant } from "@/db/tenant";
import { getSystemDb } from "@/db/client";
import { contacts, conversations, leadActivities, leads, messages, webhookInbox } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { reloadEnv } from "@/lib/env";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signedRequest, wamid, whatsappImage, whatsappStatus, whatsappText } from "../../fakes/whatsapp-payloads";

useTestDatabase();
const url = "http://localhost/api/webhooks/whatsapp";
let graph: FakeGraph;

beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());

const inboxCount = async () => (await (await getSystemDb()).select().from(webhookInbox)).length;
const tenantMessages = (tenantId: string) => withTenant(tenantId, (tx) => tx.select().from(messages));

describe("WhatsApp Cloud webhook", () => {
  it("answers Meta's verification handshake only with the right token", async () => {
    const ok = await GET(new Request(`${url}?hub.mode=subscribe&hub.verify_token=dev-verify-token&hub.challenge=1158201444`));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    expect((await GET(new Request(`${url}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`))).status).toBe(403);
  });

  it("stores a shopper's message as contact, lead, conversation and message", async () => {
    const t = await createTestTenant();
    const res = await POST(signedRequest(url, whatsappText({ phoneNumberId: t.phoneNumberId, from: "31612345678", text: "Hebben jullie een automaat onder de €20.000?", name: "Joëlle" })));
    expect(res.status).toBe(200);
    await drainJobs();
    const rows = await withTenant(t.tenant.id, async (tx) => ({
      contacts: await tx.select().from(contacts), leads: await tx.select().from(leads),
      conversations: await tx.select().from(conversations), messages: await tx.select().from(messages),
    }));
    expect(rows.contacts).toMatchObject([{ phone: "31612345678", name: "Joëlle" }]);
    expect(rows.leads).toMatchObject([{ source: "whatsapp", stage: "new" }]);
    expect(rows.conversations).toMatchObject([{ medium: "whatsapp", unreadCount: 1, mode: "bot" }]);
    expect(rows.messages.find((m) => m.direction === "inbound")?.body).toBe("Hebben jullie een automaat onder de €20.000?");
  });

  it("stores a message with a NUL character in it (valid JSON, but PostgreSQL text cannot hold it) without the NUL", async () => {
    const t = await createTestTenant();
    const res = await POST(signedRequest(url, whatsappText({ phoneNumberId: t.phoneNumberId, from: "31612345600", text: "Hallo\u0000 automaat?", name: "Nu\u0000l" })));
    expect(res.status).toBe(200);
    await drainJobs();
    const rows = await withTenant(t.tenant.id, async (tx) => ({ contacts: await tx.select().from(contacts), messages: await tx.select().from(messages) }));
    expect(rows.contacts).toMatchObject([{ phone: "31612345600", name: "Nul" }]);
    expect(rows.messages.find((m) => m.direction === "inbound")?.body).toBe("Hallo automaat?");
    const inbox = (await (await getSystemDb()).select().from(webhookInbox)).filter((r) => r.rawBody.includes("31612345600"));
    expect(inbox.map((r) => r.status)).toEqual(["processed"]);
  });

  it("opens a new shopper's conversation with the message's time and preview; their next message joins the same contact, lead and conversation", async () => {
    const t = await createTestTenant();
    const first = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const second = new Date(first.getTime() + 30_000);
    const say = async (text: string, at: Date, name?: string) => {
      expect((await POST(signedRequest(url, whatsappText({ phoneNumberId: t.phoneNumberId, from: "31612345671", text, at, name })))).status).toBe(200);
      await drainJobs();
    };
    const read = () => withTenant(t.tenant.id, async (tx) => ({
      contacts: await tx.select().from(contacts), leads: await tx.select().from(leads), activities: await tx.select().from(leadActivities),
      conversations: await tx.select().from(conversations),
    }));
    await say("Is de Golf er nog?", first, "31612345671");
    let rows = await read();
    expect(rows.contacts).toMatchObject([{ phone: "31612345671", name: "31612345671", lastActivityAt: first }]);
    expect(rows.leads).toMatchObject([{ contactId: rows.contacts[0].id, source: "whatsapp", lastActivityAt: first }]);
    expect(rows.activities.map((a) => a.type)).toEqual(["created"]);
    expect(rows.conversations).toMatchObject([{ contactId: rows.contacts[0].id, leadId: rows.leads[0].id, lastInboundAt: first, lastMessagePreview: "Is de Golf er nog?", unreadCount: 1, status: "open" }]);
    // A bare number as the name gives way to the profile name when it comes.
    await say("En de Yaris?", second, "Joëlle");
    rows = await read();
    expect(rows.contacts).toMatchObject([{ phone: "31612345671", name: "Joëlle", lastActivityAt: second }]);
    expect(rows.leads).toHaveLength(1);
    expect(rows.activities.map((a) => a.type).sort()).toEqual(["created", "inquiry"]);
    expect(rows.conversations).toMatchObject([{ lastInboundAt: second, lastMessagePreview: expect.any(String), unreadCount: 2 }]);
  });

  it("a shopper writing again after their lead was won opens a new lead in the same conversation", async () => {
    const t = await createTestTenant();
    const say = async (text: string) => {
      expect((await POST(signedRequest(url, whatsappText({ phoneNumberId: t.phoneNumberId, from: "31612345670", text })))).status).toBe(200);
      await drainJobs();
    };
    await say("Is de Golf er nog?");
    const [first] = await withTenant(t.tenant.id, (tx) => tx.select().from(leads));
    await withTenant(t.tenant.id, (tx) => tx.update(leads).set({ stage: "won" }).where(eq(leads.id, first.id)));
    await say("Hebben jullie ook een SUV voor mijn zoon?");
    const rows = await withTenant(t.tenant.id, async (tx) => ({ leads: await tx.select().from(leads), conversations: await tx.select().from(conversations) }));
    expect(rows.leads).toHaveLength(2);
    const second = rows.leads.find((l) => l.id !== first.id)!;
    expect(second.stage).not.toBe("won");
    expect(rows.conversations).toHaveLength(1);
    expect(rows.conversations[0].leadId).toBe(second.id);
  });

  it("refuses a wrong or missing signature with 401 and stores nothing", async () => {
    const t = await createTestTenant();
    const before = await inboxCount();
    const body = whatsappText({ phoneNumberId: t.phoneNumberId, from: "31612345678", text: "hi" });
    expect((await POST(signedRequest(url, body, "not-the-secret"))).status).toBe(401);
    const unsigned = new Request(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    expect((await POST(unsigned)).status).toBe(401);
    expect(await inboxCount()).toBe(before);
  });

  it("answers 400 for malformed JSON or a body that is not a WhatsApp webhook", async () => {
    const bad = signedRequest(url, {});
    const raw = "{not json";
    const malformed = new Request(url, { method: "POST", body: raw, headers: { "x-hub-signature-256": (await import("../../fakes/whatsapp-payloads")).signMeta(raw) } });
    const res = await POST(malformed);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/Malformed JSON/);
    const wrongShape = await POST(bad);
    expect(wrongShape.status).toBe(400);
    expect((await wrongShape.json()).error).toMatch(/WhatsApp/);
  });

  it("answers 413 for a body over 1 MiB and 404 for an unknown phone_number_id", async () => {
    const huge = whatsappText({ phoneNumberId: "1", from: "31612345678", text: "x".repeat(1024 * 1024 + 10) });
    expect((await POST(signedRequest(url, huge))).status).toBe(413);
    const unknown = await POST(signedRequest(url, whatsappText({ phoneNumberId: "999000111222333", from: "31612345678", text: "hoi" })));
    expect(unknown.status).toBe(404);
  });

  it("stores a redelivered message once", async () => {
    const t = await createTestTenant();
    const body = whatsappText({ phoneNumberId: t.phoneNumberId, from: "31698765432", text: "Is de Golf er nog?", id: wamid() });
    for (let i = 0; i < 3; i++) expect((await POST(signedRequest(url, body))).status).toBe(200);
    await drainJobs();
    // Same message inside a different batch: deduplicated on the wamid.
    const same = (body.entry[0].changes[0].value as unknown as { messages: { id: string; timestamp: string; text: { body: string } }[] }).messages[0];
    const rebatched = whatsappText({ phoneNumberId: t.phoneNumberId, from: "31698765432", text: same.text.body, id: same.id, at: new Date(Number(same.timestamp) * 1000 + 1000) });
    await POST(signedRequest(url, rebatched));
    await drainJobs();
    expect((await tenantMessages(t.tenant.id)).filter((m) => m.direction === "inbound")).toHaveLength(1);
  });

  it("keeps the most advanced delivery status when statuses arrive out of order", async () => {
    const t = await createTestTenant();
    await POST(signedRequest(url, whatsappText({ phoneNumberId: t.phoneNumberId, from: "31611112222", text: "hallo" })));
    await drainJobs();
    const [conv] = await withTenant(t.tenant.id, (tx) => tx.select().from(conversations));
    const id = wamid();
    await withTenant(t.tenant.id, (tx) => tx.insert(messages).values({
      tenantId: t.tenant.id, conversationId: conv.id, channelId: t.channelId, direction: "outbound", senderKind: "assistant", body: "Hoi!", status: "sent", providerMessageId: id,
    }));
    for (const status of ["read", "delivered", "sent"] as const) await POST(signedRequest(url, whatsappStatus({ phoneNumberId: t.phoneNumberId, id, status })));
    await drainJobs();
    const out = (await tenantMessages(t.tenant.id)).find((m) => m.providerMessageId === id);
    expect(out?.status).toBe("read");
  });

  it("fetches an image through the Graph media endpoint and keeps it", async () => {
    const t = await createTestTenant({ graphToken: "token-abc" });
    graph.setMedia("MEDIA123", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), "image/jpeg");
    await POST(signedRequest(url, whatsappImage({ phoneNumberId: t.phoneNumberId, from: "31633334444", mediaId: "MEDIA123", caption: "mijn inruilauto" })));
    await drainJobs();
    const [msg] = (await tenantMessages(t.tenant.id)).filter((m) => m.direction === "inbound");
    expect(msg.type).toBe("image");
    expect(msg.body).toBe("mijn inruilauto");
    expect(msg.media?.mediaId).toMatch(/[0-9a-f-]{36}/);
  });

  it("keeps tenants apart: a message to one tenant's number never lands at another", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    await POST(signedRequest(url, whatsappText({ phoneNumberId: a.phoneNumberId, from: "31655556666", text: "voor A" })));
    await drainJobs();
    expect(await tenantMessages(b.tenant.id)).toHaveLength(0);
    expect((await tenantMessages(a.tenant.id)).length).toBeGreaterThan(0);
  });
});
