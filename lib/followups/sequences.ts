import { and, asc, eq, sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { followupEnrollments, followupSequences } from "@/db/schema";
import { clock } from "@/inngest/local/clock";
import type { SequenceInput } from "./schema";
import { stopFollowups } from "./stop";

export type Sequence = typeof followupSequences.$inferSelect;
export type SequenceStats = {
  enrolled: number; active: number; completed: number; cancelled: number; replied: number;
  // enrollments ended by a reply, by how many messages had gone out before it
  repliedAfterStep: Record<string, number>;
};
export type SequenceWithStats = Sequence & { stats: SequenceStats };

const emptyStats = (): SequenceStats => ({ enrolled: 0, active: 0, completed: 0, cancelled: 0, replied: 0, repliedAfterStep: {} });

export async function listSequencesWithStats(tenantId: string): Promise<SequenceWithStats[]> {
  return withTenant(tenantId, async (tx) => {
    const list = await tx.select().from(followupSequences).where(eq(followupSequences.tenantId, tenantId)).orderBy(asc(followupSequences.createdAt), asc(followupSequences.name));
    const rows = await tx
      .select({
        sequenceId: followupEnrollments.sequenceId, status: followupEnrollments.status, reason: followupEnrollments.cancelReason,
        after: followupEnrollments.repliesAfter, n: sql<number>`count(*)::int`,
      })
      .from(followupEnrollments)
      .where(eq(followupEnrollments.tenantId, tenantId))
      .groupBy(followupEnrollments.sequenceId, followupEnrollments.status, followupEnrollments.cancelReason, followupEnrollments.repliesAfter);
    const stats = new Map<string, SequenceStats>();
    for (const r of rows) {
      const s = stats.get(r.sequenceId) ?? emptyStats();
      s.enrolled += r.n;
      s[r.status] += r.n;
      if (r.reason === "replied") {
        s.replied += r.n;
        s.repliedAfterStep[r.after] = (s.repliedAfterStep[r.after] ?? 0) + r.n;
      }
      stats.set(r.sequenceId, s);
    }
    return list.map((q) => ({ ...q, stats: stats.get(q.id) ?? emptyStats() }));
  });
}

export async function getSequence(tenantId: string, id: string): Promise<Sequence | null> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select().from(followupSequences).where(and(eq(followupSequences.tenantId, tenantId), eq(followupSequences.id, id))));
  return row ?? null;
}

export async function createSequence(tenantId: string, input: SequenceInput): Promise<Sequence> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.insert(followupSequences).values({ tenantId, name: input.name, enabled: input.enabled, trigger: input.trigger, audience: input.audience, steps: input.steps }).returning());
  return row;
}

/** Saves an edited sequence; running enrollments keep the steps they started with. */
export async function updateSequence(tenantId: string, id: string, input: SequenceInput): Promise<Sequence | null> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.update(followupSequences)
      .set({ name: input.name, trigger: input.trigger, audience: input.audience, steps: input.steps, updatedAt: clock.now() })
      .where(and(eq(followupSequences.tenantId, tenantId), eq(followupSequences.id, id)))
      .returning());
  if (row && row.enabled !== input.enabled) return setSequenceEnabled(tenantId, id, input.enabled);
  return row ?? null;
}

/** Pausing a sequence cancels its running enrollments; resuming only affects new leads. */
export async function setSequenceEnabled(tenantId: string, id: string, enabled: boolean): Promise<Sequence | null> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.update(followupSequences).set({ enabled, updatedAt: clock.now() })
      .where(and(eq(followupSequences.tenantId, tenantId), eq(followupSequences.id, id))).returning());
  if (row && !enabled) await stopFollowups(tenantId, { sequenceId: id }, "sequence_disabled");
  return row ?? null;
}

/**
 * Deletes a sequence with its enrollments and their step log (the messages it sent stay in the conversations). A lead's
 * run that wakes up afterwards finds no enrollment and stops.
 */
export async function deleteSequence(tenantId: string, id: string): Promise<boolean> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.delete(followupSequences).where(and(eq(followupSequences.tenantId, tenantId), eq(followupSequences.id, id))).returning({ id: followupSequences.id }));
  return rows.length > 0;
}
