import { createHash } from "node:crypto";
import { siteText, siteLang } from "@/lib/catalog/i18n";
import { siteOrigin } from "@/lib/catalog/urls";
import { checkWebsiteForm, readFormFields, type FormFieldError } from "@/lib/leads/forms";
import { recordWebsiteForm } from "@/lib/leads/form-submission";
import { createRateLimiter, rateLimitResponse } from "@/lib/ratelimit";
import { clientIp } from "@/lib/security/abuse";
import { getTenantBySlug, type Tenant } from "@/lib/tenancy";
import { jsonAck, jsonError, readRawBody } from "@/lib/webhooks/body";
import { markInbox, persistInbox } from "@/lib/webhooks/inbox";

// A person sends a form a few times at most; a script posting more from one address is refused.
const perIp = createRateLimiter({ limit: 10, windowMs: 10 * 60_000 });

function allowedOrigins(t: Tenant): string[] {
  const own = [siteOrigin(t), siteOrigin({ ...t, customDomain: null })];
  return [...own, ...(t.settings.formOrigins ?? [])].map((o) => o.replace(/\/$/, "").toLowerCase());
}

function corsHeaders(origin: string | null, t: Tenant): Record<string, string> | null {
  if (!origin) return {};
  if (!allowedOrigins(t).includes(origin.toLowerCase())) return null;
  return {
    "Access-Control-Allow-Origin": origin, Vary: "Origin", "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Idempotency-Key", "Access-Control-Max-Age": "600",
  };
}

export async function OPTIONS(request: Request, { params }: { params: Promise<{ tenantSlug: string }> }) {
  const tenant = await getTenantBySlug((await params).tenantSlug);
  const cors = tenant ? corsHeaders(request.headers.get("origin"), tenant) : null;
  return new Response(null, { status: cors ? 204 : 403, headers: cors ?? {} });
}

export async function POST(request: Request, { params }: { params: Promise<{ tenantSlug: string }> }) {
  const { tenantSlug } = await params;
  const tenant = await getTenantBySlug(tenantSlug);
  if (!tenant || !tenant.active) return jsonError(404, `Unknown dealership "${tenantSlug}"`);
  const cors = corsHeaders(request.headers.get("origin"), tenant);
  if (!cors) return jsonError(403, "This origin may not post to this dealership's forms");
  const limited = perIp.check(`${tenant.id}:${clientIp(request.headers)}`);
  if (!limited.allowed) {
    const res = rateLimitResponse(limited.retryAfterSeconds, siteText(siteLang(tenant.locale)).tooMany);
    for (const [k, v] of Object.entries(cors)) res.headers.set(k, v);
    return res;
  }
  const body = await readRawBody(request);
  if (!body.ok) return jsonError(body.status, body.error, {}, cors);
  const fields = await readFormFields(body.bytes, request.headers.get("content-type") ?? "");
  if (!fields.ok) return jsonError(400, fields.error, {}, cors);

  const check = checkWebsiteForm(fields.fields, tenant.country);
  // A bot that filled the hidden field is told it worked and nothing is kept, so it learns nothing.
  if (check.kind === "spam") return jsonAck({ leadId: null }, { status: 201, headers: cors });
  if (check.kind === "invalid") {
    const t = siteText(siteLang(tenant.locale));
    const say: Record<FormFieldError, string> = { invalid_phone: t.phoneInvalid, invalid_email: t.emailInvalid, contact_needed: t.contactNeeded, too_long: t.failed };
    const fieldErrors = Object.fromEntries(Object.entries(check.fieldErrors).map(([k, code]) => [k, say[code]]));
    return jsonError(400, "Some fields are not valid", { fieldErrors, codes: check.fieldErrors }, cors);
  }

  // The same submission sent twice (double tap, retried request) is one inbox row and one lead.
  const given = request.headers.get("idempotency-key")?.slice(0, 200);
  const key = `${tenant.id}:${given ?? createHash("sha256").update(JSON.stringify(check.form)).digest("hex")}`;
  const inbox = await persistInbox({ source: "forms", idempotencyKey: key, rawBody: JSON.stringify(check.form), scopeTenantId: tenant.id, headers: { "x-client-ip": clientIp(request.headers) } });
  try {
    const { leadId } = await recordWebsiteForm(tenant, inbox.id, check.form);
    await markInbox(inbox.id, "processed");
    return jsonAck({ leadId, duplicate: inbox.duplicate }, { status: 201, headers: cors });
  } catch (err) {
    await markInbox(inbox.id, "failed", (err as Error).message);
    return jsonError(500, "Your request was received but could not be saved yet; please try again.", {}, cors);
  }
}
