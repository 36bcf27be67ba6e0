import { and, eq, sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { followupEnrollments, followupStepRuns, type SequenceStep } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { clock } from "@/inngest/local/clock";
import { performStep } from "./actions";
import { lastProactiveSendAt, loadStepContext, repliedSince } from "./context";
import { deliverStoredEmail } from "@/lib/email/deliver";
import { stopReason } from "./rules";
import { frequencyCapUntil, proactiveSendAt, waitEndsAt } from "./timing";

export type StepOutcome = { kind: "done"; at: string; outcome: string } | { kind: "defer"; until: string } | { kind: "stopped"; reason: string };
export type RunPlan = { steps: SequenceStep[]; startedAt: string; timeZone: string };

/** The steps as they were when the run started, so an edit mid-run never shifts step numbers. */
export async function loadRunPlan(tenantId: string, enrollmentId: string): Promise<RunPlan | null> {
  return withTenant(tenantId, async (tx) => {
    const ctx = await loadStepContext(tx, tenantId, enrollmentId);
    if (!ctx || ctx.enrollment.status !== "active") return null;
    return { steps: ctx.sequence.steps, startedAt: ctx.enrollment.createdAt.toISOString(), timeZone: ctx.tenant.timeZone };
  });
}

/** Works out when a wait step ends and shows it on the lead as the next step's time. */
export async function scheduleWait(tenantId: string, enrollmentId: string, stepIndex: number, step: Extract<SequenceStep, { type: "wait" }>, from: string, timeZone: string) {
  const until = waitEndsAt(step, new Date(from), timeZone);
  await withTenant(tenantId, (tx) =>
    tx.update(followupEnrollments).set({ currentStep: stepIndex + 1, nextStepAt: until, updatedAt: clock.now() })
      .where(and(eq(followupEnrollments.id, enrollmentId), eq(followupEnrollments.status, "active"))));
  return until.toISOString();
}

const proactive = (s: SequenceStep) => s.type === "whatsapp" || s.type === "email";

/**
 * Runs step `stepIndex` at most once: the step-run row is claimed first in the same transaction, so a
 * retry or a second run finds it and only re-announces what the first attempt produced.
 */
export async function executeFollowupStep(tenantId: string, enrollmentId: string, stepIndex: number, step: Exclude<SequenceStep, { type: "wait" }>): Promise<StepOutcome> {
  const now = clock.now();
  const r = await withTenant(tenantId, async (tx) => {
    const ctx = await loadStepContext(tx, tenantId, enrollmentId);
    if (!ctx) return { outcome: { kind: "stopped", reason: "gone" } as StepOutcome };
    // One contact's steps run one at a time, so two sequences cannot both pass the frequency cap.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${ctx.contact.id}))`);
    const [done] = await tx.select().from(followupStepRuns).where(and(eq(followupStepRuns.enrollmentId, enrollmentId), eq(followupStepRuns.stepIndex, stepIndex)));
    if (done) return { outcome: { kind: "done", at: done.createdAt.toISOString(), outcome: done.outcome } as StepOutcome, messageId: done.messageId, emailId: done.detail?.emailId as string | undefined };
    const reason = stopReason({
      status: ctx.enrollment.status, sequenceEnabled: ctx.sequence.enabled, trigger: ctx.sequence.trigger, stage: ctx.lead.stage,
      optedOut: !!ctx.contact.optedOutAt, repliedSinceEnrolled: repliedSince(ctx), humanMode: ctx.conversations.some((c) => c.status === "open" && c.mode === "human"),
    });
    if (reason) {
      await tx.update(followupEnrollments).set({ status: "cancelled", cancelReason: reason, nextStepAt: null, updatedAt: now })
        .where(and(eq(followupEnrollments.id, enrollmentId), eq(followupEnrollments.status, "active")));
      return { outcome: { kind: "stopped", reason } as StepOutcome };
    }
    if (proactive(step)) {
      const t = ctx.tenant;
      const sendAt = proactiveSendAt(now, { timeZone: t.timeZone, businessHours: t.businessHours, quietHours: t.settings.quietHours });
      const until = frequencyCapUntil(await lastProactiveSendAt(tx, tenantId, ctx.contact.id, enrollmentId), sendAt) ?? sendAt;
      if (until > now) {
        await tx.update(followupEnrollments).set({ currentStep: stepIndex, nextStepAt: until, updatedAt: now }).where(eq(followupEnrollments.id, enrollmentId));
        return { outcome: { kind: "defer", until: until.toISOString() } as StepOutcome };
      }
    }
    const [claimed] = await tx.insert(followupStepRuns).values({ tenantId, enrollmentId, stepIndex, outcome: "running", createdAt: now, updatedAt: now })
      .onConflictDoNothing().returning({ id: followupStepRuns.id });
    if (!claimed) return { outcome: { kind: "done", at: now.toISOString(), outcome: "duplicate" } as StepOutcome };
    const result = await performStep(tx, ctx, step, `followup-${enrollmentId}-${stepIndex}`, now);
    await tx.update(followupStepRuns).set({ outcome: result.outcome, messageId: result.messageId ?? null, detail: { ...result.detail, ...(result.emailId ? { emailId: result.emailId } : {}) } })
      .where(eq(followupStepRuns.id, claimed.id));
    await tx.update(followupEnrollments).set({ currentStep: stepIndex + 1, nextStepAt: null, updatedAt: now }).where(eq(followupEnrollments.id, enrollmentId));
    return { outcome: { kind: "done", at: now.toISOString(), outcome: result.outcome } as StepOutcome, messageId: result.messageId, emailId: result.emailId, events: result.events };
  });
  // Announced after commit; on a retry the same event ids make these no-ops.
  if (r.messageId) await sendEvent({ name: "message/send.requested", id: `send-${r.messageId}`, data: { tenantId, messageId: r.messageId } });
  const others = (r as { events?: { name: string }[] }).events?.filter((e) => e.name !== "message/send.requested") ?? [];
  if (others.length) await sendEvent(others as never);
  if (r.emailId) await deliverStoredEmail(tenantId, r.emailId);
  return r.outcome;
}

export async function completeEnrollment(tenantId: string, enrollmentId: string) {
  const now = clock.now();
  await withTenant(tenantId, (tx) =>
    tx.update(followupEnrollments).set({ status: "completed", completedAt: now, nextStepAt: null, updatedAt: now })
      .where(and(eq(followupEnrollments.id, enrollmentId), eq(followupEnrollments.status, "active"))));
}
