import { createHash } from "node:crypto";
import { siteText, siteLang } from "@/lib/catalog/i18n";
import { siteOrigin } from "@/lib/catalog/urls";
import { escapeMarkup } from "@/lib/format/markup";
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

/**
 * A dealer site's lead form sent by the browser itself (before the page's script ran, or without it): a short page in
 * the site's language with the way back, instead of the JSON a script reads.
 */
function pageAnswer(request: Request, tenant: Tenant, status: number, say: (t: ReturnType<typeof siteText>) => { title: string; text: string }) {
  const t = siteText(siteLang(tenant.locale));
  const back = URL.canParse(request.headers.get("referer") ?? "") ? new URL(request.headers.get("referer")!) : null;
  const own = back && allowedOrigins(tenant).includes(back.origin.toLowerCase()) ? back.href : siteOrigin(tenant);
  const { title, text } = say(t);
  const html = `<!doctype html><html lang="${siteLang(tenant.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">`
    + `<title>${escapeMarkup(title)} · ${escapeMarkup(tenant.name)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">`
    + `<h1>${escapeMarkup(title)}</h1><p>${escapeMarkup(text)}</p><p><a href="${escapeMarkup(own)}">${escapeMarkup(t.back)}</a></p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

const isBrowserPost = (request: Request) => request.headers.get("sec-fetch-mode") === "navigate" || (request.headers.get("accept") ?? "").startsWith("text/html");

export async function POST(request: Request, { params }: { params: Promise<{ tenantSlug: string }> }) {
  const { tenantSlug } = await params;
  const tenant = await getTenantBySlug(tenantSlug);
  if (!tenant || !tenant.active) return jsonError(404, `Unknown dealership "${tenantSlug}"`);
  const cors = corsHeaders(request.headers.get("origin"), tenant);
  if (!cors) return jsonError(403, "This origin may not post to this dealership's forms");
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
    if (isBrowserPost(request)) return pageAnswer(request, tenant, 400, () => ({ title: t.failed, text: Object.values(fieldErrors).join(" ") }));
    return jsonError(400, "Some fields are not valid", { fieldErrors, codes: check.fieldErrors }, cors);
  }

  // Only forms that would be kept count towards an address's limit: a shopper correcting a field error is not refused
  // (many share one address on a mobile network).
  const limited = perIp.check(`${tenant.id}:${clientIp(request.headers)}`);
  if (!limited.allowed) {
    const res = rateLimitResponse(limited.retryAfterSeconds, siteText(siteLang(tenant.locale)).tooMany);
    for (const [k, v] of Object.entries(cors)) res.headers.set(k, v);
    return res;
  }

  // The same submission sent twice (double tap, retried request) is one inbox row and one lead.
  const given = request.headers.get("idempotency-key")?.slice(0, 200);
  const key = `${tenant.id}:${given ?? createHash("sha256").update(JSON.stringify(check.form)).digest("hex")}`;
  const inbox = await persistInbox({ source: "forms", idempotencyKey: key, rawBody: JSON.stringify(check.form), scopeTenantId: tenant.id, headers: { "x-client-ip": clientIp(request.headers) } });
  try {
    const { leadId } = await recordWebsiteForm(tenant, inbox.id, check.form);
    await markInbox(inbox.id, "processed");
    if (isBrowserPost(request)) return pageAnswer(request, tenant, 200, (t) => ({ title: t.thanks, text: t.thanksText }));
    return jsonAck({ leadId, duplicate: inbox.duplicate }, { status: 201, headers: cors });
  } catch (err) {
    await markInbox(inbox.id, "failed", (err as Error).message);
    return jsonError(500, "Your request was received but could not be saved yet; please try again.", {}, cors);
  }
}
