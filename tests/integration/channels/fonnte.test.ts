import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { POST } from "@/app/api/webhooks/fonnte/[channelId]/route";
import { withTenant } from "@/db/tenant";
import { contacts, leads } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { queueOutboundMessage } from "@/lib/conversations/outbound";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { fonnteMessage, fonnteStatus, startFakeFonnte } from "../../fakes/whatsapp-gateways";
import { addChannel, conversationOn, inboxRows, messageById, messagesOf, uniquePhone } from "./channel-fixtures";

useTestDatabase();
let fonnte: Awaited<ReturnType<typeof startFakeFonnte>>;
beforeAll(async () => { fonnte = await startFakeFonnte("device-token"); });
afterAll(() => fonnte.close());
afterEach(() => resetClock());

const hook = (channelId: string, body: unknown, token: string | null = "hook-secret", raw = JSON.stringify(body)) =>
  POST(new Request(`http://localhost/api/webhooks/fonnte/${channelId}${token ? `?token=${encodeURIComponent(token)}` : ""}`, {
    method: "POST", body: raw, headers: { "content-type": "application/json" },
  }), { params: Promise.resolve({ channelId }) });

async function fonnteTenant() {
  const t = await createTestTenant({ locale: "id-ID", currency: "IDR", timeZone: "Asia/Jakarta", country: "ID" });
  const device = uniquePhone("62812");
  const channel = await addChannel(t.tenant.id, { provider: "fonnte", externalId: device, baseUrl: fonnte.url, credentials: { token: "device-token" }, webhookSecret: "hook-secret" });
  return { ...t, fonnte: channel, device };
}
const toOf = (phone: string) => fonnte.sent.filter((s) => s.body.target === phone);

describe("Fonnte channel", () => {
  it("turns an incoming message into contact, lead, conversation and message", async () => {
    const t = await fonnteTenant();
    const sender = uniquePhone("62813");
    const res = await hook(t.fonnte.id, fonnteMessage({ device: t.device, sender, message: "Avanza 2019 masih ada?", name: "Budi" }));
    expect(res.status).toBe(200);
    await drainJobs();
    const rows = await withTenant(t.tenant.id, async (tx) => ({ contacts: await tx.select().from(contacts), leads: await tx.select().from(leads) }));
    expect(rows.contacts).toMatchObject([{ phone: sender, name: "Budi" }]);
    expect(rows.leads).toMatchObject([{ source: "whatsapp" }]);
    expect((await messagesOf(t.tenant.id)).filter((m) => m.direction === "inbound").map((m) => m.body)).toEqual(["Avanza 2019 masih ada?"]);
  });

  it("refuses a wrong or missing token, and another channel's token, with 401 and stores nothing", async () => {
    const a = await fonnteTenant();
    const b = await fonnteTenant();
    const before = (await inboxRows("fonnte")).length;
    const body = fonnteMessage({ device: a.device, sender: uniquePhone("62813"), message: "halo" });
    expect((await hook(a.fonnte.id, body, "wrong")).status).toBe(401);
    expect((await hook(a.fonnte.id, body, null)).status).toBe(401);
    const otherB = await addChannel(b.tenant.id, { provider: "fonnte", externalId: uniquePhone("62814"), baseUrl: fonnte.url, webhookSecret: "b-secret" });
    expect((await hook(otherB.id, body, "hook-secret")).status).toBe(401);
    expect((await inboxRows("fonnte")).length).toBe(before);
  });

  it("answers 400 for malformed JSON or a non-object, 404 for an unknown channel, 413 for an oversized body", async () => {
    const t = await fonnteTenant();
    const malformed = await hook(t.fonnte.id, null, "hook-secret", "device=1&sender=2");
    expect(malformed.status).toBe(400);
    expect((await hook(t.fonnte.id, [1, 2])).status).toBe(400);
    expect((await hook(randomUUID(), fonnteMessage({ device: t.device, sender: "6281300000000", message: "x" }))).status).toBe(404);
    expect((await hook(t.channelId, fonnteMessage({ device: t.device, sender: "6281300000000", message: "x" }))).status).toBe(404);
    expect((await hook(t.fonnte.id, fonnteMessage({ device: t.device, sender: "6281300000000", message: "x".repeat(1024 * 1024 + 1) }))).status).toBe(413);
  });

  it("stores a redelivered message once and ignores group messages", async () => {
    const t = await fonnteTenant();
    const body = fonnteMessage({ device: t.device, sender: uniquePhone("62813"), message: "Bisa test drive besok?" });
    for (let i = 0; i < 3; i++) expect((await hook(t.fonnte.id, body)).status).toBe(200);
    const group = await hook(t.fonnte.id, fonnteMessage({ device: t.device, sender: "120363025246125486@g.us", member: "6281311111111", message: "grup" }));
    expect(await group.json()).toMatchObject({ ignored: expect.any(String) });
    await drainJobs();
    expect((await messagesOf(t.tenant.id)).filter((m) => m.direction === "inbound").map((m) => m.body)).toEqual(["Bisa test drive besok?"]);
  });

  it("sends with the device token, form-encoded, and follows status webhooks", async () => {
    const t = await fonnteTenant();
    const phone = uniquePhone("62815");
    const c = await conversationOn(t.tenant.id, t.fonnte.id, phone);
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Mobilnya siap dilihat." });
    await drainJobs();
    const [sent] = toOf(phone);
    expect(sent.headers.authorization).toBe("device-token");
    expect(sent.body).toMatchObject({ target: phone, message: "Mobilnya siap dilihat.", countryCode: "0" });
    expect(await messageById(t.tenant.id, msg.id)).toMatchObject({ status: "sent", providerMessageId: sent.id });
    await hook(t.fonnte.id, fonnteStatus({ device: t.device, id: sent.id, status: "sent", state: "read" }));
    await hook(t.fonnte.id, fonnteStatus({ device: t.device, id: sent.id, status: "sent", state: "delivered" }));
    await drainJobs();
    expect((await messageById(t.tenant.id, msg.id)).status).toBe("read");
  });

  it("retries on 5xx then sends once; a refusal (200 with status false) is a permanent failure with the reason", async () => {
    const t = await fonnteTenant();
    const phone = uniquePhone("62816");
    const c = await conversationOn(t.tenant.id, t.fonnte.id, phone);
    fonnte.failNext(2, 502);
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "assistant", body: "Ada tiga pilihan." });
    for (let i = 0; i < 5; i++) {
      await drainJobs();
      advanceClock(10_000);
    }
    expect(toOf(phone)).toHaveLength(1);
    expect((await messageById(t.tenant.id, msg.id)).status).toBe("sent");

    fonnte.failNext(1, 200, { status: false, reason: "target invalid" });
    const refused = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Halo" });
    await drainJobs();
    const row = await messageById(t.tenant.id, refused.id);
    expect(row.status).toBe("failed");
    expect(row.error?.title).toMatch(/target invalid/);
  });
});
