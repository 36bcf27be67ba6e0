import { and, desc, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { followupEnrollments, followupSequences, type SequenceStep } from "@/db/schema";

export type LeadFollowup = {
  enrollmentId: string; sequenceId: string; sequenceName: string;
  status: "active" | "completed" | "cancelled"; cancelReason: string | null;
  stepNumber: number; stepCount: number; nextStep: SequenceStep | null; nextStepAt: Date | null; startedAt: Date;
};

/** A lead's sequences, active first: what runs, which step comes next and when. */
export async function getLeadFollowups(tenantId: string, leadId: string): Promise<LeadFollowup[]> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.select({ e: followupEnrollments, name: followupSequences.name, steps: followupSequences.steps })
      .from(followupEnrollments)
      .innerJoin(followupSequences, eq(followupSequences.id, followupEnrollments.sequenceId))
      .where(and(eq(followupEnrollments.tenantId, tenantId), eq(followupEnrollments.leadId, leadId)))
      .orderBy(desc(followupEnrollments.createdAt)));
  const view = rows.map(({ e, name, steps }) => {
    // The step after any wait is what the shopper will notice.
    const next = e.status === "active" ? steps.slice(e.currentStep).find((s) => s.type !== "wait") ?? null : null;
    return {
      enrollmentId: e.id, sequenceId: e.sequenceId, sequenceName: name, status: e.status, cancelReason: e.cancelReason,
      stepNumber: Math.min(e.currentStep + 1, steps.length), stepCount: steps.length, nextStep: next, nextStepAt: e.status === "active" ? e.nextStepAt : null,
      startedAt: e.createdAt,
    };
  });
  return [...view.filter((v) => v.status === "active"), ...view.filter((v) => v.status !== "active")];
}
