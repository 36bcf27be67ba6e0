import { defineFunction } from "../define";
import { completeEnrollment, executeFollowupStep, loadRunPlan, scheduleWait } from "@/lib/followups/execute";

// Enough deferrals for quiet hours plus a frequency cap; beyond that the step is skipped, not looped.
const MAX_DEFERRALS = 6;

/** One run per enrollment: waits durably, then sends each step once; a stop cancels the sleeping run. */
export const runFollowup = defineFunction(
  {
    id: "run-followup",
    triggers: [{ event: "followup/enroll.requested" }],
    retries: 5,
    cancelOn: [{ event: "followup/enrollment.stopped", match: "data.enrollmentId" }],
  },
  async ({ event, step }) => {
    const { tenantId, enrollmentId } = event.data as { tenantId: string; enrollmentId: string };
    const plan = await step.run("load-plan", () => loadRunPlan(tenantId, enrollmentId));
    if (!plan) return { skipped: "enrollment not active" };
    let anchor = plan.startedAt;
    for (const [i, s] of plan.steps.entries()) {
      if (s.type === "wait") {
        const until = await step.run(`schedule-wait-${i}`, () => scheduleWait(tenantId, enrollmentId, i, s, anchor, plan.timeZone));
        await step.sleepUntil(`wait-${i}`, until);
        anchor = until;
        continue;
      }
      for (let attempt = 0; attempt <= MAX_DEFERRALS; attempt++) {
        const outcome = await step.run(`step-${i}-${attempt}`, () => executeFollowupStep(tenantId, enrollmentId, i, s));
        if (outcome.kind === "stopped") return { stopped: outcome.reason, atStep: i };
        if (outcome.kind === "done") {
          anchor = outcome.at;
          break;
        }
        await step.sleepUntil(`defer-${i}-${attempt}`, outcome.until);
      }
    }
    await step.run("complete", () => completeEnrollment(tenantId, enrollmentId));
    return { completed: true };
  },
);
