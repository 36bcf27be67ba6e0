import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { messageTemplates } from "@/db/schema";
import { segmentWhere, type Segment } from "./segment";

/** The make and model of the car the contact last asked about, for {car}. */
export const carOfInterest = (contactId: SQL) => sql<string | null>`(select concat_ws(' ', v.make, v.model) from leads l join vehicles v on v.id = l.vehicle_id
  where l.contact_id = ${contactId} order by l.last_activity_at desc limit 1)`;

export type Candidate = { contactId: string; name: string | null; phone: string; language: string; optedOut: boolean; car: string | null };

/** Contacts a segment selects, with what the message needs about each (language, car of interest). */
export async function findCandidates(tx: Tx, tenantId: string, segment: Segment, o: { fallbackLanguage: string; now: Date; limit?: number }): Promise<Candidate[]> {
  const rows = await tx.execute<{ contact_id: string; name: string | null; phone: string; language: string; opted_out: boolean; car: string | null }>(sql`
    select c.id as contact_id, c.name, c.phone, coalesce(c.language, ${o.fallbackLanguage}) as language, c.opted_out_at is not null as opted_out,
      ${carOfInterest(sql`c.id`)} as car
    from contacts c
    where ${segmentWhere(tenantId, segment, o.fallbackLanguage, o.now)}
    order by c.id
    ${o.limit ? sql`limit ${o.limit}` : sql``}`);
  return rowsOf<{ contact_id: string; name: string | null; phone: string; language: string; opted_out: boolean; car: string | null }>(rows).map((r) => ({ contactId: r.contact_id, name: r.name, phone: r.phone, language: r.language, optedOut: Boolean(r.opted_out), car: r.car }));
}

export type TemplateSet = { name: string; fallbackLanguage: string; byLanguage: Map<string, { body: string; language: string }> };

/** The approved versions of a template by language, or null when none is approved. */
export async function loadTemplateSet(tx: Tx, tenantId: string, name: string, fallbackLanguage: string): Promise<TemplateSet | null> {
  const rows = await tx
    .select({ body: messageTemplates.body, language: messageTemplates.language })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.name, name), eq(messageTemplates.status, "approved")));
  if (rows.length === 0) return null;
  return { name, fallbackLanguage: rows.some((r) => r.language === fallbackLanguage) ? fallbackLanguage : rows[0].language, byLanguage: new Map(rows.map((r) => [r.language, r])) };
}

export const placeholderCount = (body: string) => Math.max(0, ...[...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1])));

// WhatsApp refuses empty template parameters; "Hi there" reads better than a blank.
const nameless: Record<string, string> = { en: "there", nl: "daar", nb: "der", de: "zusammen", id: "Kak" };

/** Fills {first_name}, {name}, {car} and {dealer} in each variable, then the template's {{n}}. */
export function personalise(templates: TemplateSet, variables: string[], c: Pick<Candidate, "name" | "language" | "car">, dealer: string) {
  const t = templates.byLanguage.get(c.language) ?? templates.byLanguage.get(templates.fallbackLanguage)!;
  const firstName = c.name?.trim().split(/\s+/)[0] || (nameless[t.language] ?? "");
  const values = variables.map((v) =>
    v.replace(/\{(first_name|name|car|dealer)\}/g, (_, k: string) => ({ first_name: firstName, name: c.name ?? "", car: c.car ?? "", dealer })[k] ?? "").trim(),
  );
  const body = t.body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => values[Number(n) - 1] ?? "");
  return { language: t.language, values, body };
}
