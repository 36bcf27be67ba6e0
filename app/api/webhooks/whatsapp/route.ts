import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { handOffInbox } from "@/lib/channels/handoff";
import { ChannelPayloadError } from "@/lib/channels/types";
import { findChannelByExternalId } from "@/lib/channels/store";
import { parseWhatsAppWebhook, verifyMetaSignature } from "@/lib/channels/whatsapp-cloud";
import { jsonAck, jsonError, parseJson, readRawBody } from "@/lib/webhooks/body";
import { persistInbox } from "@/lib/webhooks/inbox";

// Meta's subscription handshake.
export function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  if (q.get("hub.mode") === "subscribe" && q.get("hub.verify_token") === env().metaVerifyToken) {
    return new Response(q.get("hub.challenge") ?? "", { status: 200, headers: { "content-type": "text/plain" } });
  }
  return new Response("Forbidden", { status: 403 });
}

export async function POST(request: Request) {
  const body = await readRawBody(request);
  if (!body.ok) return jsonError(body.status, body.error);
  if (!verifyMetaSignature(body.bytes, request.headers.get("x-hub-signature-256"), env().metaAppSecret)) {
    return jsonError(401, "Invalid or missing X-Hub-Signature-256");
  }
  const json = parseJson(body.text);
  if (!json.ok) return jsonError(400, json.error);
  let phoneNumberIds: string[];
  let orderKey: string;
  try {
    const events = parseWhatsAppWebhook(json.value);
    phoneNumberIds = [...new Set(events.map((e) => e.channelKey))];
    const first = events.find((e) => e.kind === "message");
    orderKey = first?.kind === "message" ? `${first.channelKey}:${first.from}` : `status:${events[0]?.externalId ?? ""}`;
  } catch (err) {
    if (err instanceof ChannelPayloadError) return jsonError(400, err.message);
    throw err;
  }
  const channels = (await Promise.all(phoneNumberIds.map((id) => findChannelByExternalId("whatsapp_cloud", id)))).filter((c) => c !== null);
  if (phoneNumberIds.length > 0 && channels.length === 0) return jsonError(404, `Unknown phone_number_id ${phoneNumberIds.join(", ")}`);
  if (channels.length === 0) return jsonAck({ ok: true, ignored: "no messages or statuses" });

  // Meta redelivers the exact same bytes, so their hash is the idempotency key.
  const key = createHash("sha256").update(body.bytes).digest("hex");
  const { id, duplicate } = await persistInbox({
    source: "whatsapp", idempotencyKey: key, rawBody: body.text, scopeTenantId: channels[0].tenantId, channelId: channels[0].id,
  });
  // Persisted already: the hand-off runs after the response, and the sweeper re-dispatches it if this process dies first.
  if (!duplicate) await handOffInbox(id, orderKey);
  return jsonAck({ ok: true, duplicate });
}
