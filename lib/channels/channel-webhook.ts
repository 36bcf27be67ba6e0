import { createHash } from "node:crypto";
import { jsonError, parseJson, readRawBody } from "@/lib/webhooks/body";
import { persistInbox } from "@/lib/webhooks/inbox";
import { handOffInbox } from "./handoff";
import { channelWebhookSecret, findChannelById } from "./store";
import { ChannelPayloadError, type Channel } from "./types";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Webhooks addressed to one channel by id in the URL (WAHA, Fonnte): find the channel, verify with
 * its own secret, check the body, persist, acknowledge. Processing reads the channel from the inbox row.
 */
export async function receiveChannelWebhook(request: Request, channelId: string, adapter: Channel): Promise<Response> {
  const body = await readRawBody(request);
  if (!body.ok) return jsonError(body.status, body.error);
  const channel = uuid.test(channelId) ? await findChannelById(channelId) : null;
  if (!channel || channel.provider !== adapter.provider) return jsonError(404, "Unknown channel");
  const secret = channelWebhookSecret(channel);
  if (!secret || !adapter.verify(body.bytes, request.headers, secret, new URL(request.url))) {
    return jsonError(401, "Invalid or missing webhook signature");
  }
  const json = parseJson(body.text);
  if (!json.ok) return jsonError(400, json.error);
  let events;
  try {
    events = adapter.parse(json.value);
  } catch (err) {
    if (err instanceof ChannelPayloadError) return jsonError(400, err.message);
    throw err;
  }
  if (events.length === 0) return Response.json({ ok: true, ignored: "nothing to store" });
  // Message and ack ids are the provider's; a redelivery carries the same ones.
  const key = createHash("sha256").update(events.map((e) => `${e.kind}:${e.externalId}:${e.kind === "status" ? e.status : ""}`).join("|")).digest("hex");
  const { id, duplicate } = await persistInbox({ source: adapter.provider, idempotencyKey: `${channel.id}:${key}`, rawBody: body.text, scopeTenantId: channel.tenantId, channelId: channel.id });
  const first = events[0];
  if (!duplicate) await handOffInbox(id, first.kind === "message" ? `${channel.id}:${first.from}` : `status:${first.externalId}`);
  return Response.json({ ok: true, duplicate });
}
