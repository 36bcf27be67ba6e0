import { z } from "zod";
import { ChannelPayloadError } from "./types";

export type LeadgenRef = { leadgenId: string; pageId: string; formId?: string; adId?: string; createdTime?: number };
export type LeadField = { name: string; values: string[] };
export type FacebookLead = { id: string; created_time?: string; field_data: LeadField[]; form_id?: string; ad_id?: string };

const id = z.union([z.string().min(1), z.number()]).transform(String);
const payload = z.object({
  object: z.literal("page"),
  entry: z.array(z.object({
    id: id,
    changes: z.array(z.object({
      field: z.string(),
      value: z.object({ leadgen_id: id.optional(), page_id: id.optional(), form_id: id.optional(), ad_id: id.optional(), created_time: z.number().optional() }).passthrough(),
    })).default([]),
  })),
});

/** A Page webhook carries ids only; the answers are fetched later with the page's token. */
export function parseLeadgenWebhook(body: unknown): LeadgenRef[] {
  const parsed = payload.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChannelPayloadError(`Not a Facebook Page webhook: ${issue.path.join(".") || "body"} ${issue.message}`);
  }
  return parsed.data.entry.flatMap((entry) =>
    entry.changes
      .filter((c) => c.field === "leadgen" && c.value.leadgen_id)
      .map((c) => ({ leadgenId: c.value.leadgen_id!, pageId: c.value.page_id ?? entry.id, formId: c.value.form_id, adId: c.value.ad_id, createdTime: c.value.created_time })),
  );
}

export class GraphFetchError extends Error {}

export async function fetchLeadgen(graphUrl: string, leadgenId: string, token: string): Promise<FacebookLead> {
  let res: Response;
  try {
    res = await fetch(`${graphUrl}/${encodeURIComponent(leadgenId)}?fields=id,created_time,field_data,form_id,ad_id`, {
      headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    throw new GraphFetchError(`lead ${leadgenId}: Graph API unreachable: ${(err as Error).message}`);
  }
  const body = (await res.json().catch(() => null)) as (FacebookLead & { error?: { message?: string } }) | null;
  if (!res.ok || !Array.isArray(body?.field_data)) throw new GraphFetchError(`lead ${leadgenId}: Graph API answered ${res.status} ${body?.error?.message ?? ""}`.trim());
  return body!;
}

export type MappedLead = { name: string | null; phone: string | null; email: string | null; vehicle: string | null; questions: Record<string, string>; answers: Record<string, string> };

type Role = "name" | "first" | "last" | "phone" | "email";
const roles: [RegExp, Role][] = [
  [/^(full_?name|name|nama|naam|navn|nama_lengkap|fullt_navn)$/, "name"],
  [/^first_?name$/, "first"],
  [/^last_?name$/, "last"],
  [/phone|mobile|telefo|telepon|whatsapp|nomor_hp|^hp$/, "phone"],
  [/e-?mail|e-?post|surel/, "email"],
];
const roleOf = (name: string) => roles.find(([re]) => re.test(name.toLowerCase()))?.[1];
// Custom questions dealers add for the car: "car_of_interest", "which_car?", "welke_auto", "hvilken_bil", "mobil_yang_diminati" …
const vehicleQuestion = /car|vehicle|auto|model|voertuig|kjøretøy|kendaraan|(^|_)bil($|_|\?)|mobil(?!e)/i;

/** Lead Ads `field_data` → contact fields, the car asked about, the other questions; every answer kept as given. */
export function mapLeadFields(fields: LeadField[]): MappedLead {
  const answers = Object.fromEntries(fields.map((f) => [f.name, f.values.join(", ")]));
  const pick: Partial<Record<Role, string>> = {};
  const questions: Record<string, string> = {};
  let vehicle: string | null = null;
  for (const [name, value] of Object.entries(answers)) {
    const role = roleOf(name);
    if (role) pick[role] ??= value.trim();
    else if (!vehicle && vehicleQuestion.test(name)) vehicle = value.trim();
    else questions[name] = value;
  }
  const name = pick.name || [pick.first, pick.last].filter(Boolean).join(" ") || null;
  return { name, phone: pick.phone || null, email: pick.email || null, vehicle: vehicle || null, questions, answers };
}

const label = (key: string) => key.replace(/[_?]+/g, " ").trim().replace(/^\w/, (c) => c.toUpperCase());

/** The lead as one readable timeline entry for the inbox. */
export function leadSummary(m: MappedLead): string {
  const lines = [m.name && `Name: ${m.name}`, m.phone && `Phone: ${m.phone}`, m.email && `E-mail: ${m.email}`, m.vehicle && `Car: ${m.vehicle}`];
  for (const [q, a] of Object.entries(m.questions)) lines.push(`${label(q)}: ${a}`);
  return ["Facebook lead form", ...lines.filter(Boolean)].join("\n");
}
