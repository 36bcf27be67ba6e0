import { decryptSecret, safeEqual } from "@/lib/crypto/secrets";
import { emailKey, inboundEmailSchema } from "@/lib/channels/email-inbound";
import { parseAddress } from "@/lib/channels/email-parse";
import { handOffInbox } from "@/lib/channels/handoff";
import { getTenantBySlug } from "@/lib/tenancy";
import { jsonAck, jsonError, parseJson, readRawBody } from "@/lib/webhooks/body";
import { persistInbox } from "@/lib/webhooks/inbox";

// Relays that only take a URL pass the token as `?token=`; the others as a bearer token.
function givenToken(request: Request): string | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  return bearer ?? new URL(request.url).searchParams.get("token");
}

export async function POST(request: Request, { params }: { params: Promise<{ tenantSlug: string }> }) {
  const { tenantSlug } = await params;
  const tenant = await getTenantBySlug(tenantSlug);
  if (!tenant || !tenant.active) return jsonError(404, `Unknown dealership "${tenantSlug}"`);
  const body = await readRawBody(request);
  if (!body.ok) return jsonError(body.status, body.error);
  const token = givenToken(request);
  const expected = tenant.inboundEmailTokenEnc ? decryptSecret(tenant.inboundEmailTokenEnc) : null;
  if (!token || !expected || !safeEqual(token, expected)) return jsonError(401, "Invalid or missing inbound e-mail token");
  const json = parseJson(body.text);
  if (!json.ok) return jsonError(400, json.error);
  const mail = inboundEmailSchema.safeParse(json.value);
  if (!mail.success) {
    const issue = mail.error.issues[0];
    return jsonError(400, `Not an inbound e-mail: ${issue.path.join(".") || "body"} ${issue.message}`);
  }
  const { id, duplicate } = await persistInbox({
    source: "email", idempotencyKey: `${tenant.id}:${emailKey(mail.data, body.text)}`, rawBody: body.text, scopeTenantId: tenant.id,
  });
  if (!duplicate) await handOffInbox(id, `email:${tenant.id}:${parseAddress(mail.data.from).email ?? mail.data.from}`);
  return jsonAck({ ok: true, duplicate });
}
