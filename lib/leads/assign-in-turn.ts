import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { withTenant } from "@/db/tenant";
import { leads, tenants, type AssignBy } from "@/db/schema";
import { closedStages, handOverLead } from "./leads";
import { leadShowroomId } from "./routing";

/**
 * When the dealer has `settings.leads.autoAssign` on, a new lead goes to the next colleague on duty: sales reps placed
 * in the lead's showroom first, then any rep on duty, and managers on duty only when no rep is. Among those, the one
 * given a lead longest ago (or never) is next; with `assignBy: "fewestOpen"` the one with the fewest open leads first. Assignments of one dealer take turns (a transaction lock), so leads
 * arriving together still go round. The lead and its conversations get the assignee, the timeline says so, and
 * a lead someone has meanwhile assigned (or closed) is left alone. Returns who got it, or null.
 */
export async function assignNewLeadInTurn(tenantId: string, leadId: string): Promise<string | null> {
  return withTenant(tenantId, async (tx) => {
    await lockTurns(tx, tenantId);
    const [row] = await tx.select({ lead: leads, settings: tenants.settings }).from(leads).innerJoin(tenants, eq(tenants.id, leads.tenantId))
      .where(and(eq(leads.tenantId, tenantId), eq(leads.id, leadId))).limit(1);
    if (!row || !row.settings.leads?.autoAssign || row.lead.assignedUserId || closedStages.includes(row.lead.stage)) return null;
    const next = await takeNextInTurn(tx, tenantId, await leadShowroomId(tx, tenantId, row.lead), row.settings.leads.assignBy);
    if (!next) return null;
    await handOverLead(tx, tenantId, leadId, next.userId, { actorUserId: null, note: `Assigned to ${next.name} automatically (next on duty)`, meta: { automatic: true } });
    return next.userId;
  });
}

/** One assignment at a time per dealer (until the transaction ends), so leads arriving together still go round. */
export async function lockTurns(tx: Tx, tenantId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lead-assignment:${tenantId}`}))`);
}

/**
 * The colleague whose turn it is (reps in the showroom first, then any rep on duty, then managers on duty; by `by`
 * among those), now marked as given a lead. Call with the turns locked (`lockTurns`).
 */
export async function takeNextInTurn(tx: Tx, tenantId: string, showroomId: string | null, by: AssignBy = "turn"): Promise<{ userId: string; name: string } | null> {
  const load = by === "fewestOpen"
    ? sql`(select count(*) from leads l where l.tenant_id = m.tenant_id and l.assigned_user_id = m.user_id and l.stage not in (${sql.join(closedStages.map((s) => sql`${s}`), sql`, `)})) asc,`
    : sql``;
  const picked = await tx.execute(sql`
    with next as (
      update memberships set last_lead_at = clock_timestamp()
      where id = (
        select m.id from memberships m
        where m.tenant_id = ${tenantId} and m.active and m.on_duty and m.role in ('sales', 'manager')
        order by (m.role = 'sales') desc, (${showroomId}::uuid is not null and m.branch_id is not distinct from ${showroomId}::uuid) desc,
          ${load} m.last_lead_at asc nulls first, m.created_at, m.id
        limit 1)
      returning user_id)
    select next.user_id, users.name from next join users on users.id = next.user_id`);
  const next = rowsOf<{ user_id: string; name: string }>(picked)[0];
  return next ? { userId: next.user_id, name: next.name } : null;
}
