import { and, eq, sql } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { withTenant } from "@/db/tenant";
import { followupSequences, tenants } from "@/db/schema";
import { enrollLead } from "./enroll";
import { audienceMatches } from "./rules";

/** Tenants with at least one enabled "no reply for N hours" sequence. */
export async function tenantsWithNoReplySequences(): Promise<string[]> {
  const db = await getSystemDb();
  const rows = await db.selectDistinct({ id: followupSequences.tenantId }).from(followupSequences)
    .innerJoin(tenants, eq(tenants.id, followupSequences.tenantId))
    .where(and(eq(tenants.active, true), eq(followupSequences.enabled, true), sql`${followupSequences.trigger}->>'type' = 'no_reply'`));
  return rows.map((r) => r.id);
}

type QuietLead = { id: string; source: string; stage: string; vehicle_id: string | null; language: string | null };

/**
 * Enrolls a tenant's open leads that went quiet: the conversation's last message is ours (assistant or
 * staff) and at least the sequence's hours old, the shopper has not opted out, no conversation is in
 * human mode, and the lead is not in that sequence now nor was enrolled since our last message (so each
 * quiet spell enrolls once; a lead that replied and went quiet again enters the sequence again). At most
 * `limit` leads per sequence per scan; the rest come in the next scan.
 */
export async function enrollQuietLeads(tenantId: string, now: Date, limit = 200): Promise<string[]> {
  const sequences = await withTenant(tenantId, (tx) => tx.select().from(followupSequences)
    .where(and(eq(followupSequences.tenantId, tenantId), eq(followupSequences.enabled, true), sql`${followupSequences.trigger}->>'type' = 'no_reply'`)));
  const enrolled: string[] = [];
  for (const s of sequences) {
    if (s.trigger.type !== "no_reply") continue;
    const cutoff = new Date(now.getTime() - s.trigger.hours * 3_600_000);
    const rows = await withTenant(tenantId, async (tx) => {
      const res = await tx.execute(sql`
        select l.id, l.source, l.stage, l.vehicle_id, c.language
        from leads l
        join contacts c on c.id = l.contact_id
        join lateral (
          select m.direction, m.created_at from messages m
          join conversations cv on cv.id = m.conversation_id
          where cv.lead_id = l.id and cv.tenant_id = ${tenantId} and m.direction in ('inbound', 'outbound')
          order by m.created_at desc limit 1
        ) last on true
        where l.tenant_id = ${tenantId} and l.stage not in ('won', 'lost') and c.opted_out_at is null
          and last.direction = 'outbound' and last.created_at <= ${cutoff.toISOString()}::timestamptz
          and not exists (select 1 from conversations h where h.lead_id = l.id and h.tenant_id = ${tenantId} and h.status = 'open' and h.mode = 'human')
          and not exists (select 1 from followup_enrollments e where e.sequence_id = ${s.id} and e.lead_id = l.id and (e.status = 'active' or e.created_at >= last.created_at))
        order by last.created_at
        limit ${limit}`);
      return rowsOf<QuietLead>(res);
    });
    for (const r of rows) {
      if (!audienceMatches(s.audience, { source: r.source, stage: r.stage, vehicleId: r.vehicle_id, language: r.language })) continue;
      enrolled.push(...await enrollLead(tenantId, r.id, { kind: "quiet", sequenceId: s.id }));
    }
  }
  return enrolled;
}
