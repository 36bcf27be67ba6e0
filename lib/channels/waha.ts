import { createHmac } from "node:crypto";
import { z } from "zod";
import { safeEqual } from "@/lib/crypto/secrets";
import { ChannelPayloadError, type Channel, type ChannelCredentials, type InboundEvent, type InboundMessage, type OutboundMessage, type SendResult } from "./types";
import { httpSendFailure, mediaTypeOf, postJson } from "./http-send";

/** WAHA signs the raw body with the session's HMAC key: `X-Webhook-Hmac: <hex>`, SHA-512 unless it says otherwise. */
export function verifyWahaSignature(rawBody: string | Buffer, headers: Headers, key: string): boolean {
  const given = headers.get("x-webhook-hmac")?.trim().toLowerCase();
  const algorithm = (headers.get("x-webhook-hmac-algorithm") ?? "sha512").toLowerCase();
  if (!given || (algorithm !== "sha512" && algorithm !== "sha256")) return false;
  return safeEqual(given, createHmac(algorithm, key).update(rawBody).digest("hex"));
}

const payload = z.object({
  event: z.string(),
  session: z.string(),
  payload: z.object({
    id: z.union([z.string(), z.object({ _serialized: z.string() }).passthrough()]),
    timestamp: z.number().optional(),
    from: z.string().optional(),
    fromMe: z.boolean().optional(),
    body: z.string().nullish(),
    hasMedia: z.boolean().optional(),
    media: z.object({ url: z.string().nullish(), mimetype: z.string().nullish(), filename: z.string().nullish() }).passthrough().nullish(),
    location: z.object({ latitude: z.coerce.number(), longitude: z.coerce.number(), description: z.string().nullish() }).passthrough().nullish(),
    ack: z.number().nullish(),
    _data: z.object({ notifyName: z.string().nullish(), pushName: z.string().nullish() }).passthrough().nullish(),
  }).passthrough(),
}).passthrough();

// WAHA's ack levels: -1 error, 0 pending, 1 server, 2 device, 3 read, 4 played.
const ackStatus: Record<number, "failed" | "sent" | "delivered" | "read"> = { [-1]: "failed", 1: "sent", 2: "delivered", 3: "read", 4: "read" };
const personalChat = /^(\d{6,15})@(c\.us|s\.whatsapp\.net)$/;

export function parseWahaWebhook(body: unknown): InboundEvent[] {
  const parsed = payload.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChannelPayloadError(`Not a WAHA webhook: ${issue.path.join(".") || "body"} ${issue.message}`);
  }
  const { event, session, payload: p } = parsed.data;
  const externalId = typeof p.id === "string" ? p.id : p.id._serialized;
  const timestamp = p.timestamp ? new Date(p.timestamp * 1000) : new Date();
  if (event === "message.ack") {
    const status = ackStatus[p.ack ?? 0];
    return status ? [{ kind: "status", channelKey: session, externalId, status, timestamp, ...(status === "failed" ? { error: { code: -1, title: "WAHA reported the message as not sent" } } : {}) }] : [];
  }
  // `message.any` also carries our own messages; groups and broadcast lists are not shoppers.
  const from = personalChat.exec(p.from ?? "")?.[1];
  if ((event !== "message" && event !== "message.any") || p.fromMe || !from) return [];
  const base: InboundMessage = {
    kind: "message", channelKey: session, externalId, from, timestamp, type: "text",
    profileName: p._data?.notifyName ?? p._data?.pushName ?? undefined, text: p.body ?? undefined,
  };
  if (p.hasMedia && p.media?.url) {
    const caption = p.body || undefined;
    return [{ ...base, type: mediaTypeOf(p.media.mimetype, p.media.filename), text: caption, media: { url: p.media.url, mimeType: p.media.mimetype ?? undefined, filename: p.media.filename ?? undefined, caption } }];
  }
  if (p.location) {
    const location = { latitude: p.location.latitude, longitude: p.location.longitude, name: p.location.description ?? undefined };
    return [{ ...base, type: "location", location, text: location.name }];
  }
  return [p.body ? base : { ...base, type: "unsupported" }];
}

/** WAHA has no templates or native buttons that work on every engine: options become a numbered list. */
function wahaRequest(to: string, m: OutboundMessage, session: string): { path: string; body: Record<string, unknown> } {
  const chatId = `${to}@c.us`;
  switch (m.type) {
    case "text":
      return { path: "/api/sendText", body: { session, chatId, text: m.text } };
    case "image":
      return { path: "/api/sendImage", body: { session, chatId, file: { url: m.url }, caption: m.caption } };
    case "buttons":
      return { path: "/api/sendText", body: { session, chatId, text: [m.text, ...m.buttons.map((b, i) => `${i + 1}. ${b.title}`)].join("\n") } };
    case "template":
      return { path: "/api/sendText", body: { session, chatId, text: m.text } };
  }
}

export async function sendWaha(to: string, m: OutboundMessage, creds: ChannelCredentials): Promise<SendResult> {
  if (!creds.baseUrl) return { ok: false, retryable: false, error: { code: "not_connected", title: "not delivered: channel not connected" } };
  const { path, body } = wahaRequest(to, m, creds.externalId);
  const res = await postJson(`${creds.baseUrl.replace(/\/$/, "")}${path}`, body, creds.apiKey ? { "x-api-key": creds.apiKey } : {});
  if (!res.ok) return httpSendFailure(res, "WAHA");
  const r = res.body as { id?: string | { _serialized?: string }; key?: { id?: string } } | null;
  const id = typeof r?.id === "string" ? r.id : r?.id?._serialized ?? r?.key?.id;
  return id ? { ok: true, externalId: id } : { ok: false, retryable: false, error: { code: "no_id", title: "WAHA answered without a message id" } };
}

export const waha: Channel = {
  provider: "waha",
  verify: (raw, headers, secret) => verifyWahaSignature(raw, headers, secret),
  parse: parseWahaWebhook,
  send: sendWaha,
};
