import { normalizeEmail, normalizePhone } from "@/lib/channels/phone";
import { parseStoredJson } from "@/lib/webhooks/body";

// Website lead forms (CONTRACTS §3): the fields a dealer's form posts, checked before anything is stored.
export type FormFieldError = "invalid_phone" | "invalid_email" | "contact_needed" | "too_long";
export type WebsiteForm = { name: string | null; phone: string | null; email: string | null; message: string | null; vehicle: string | null; consent: boolean };
export type FormCheck =
  | { kind: "ok"; form: WebsiteForm }
  | { kind: "spam" }
  | { kind: "invalid"; fieldErrors: Partial<Record<keyof WebsiteForm, FormFieldError>> };

// Humans never see this field (it is hidden on the site and in the snippet); bots fill every input they find.
export const HONEYPOT_FIELD = "website";
const limits = { name: 120, message: 4000, vehicle: 200 };

const text = (v: unknown): string | null => {
  if (typeof v === "number") return String(v);
  if (typeof v !== "string") return null;
  const s = v.trim();
  return s ? s : null;
};
const truthy = (v: unknown) => v === true || (typeof v === "string" && ["on", "true", "1", "yes"].includes(v.trim().toLowerCase()));

/** Raw fields (JSON or form-encoded) → a normalised submission, a honeypot hit, or per-field errors. */
export function checkWebsiteForm(fields: Record<string, unknown>, country: string): FormCheck {
  if (text(fields[HONEYPOT_FIELD])) return { kind: "spam" };
  const errors: Partial<Record<keyof WebsiteForm, FormFieldError>> = {};
  const rawPhone = text(fields.phone);
  const rawEmail = text(fields.email);
  const phone = rawPhone ? normalizePhone(rawPhone, country) : null;
  const email = rawEmail ? normalizeEmail(rawEmail) : null;
  if (rawPhone && !phone) errors.phone = "invalid_phone";
  if (rawEmail && !email) errors.email = "invalid_email";
  if (!rawPhone && !rawEmail) errors.phone = "contact_needed";
  const form: WebsiteForm = { name: text(fields.name), phone, email, message: text(fields.message), vehicle: text(fields.vehicle), consent: truthy(fields.consent) };
  for (const [k, max] of Object.entries(limits) as [keyof typeof limits, number][]) if ((form[k]?.length ?? 0) > max) errors[k] = "too_long";
  return Object.keys(errors).length ? { kind: "invalid", fieldErrors: errors } : { kind: "ok", form };
}

/** Form bodies arrive as JSON, urlencoded or multipart; all become one flat record of strings. */
/** A form's fields without NUL characters, which PostgreSQL text cannot hold. */
const withoutNul = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === "string" ? v.replaceAll("\u0000", "") : v]));

export async function readFormFields(bytes: Buffer, contentType: string): Promise<{ ok: true; fields: Record<string, unknown> } | { ok: false; error: string }> {
  const type = contentType.toLowerCase();
  if (type.includes("application/x-www-form-urlencoded")) return { ok: true, fields: withoutNul(Object.fromEntries(new URLSearchParams(bytes.toString("utf8")))) };
  if (type.includes("multipart/form-data")) {
    try {
      const data = await new Response(new Uint8Array(bytes), { headers: { "content-type": contentType } }).formData();
      return { ok: true, fields: withoutNul(Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === "string"))) };
    } catch {
      return { ok: false, error: "Malformed multipart body" };
    }
  }
  try {
    const value: unknown = parseStoredJson(bytes.toString("utf8"));
    if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, error: "Expected a JSON object with name, phone, email, message, vehicle, consent" };
    return { ok: true, fields: value as Record<string, unknown> };
  } catch (err) {
    return { ok: false, error: `Malformed JSON: ${(err as Error).message}` };
  }
}
