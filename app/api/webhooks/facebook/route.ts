import { env } from "@/lib/env";
import { parseLeadgenWebhook, type LeadgenRef } from "@/lib/channels/facebook";
import { handOffInbox } from "@/lib/channels/handoff";
import { findChannelByExternalId } from "@/lib/channels/store";
import { ChannelPayloadError } from "@/lib/channels/types";
import { verifyMetaSignature } from "@/lib/channels/whatsapp-cloud";
import { jsonAck, jsonError, parseJson, readRawBody } from "@/lib/webhooks/body";
import { persistInbox } from "@/lib/webhooks/inbox";

// Meta's subscription handshake for the Page `leadgen` field.
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
  let refs: LeadgenRef[];
  try {
    refs = parseLeadgenWebhook(json.value);
  } catch (err) {
    if (err instanceof ChannelPayloadError) return jsonError(400, err.message);
    throw err;
  }
  if (refs.length === 0) return jsonAck({ ok: true, ignored: "no leadgen changes" });
  const pages = await Promise.all(refs.map((r) => findChannelByExternalId("facebook_page", r.pageId)));
  if (pages.every((p) => p === null)) return jsonError(404, `Unknown page ${[...new Set(refs.map((r) => r.pageId))].join(", ")}`);

  // Lead Ads webhooks have no event id: one inbox row per leadgen_id, so a redelivery is stored once.
  let stored = 0;
  for (const [i, ref] of refs.entries()) {
    const page = pages[i];
    if (!page) continue;
    const { id, duplicate } = await persistInbox({
      source: "facebook", idempotencyKey: ref.leadgenId, rawBody: JSON.stringify(ref), scopeTenantId: page.tenantId, channelId: page.id,
    });
    if (!duplicate) {
      stored++;
      await handOffInbox(id, `facebook:${ref.leadgenId}`);
    }
  }
  return jsonAck({ ok: true, stored, duplicate: stored === 0 });
}
