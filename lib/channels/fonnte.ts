import { createHash } from "node:crypto";
import { z } from "zod";
import { safeEqual } from "@/lib/crypto/secrets";
import { ChannelPayloadError, type Channel, type ChannelCredentials, type InboundEvent, type InboundMessage, type OutboundMessage, type SendResult } from "./types";
import { httpSendFailure, mediaTypeOf, postForm } from "./http-send";

export const FONNTE_API_URL = "https://api.fonnte.com";

/** Fonnte only lets the dealer enter a webhook URL, so the channel's secret travels as `?token=` (or a header). */
export function verifyFonnteToken(headers: Headers, url: URL | undefined, secret: string): boolean {
  const given = url?.searchParams.get("token") ?? headers.get("x-webhook-token");
  return Boolean(given) && safeEqual(given!, secret);
}

const text = z.union([z.string(), z.number()]).transform(String).nullish();
const payload = z.object({
  device: text, sender: text, message: text, text, member: text, name: text, location: text,
  url: text, filename: text, extension: text, inboxid: text, timestamp: z.coerce.number().nullish(),
  // delivery report fields
  id: text, stateid: text, status: z.union([z.string(), z.boolean()]).nullish(), state: text,
}).passthrough();

const stateToStatus: Record<string, "sent" | "delivered" | "read" | "failed"> = {
  sent: "sent", delivered: "delivered", read: "read", played: "read", failed: "failed", invalid: "failed", expired: "failed",
};

export function parseFonnteWebhook(body: unknown): InboundEvent[] {
  const parsed = payload.safeParse(body);
  if (!parsed.success || typeof body !== "object" || Array.isArray(body)) {
    const issue = parsed.success ? { path: [], message: "is not an object" } : parsed.error.issues[0];
    throw new ChannelPayloadError(`Not a Fonnte webhook: ${issue.path.join(".") || "body"} ${issue.message}`);
  }
  const p = parsed.data;
  const channelKey = p.device ?? "";
  const timestamp = p.timestamp ? new Date(p.timestamp * 1000) : new Date();
  if (!p.sender && p.id) {
    const status = stateToStatus[(p.state ?? "").toLowerCase()] ?? stateToStatus[String(p.status ?? "").toLowerCase()];
    if (!status) return [];
    return [{ kind: "status", channelKey, externalId: p.id, status, timestamp, ...(status === "failed" ? { error: { code: 0, title: `Fonnte: ${p.state ?? p.status}` } } : {}) }];
  }
  // Group messages carry the member who wrote; device connect/disconnect reports carry no sender.
  const from = /^(\d{6,15})(@s\.whatsapp\.net)?$/.exec(p.sender ?? "")?.[1];
  if (!from || p.member) return [];
  // Fonnte sends no message id unless the inbox feature is on: the body itself identifies a redelivery.
  const externalId = p.inboxid ? `fonnte-${p.inboxid}` : `fonnte-${createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 32)}`;
  const base: InboundMessage = { kind: "message", channelKey, externalId, from, profileName: p.name ?? undefined, timestamp, type: "text", text: p.message ?? p.text ?? undefined };
  if (p.url) return [{ ...base, type: mediaTypeOf(null, p.filename ?? (p.extension ? `f.${p.extension}` : null)), media: { url: p.url, filename: p.filename ?? undefined, caption: base.text } }];
  if (p.location && !base.text) return [{ ...base, type: "location", text: p.location }];
  return [base.text ? base : { ...base, type: "unsupported" }];
}

function fonnteMessage(m: OutboundMessage): Record<string, string> {
  switch (m.type) {
    case "text":
      return { message: m.text };
    case "image":
      return { message: m.caption ?? "", ...(m.url ? { url: m.url } : {}) };
    case "buttons":
      return { message: [m.text, ...m.buttons.map((b, i) => `${i + 1}. ${b.title}`)].join("\n") };
    case "template":
      return { message: m.text };
  }
}

export async function sendFonnte(to: string, m: OutboundMessage, creds: ChannelCredentials): Promise<SendResult> {
  if (!creds.token) return { ok: false, retryable: false, error: { code: "not_connected", title: "not delivered: channel not connected" } };
  // countryCode 0: our numbers are already international, Fonnte must not rewrite them.
  const res = await postForm(`${(creds.baseUrl ?? FONNTE_API_URL).replace(/\/$/, "")}/send`, { target: to, countryCode: "0", ...fonnteMessage(m) }, { authorization: creds.token });
  if (!res.ok) return httpSendFailure(res, "Fonnte");
  // Fonnte answers 200 with `status: false` and a reason for refusals (bad token, invalid number, quota).
  const r = res.body as { status?: boolean; id?: (string | number)[]; reason?: string } | null;
  if (r?.status && r.id?.length) return { ok: true, externalId: String(r.id[0]) };
  return { ok: false, retryable: false, error: { code: "fonnte_refused", title: `Fonnte refused the message: ${r?.reason ?? "no reason given"}` } };
}

export const fonnte: Channel = {
  provider: "fonnte",
  verify: (_raw, headers, secret, url) => verifyFonnteToken(headers, url, secret),
  parse: parseFonnteWebhook,
  send: sendFonnte,
};
