import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { apiFetch } from "@/lib/net/api-fetch";
import { ChannelPayloadError, type Channel, type ChannelCredentials, type InboundEvent, type OutboundMessage, type SendResult } from "./types";

/** `X-Hub-Signature-256: sha256=<hex HMAC of the raw body>`; compared in constant time. */
export function verifyMetaSignature(rawBody: string | Buffer, header: string | null, appSecret: string): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = Buffer.from(createHmac("sha256", appSecret).update(rawBody).digest("hex"));
  const given = Buffer.from(header.slice(7));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function isInsideCustomerServiceWindow(lastInboundAt: Date | string | null, now = new Date()): boolean {
  if (!lastInboundAt) return false;
  return now.getTime() - new Date(lastInboundAt).getTime() < 24 * 3600_000;
}

const media = z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional(), filename: z.string().optional() }).passthrough();
const message = z
  .object({
    from: z.string(),
    id: z.string(),
    timestamp: z.string(),
    type: z.string(),
    text: z.object({ body: z.string() }).optional(),
    image: media.optional(), document: media.optional(), audio: media.optional(), video: media.optional(), sticker: media.optional(),
    location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
    interactive: z.object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string() }).optional(),
    }).optional(),
    button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
    reaction: z.object({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  })
  .passthrough();
const status = z
  .object({
    id: z.string(), status: z.enum(["sent", "delivered", "read", "failed"]), timestamp: z.string(), recipient_id: z.string().optional(),
    errors: z.array(z.object({ code: z.number(), title: z.string(), message: z.string().optional(), error_data: z.object({ details: z.string() }).partial().optional() })).optional(),
  })
  .passthrough();
const payload = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.object({
    id: z.string(),
    changes: z.array(z.object({
      field: z.string(),
      value: z.object({
        messaging_product: z.string().optional(),
        metadata: z.object({ phone_number_id: z.string(), display_phone_number: z.string().optional() }),
        contacts: z.array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }).partial().optional() })).optional(),
        messages: z.array(message).optional(),
        statuses: z.array(status).optional(),
      }).passthrough(),
    })),
  })),
});

const mediaTypes = ["image", "document", "audio", "video", "sticker"] as const;
const at = (ts: string) => new Date(Number(ts) * 1000);

export function parseWhatsAppWebhook(body: unknown): InboundEvent[] {
  const parsed = payload.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChannelPayloadError(`Not a WhatsApp Cloud API webhook: ${issue.path.join(".") || "body"} ${issue.message}`);
  }
  const events: InboundEvent[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      const v = change.value;
      const channelKey = v.metadata.phone_number_id;
      const names = new Map((v.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const m of v.messages ?? []) {
        const base = { kind: "message" as const, channelKey, externalId: m.id, from: m.from, profileName: names.get(m.from), timestamp: at(m.timestamp) };
        const mediaType = mediaTypes.find((t) => t === m.type);
        if (m.type === "text" && m.text) events.push({ ...base, type: "text", text: m.text.body });
        else if (mediaType && m[mediaType]) {
          const x = m[mediaType]!;
          events.push({ ...base, type: mediaType, text: x.caption, media: { id: x.id, mimeType: x.mime_type, caption: x.caption, filename: x.filename } });
        } else if (m.type === "location" && m.location) events.push({ ...base, type: "location", location: m.location, text: m.location.name ?? m.location.address });
        else if (m.type === "interactive" && m.interactive) {
          const reply = m.interactive.button_reply ?? m.interactive.list_reply;
          if (reply) events.push({ ...base, type: "interactive", interactive: reply, text: reply.title });
        } else if (m.type === "button" && m.button) events.push({ ...base, type: "interactive", interactive: { id: m.button.payload ?? m.button.text, title: m.button.text }, text: m.button.text });
        else if (m.type === "reaction" && m.reaction) events.push({ ...base, type: "reaction", reaction: { emoji: m.reaction.emoji ?? "", messageId: m.reaction.message_id } });
        else events.push({ ...base, type: "unsupported" });
      }
      for (const s of v.statuses ?? []) {
        const e = s.errors?.[0];
        events.push({
          kind: "status", channelKey, externalId: s.id, status: s.status, timestamp: at(s.timestamp), recipient: s.recipient_id,
          error: e ? { code: e.code, title: e.title, detail: e.error_data?.details ?? e.message } : undefined,
        });
      }
    }
  }
  return events;
}

export function whatsAppMessageBody(to: string, m: OutboundMessage): Record<string, unknown> {
  const base = { messaging_product: "whatsapp", recipient_type: "individual", to };
  switch (m.type) {
    case "text":
      return { ...base, type: "text", text: { body: m.text, preview_url: true } };
    case "image":
      return { ...base, type: "image", image: m.mediaId ? { id: m.mediaId, caption: m.caption } : { link: m.url, caption: m.caption } };
    case "buttons":
      return {
        ...base, type: "interactive",
        interactive: { type: "button", body: { text: m.text }, action: { buttons: m.buttons.slice(0, 3).map((b) => ({ type: "reply", reply: { id: b.id, title: b.title.slice(0, 20) } })) } },
      };
    case "template":
      return {
        ...base, type: "template",
        template: { name: m.name, language: { code: m.language }, components: m.variables.length ? [{ type: "body", parameters: m.variables.map((text) => ({ type: "text", text })) }] : [] },
      };
  }
}

// Throughput and transient errors are worth retrying; the rest (window closed, bad number, bad token) are not.
const retryableCodes = new Set([130429, 131056, 131000, 80007, 1, 2, 4, 17, 32, 613]);

export function classifyGraphError(status: number, body: unknown, retryAfterHeader: string | null): SendResult {
  const err = (body as { error?: { code?: number; message?: string; error_data?: { details?: string } } })?.error ?? {};
  const code = err.code ?? status;
  const retryable = status >= 500 || status === 429 || retryableCodes.has(code);
  const retryAfterMs = retryAfterHeader ? Number(retryAfterHeader) * 1000 : undefined;
  return { ok: false, retryable, retryAfterMs, error: { code, title: err.message ?? `HTTP ${status}`, detail: err.error_data?.details } };
}

export async function sendWhatsAppCloud(to: string, m: OutboundMessage, creds: ChannelCredentials): Promise<SendResult> {
  if (!creds.accessToken) return { ok: false, retryable: false, error: { code: "not_connected", title: "not delivered: channel not connected" } };
  let res: Response;
  try {
    res = await apiFetch(`${creds.graphUrl}/${creds.externalId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${creds.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify(whatsAppMessageBody(to, m)),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    return { ok: false, retryable: true, error: { code: "network", title: `Graph API unreachable: ${(err as Error).message}` } };
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) return classifyGraphError(res.status, body, res.headers.get("retry-after"));
  const id = (body as { messages?: { id: string }[] })?.messages?.[0]?.id;
  return id ? { ok: true, externalId: id } : { ok: false, retryable: true, error: { code: "no_id", title: "Graph API answered without a message id" } };
}

/** GET /{media-id} gives a short-lived URL, fetched with the same bearer token. */
export async function fetchWhatsAppMedia(mediaId: string, token: string, graphUrl: string): Promise<{ bytes: Buffer; mimeType: string }> {
  const meta = await fetch(`${graphUrl}/${mediaId}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
  if (!meta.ok) throw new Error(`media ${mediaId}: Graph API answered ${meta.status}`);
  const { url, mime_type } = (await meta.json()) as { url: string; mime_type: string };
  const file = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(20_000) });
  if (!file.ok) throw new Error(`media ${mediaId}: download answered ${file.status}`);
  return { bytes: Buffer.from(await file.arrayBuffer()), mimeType: mime_type };
}

export const whatsappCloud: Channel = {
  provider: "whatsapp_cloud",
  verify: (raw, headers, secret) => verifyMetaSignature(raw, headers.get("x-hub-signature-256"), secret),
  parse: parseWhatsAppWebhook,
  send: sendWhatsAppCloud,
};
