import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { POST } from "@/app/api/webhooks/waha/[channelId]/route";
import { withTenant } from "@/db/tenant";
import { eq } from "drizzle-orm";
import { contacts, leads, mediaObjects } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { queueOutboundMessage } from "@/lib/conversations/outbound";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { signWaha, startFakeWaha, wahaAck, wahaMessage } from "../../fakes/whatsapp-gateways";
import { addChannel, conversationOn, inboxRows, messageById, messagesOf, uniquePhone } from "./channel-fixtures";

useTestDatabase();
let waha: Awaited<ReturnType<typeof startFakeWaha>>;
beforeAll(async () => { waha = await startFakeWaha("waha-key"); });
afterAll(() => waha.close());
afterEach(() => resetClock());

const hook = (channelId: string, body: unknown, key: string | null = "hmac-key", raw = JSON.stringify(body)) =>
  POST(new Request(`http://localhost/api/webhooks/waha/${channelId}`, {
    method: "POST", body: raw, headers: { "content-type": "application/json", ...(key ? { "x-webhook-hmac": signWaha(raw, key), "x-webhook-hmac-algorithm": "sha512" } : {}) },
  }), { params: Promise.resolve({ channelId }) });

async function wahaTenant() {
  const t = await createTestTenant();
  const channel = await addChannel(t.tenant.id, { provider: "waha", externalId: `s-${randomUUID().slice(0, 8)}`, baseUrl: waha.url, credentials: { apiKey: "waha-key" }, webhookSecret: "hmac-key" });
  return { ...t, waha: channel };
}

describe("WAHA channel", () => {
  it("turns a signed message event into contact, lead, conversation and message", async () => {
    const t = await wahaTenant();
    const from = uniquePhone();
    const res = await hook(t.waha.id, wahaMessage({ session: t.waha.externalId, from, body: "Is de Yaris nog te koop?", name: "Joost" }));
    expect(res.status).toBe(200);
    await drainJobs();
    const rows = await withTenant(t.tenant.id, async (tx) => ({ contacts: await tx.select().from(contacts), leads: await tx.select().from(leads) }));
    expect(rows.contacts).toMatchObject([{ phone: from, name: "Joost" }]);
    expect(rows.leads).toMatchObject([{ source: "whatsapp" }]);
    const [msg] = (await messagesOf(t.tenant.id)).filter((m) => m.direction === "inbound");
    expect(msg).toMatchObject({ body: "Is de Yaris nog te koop?", channelId: t.waha.id, type: "text" });
  });

  it("downloads a media message's file with the API key and keeps it with the caption", async () => {
    const t = await wahaTenant();
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);
    waha.setFile(`/api/files/${t.waha.externalId}/x.jpeg`, jpeg, "image/jpeg");
    await hook(t.waha.id, wahaMessage({ from: uniquePhone(), body: "mijn inruil", media: { url: `${waha.url}/api/files/${t.waha.externalId}/x.jpeg`, mimetype: "image/jpeg" } }));
    await drainJobs();
    const [msg] = (await messagesOf(t.tenant.id)).filter((m) => m.direction === "inbound");
    expect(msg).toMatchObject({ type: "image", body: "mijn inruil", meta: { mediaUrl: `${waha.url}/api/files/${t.waha.externalId}/x.jpeg` } });
    const [file] = await withTenant(t.tenant.id, (tx) => tx.select().from(mediaObjects).where(eq(mediaObjects.id, msg.media!.mediaId!)));
    expect(Buffer.from(file.bytes!)).toEqual(jpeg);
  });

  it("refuses a wrong or missing HMAC, and another tenant's key, with 401 and stores nothing", async () => {
    const a = await wahaTenant();
    const b = await createTestTenant();
    const other = await addChannel(b.tenant.id, { provider: "waha", externalId: `s-${randomUUID().slice(0, 8)}`, baseUrl: waha.url, webhookSecret: "other-key" });
    const body = wahaMessage({ from: uniquePhone(), body: "hoi" });
    const before = (await inboxRows("waha")).length;
    expect((await hook(a.waha.id, body, "wrong-key")).status).toBe(401);
    expect((await hook(a.waha.id, body, null)).status).toBe(401);
    expect((await hook(other.id, body, "hmac-key")).status).toBe(401);
    expect(await inboxRows("waha")).toHaveLength(before);
    await drainJobs();
    expect(await messagesOf(a.tenant.id)).toHaveLength(0);
    expect(await messagesOf(b.tenant.id)).toHaveLength(0);
  });

  it("answers 400 for malformed JSON or a foreign shape, 404 for an unknown channel, 413 for an oversized body", async () => {
    const t = await wahaTenant();
    const before = (await inboxRows("waha")).length;
    const malformed = await hook(t.waha.id, null, "hmac-key", "{nope");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toMatch(/Malformed JSON/);
    const foreign = await hook(t.waha.id, { hello: "world" });
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error).toMatch(/WAHA/);
    expect((await hook(randomUUID(), wahaMessage({ from: uniquePhone() }))).status).toBe(404);
    expect((await hook("not-a-uuid", wahaMessage({ from: uniquePhone() }))).status).toBe(404);
    expect((await hook(t.channelId, wahaMessage({ from: uniquePhone() }))).status).toBe(404);
    expect((await hook(t.waha.id, wahaMessage({ from: uniquePhone(), body: "x".repeat(1024 * 1024 + 1) }))).status).toBe(413);
    expect((await inboxRows("waha")).length).toBe(before);
  });

  it("stores a redelivered message once and ignores our own and group messages", async () => {
    const t = await wahaTenant();
    const body = wahaMessage({ from: uniquePhone(), body: "Proefrit zaterdag?" });
    for (let i = 0; i < 3; i++) expect((await hook(t.waha.id, body)).status).toBe(200);
    // The same message again as `message.any`, a new delivery with the same message id.
    await hook(t.waha.id, { ...body, id: "evt_other", event: "message.any" });
    const own = await hook(t.waha.id, wahaMessage({ from: uniquePhone(), body: "from the dealer", fromMe: true }));
    expect(await own.json()).toMatchObject({ ignored: expect.any(String) });
    const group = wahaMessage({ from: uniquePhone(), body: "group chat" });
    group.payload.from = "120363025246125486@g.us";
    await hook(t.waha.id, group);
    await drainJobs();
    expect((await messagesOf(t.tenant.id)).filter((m) => m.direction === "inbound").map((m) => m.body)).toEqual(["Proefrit zaterdag?"]);
  });

  it("sends through WAHA's sendText with the API key and follows acks to the most advanced status", async () => {
    const t = await wahaTenant();
    const phone = uniquePhone();
    const c = await conversationOn(t.tenant.id, t.waha.id, phone);
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "De Yaris staat klaar." });
    await drainJobs();
    const [sent] = waha.sent.filter((s) => (s.body as { chatId: string }).chatId === `${phone}@c.us`);
    expect(sent.body).toEqual({ session: t.waha.externalId, chatId: `${phone}@c.us`, text: "De Yaris staat klaar." });
    expect((await messageById(t.tenant.id, msg.id))).toMatchObject({ status: "sent", providerMessageId: sent.id });
    for (const ack of [3, 2, 1] as const) await hook(t.waha.id, wahaAck({ id: sent.id, ack }));
    await drainJobs();
    expect((await messageById(t.tenant.id, msg.id)).status).toBe("read");
  });

  it("retries when WAHA fails twice, then delivers exactly once; a refusal is recorded as failed", async () => {
    const t = await wahaTenant();
    const phone = uniquePhone();
    const c = await conversationOn(t.tenant.id, t.waha.id, phone);
    waha.failNext(2, 503);
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "assistant", body: "Drie opties:" });
    for (let i = 0; i < 5; i++) {
      await drainJobs();
      advanceClock(10_000);
    }
    expect(waha.sent.filter((s) => (s.body as { chatId: string }).chatId === `${phone}@c.us`)).toHaveLength(1);
    expect((await messageById(t.tenant.id, msg.id)).status).toBe("sent");

    waha.failNext(1, 422);
    const refused = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Nog één" });
    await drainJobs();
    expect(await messageById(t.tenant.id, refused.id)).toMatchObject({ status: "failed", error: { code: 422 } });
  });

  it("sends free text after 24 hours (no Business Platform window on WAHA)", async () => {
    const t = await wahaTenant();
    const phone = uniquePhone();
    const c = await conversationOn(t.tenant.id, t.waha.id, phone, new Date(Date.now() - 3 * 24 * 3600_000));
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Nog interesse?" });
    await drainJobs();
    expect((await messageById(t.tenant.id, msg.id)).status).toBe("sent");
  });
});
