import { and, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { contacts, followupEnrollments, followupSequences, followupStepRuns, leadActivities } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { clock } from "@/inngest/local/clock";
import { stopReason } from "./rules";

export type StopScope = { leadId: string } | { contactId: string } | { sequenceId: string } | { enrollmentId: string };

function scopeFilter(scope: StopScope): SQL {
  if ("leadId" in scope) return eq(followupEnrollments.leadId, scope.leadId);
  if ("contactId" in scope) return eq(followupEnrollments.contactId, scope.contactId);
  if ("sequenceId" in scope) return eq(followupEnrollments.sequenceId, scope.sequenceId);
  return eq(followupEnrollments.id, scope.enrollmentId);
}

/** The tenant's active enrollments in scope (a condition on `followup_enrollments`). */
export const activeEnrollmentsIn = (tenantId: string, scope: StopScope) =>
  and(eq(followupEnrollments.tenantId, tenantId), eq(followupEnrollments.status, "active"), scopeFilter(scope));

/**
 * Cancels the active enrollments in scope and tells their runs to stop. With `stage`, sequences that
 * this stage itself started keep running (a lost lead's reactivation is not stopped by "lost"); with
 * `enrolledBefore`, enrollments that the same message started (a lead's first WhatsApp) are kept.
 */
export async function stopFollowups(tenantId: string, scope: StopScope, reason: string, opts: { stage?: string; enrolledBefore?: Date } = {}): Promise<string[]> {
  const stopped = await withTenant(tenantId, async (tx) => {
    const active = await tx
      .select({ id: followupEnrollments.id, leadId: followupEnrollments.leadId, trigger: followupSequences.trigger, name: followupSequences.name })
      .from(followupEnrollments)
      .innerJoin(followupSequences, eq(followupSequences.id, followupEnrollments.sequenceId))
      .where(and(activeEnrollmentsIn(tenantId, scope), opts.enrolledBefore ? lt(followupEnrollments.createdAt, opts.enrolledBefore) : undefined));
    const targets = opts.stage
      ? active.filter((e) => stopReason({ status: "active", sequenceEnabled: true, trigger: e.trigger, stage: opts.stage!, optedOut: false, repliedSinceEnrolled: false, humanMode: false }))
      : active;
    if (!targets.length) return [];
    const ids = targets.map((t) => t.id);
    const sentBefore = tx.select({ n: sql<number>`count(*)::int` }).from(followupStepRuns)
      .where(and(eq(followupStepRuns.enrollmentId, followupEnrollments.id), eq(followupStepRuns.outcome, "sent")));
    await tx.update(followupEnrollments)
      .set({ status: "cancelled", cancelReason: reason, nextStepAt: null, updatedAt: clock.now(), ...(reason === "replied" ? { repliesAfter: sql`(${sentBefore})` } : {}) })
      .where(and(eq(followupEnrollments.tenantId, tenantId), inArray(followupEnrollments.id, ids)));
    await tx.insert(leadActivities).values(targets.map((t) => ({
      tenantId, leadId: t.leadId, type: "sequence_stopped", data: { enrollmentId: t.id, sequenceName: t.name, reason },
    })));
    return targets;
  });
  if (stopped.length) {
    await sendEvent(stopped.map((s) => ({
      name: "followup/enrollment.stopped", id: `stopped-${s.id}`, data: { tenantId, leadId: s.leadId, enrollmentId: s.id, reason },
    })));
  }
  return stopped.map((s) => s.id);
}

/** A shopper opting out ("STOP", "no more offers"): no proactive message ever again, from any sequence. */
export async function optOutContact(tenantId: string, contactId: string): Promise<string[]> {
  await withTenant(tenantId, (tx) =>
    tx.update(contacts).set({ optedOutAt: clock.now() }).where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId), sql`${contacts.optedOutAt} is null`)),
  );
  return stopFollowups(tenantId, { contactId }, "opted_out");
}
