import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { leadSources, leadStages } from "@/db/schema";

const list = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(20).default([]);

/** Who a broadcast goes to. Empty lists mean "any". */
export const segmentSchema = z.object({
  sources: list(z.enum(leadSources)),
  stages: list(z.enum(leadStages)),
  languages: list(z.enum(["en", "nl", "nb", "de", "id"])),
  tags: list(z.string().trim().min(1).max(40)),
  make: z.string().trim().max(40).optional().transform((v) => v || undefined),
  /** Only contacts active within this many days… */
  activeWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
  /** …or only contacts quiet for at least this many days (re-activation). */
  inactiveForDays: z.coerce.number().int().min(1).max(3650).optional(),
  /** Marketing messages need the contact's opt-in; on by default. */
  consentedOnly: z.boolean().default(true),
});
export type Segment = z.infer<typeof segmentSchema>;

const anyOf = (column: SQL, values: readonly string[]) => sql`${column} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

/**
 * The WHERE clause over `contacts c` for a segment. Opted-out contacts are NOT excluded here: the
 * caller records them as skipped, so the manager can see who was left out and why.
 */
export function segmentWhere(tenantId: string, s: Segment, fallbackLanguage: string, now: Date): SQL {
  const parts: SQL[] = [sql`c.tenant_id = ${tenantId}`, sql`c.phone is not null`, sql`c.erased_at is null`];
  const lead: SQL[] = [];
  if (s.sources.length) lead.push(anyOf(sql`l.source`, s.sources));
  if (s.stages.length) lead.push(anyOf(sql`l.stage`, s.stages));
  if (s.make) {
    lead.push(sql`(lower(v.make) = lower(${s.make})
      or exists (select 1 from jsonb_array_elements_text(coalesce(l.preferences -> 'makes', '[]'::jsonb)) m where lower(m) = lower(${s.make})))`);
  }
  if (lead.length) {
    parts.push(sql`exists (select 1 from leads l left join vehicles v on v.id = l.vehicle_id
      where l.tenant_id = ${tenantId} and l.contact_id = c.id and ${sql.join(lead, sql` and `)})`);
  }
  if (s.languages.length) parts.push(anyOf(sql`coalesce(c.language, ${fallbackLanguage})`, s.languages));
  if (s.tags.length) parts.push(sql`c.tags && array[${sql.join(s.tags.map((t) => sql`${t}`), sql`, `)}]::text[]`);
  const daysAgo = (d: number) => sql`${new Date(now.getTime() - d * 86_400_000).toISOString()}::timestamptz`;
  if (s.activeWithinDays) parts.push(sql`c.last_activity_at >= ${daysAgo(s.activeWithinDays)}`);
  if (s.inactiveForDays) parts.push(sql`(c.last_activity_at is null or c.last_activity_at < ${daysAgo(s.inactiveForDays)})`);
  if (s.consentedOnly) parts.push(sql`c.consent_marketing`);
  return sql.join(parts, sql` and `);
}
