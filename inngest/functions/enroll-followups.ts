import { defineFunction } from "../define";
import { enrollLead } from "@/lib/followups/enroll";
import type { TriggerEvent } from "@/lib/followups/rules";

/**
 * New leads, stage changes and the outcome of a booked appointment start the sequences whose trigger and audience fit.
 * A new lead or a stage change whose sender found no sequence it could start starts no run.
 */
export const enrollFollowups = defineFunction(
  {
    id: "enroll-followups",
    triggers: [{ event: "lead/created", if: "event.data.sequences != false" }, { event: "lead/stage.changed", if: "event.data.sequences != false" }, { event: "appointment/outcome.recorded" }],
    retries: 3,
  },
  async ({ event, step }) => {
    const d = event.data as {
      tenantId: string; leadId: string; source?: string; from?: string; to?: string; reason?: string;
      outcome?: "completed" | "no_show"; kind?: "test_drive" | "visit";
    };
    const trigger: TriggerEvent = event.name === "lead/created"
      ? { kind: "lead_created", source: d.source ?? "" }
      : event.name === "appointment/outcome.recorded"
        ? { kind: "appointment", outcome: d.outcome ?? "completed", appointmentKind: d.kind ?? "test_drive" }
        : { kind: "stage_changed", from: d.from ?? "", to: d.to ?? "", reason: d.reason };
    const enrolled = await step.run("enroll", () => enrollLead(d.tenantId, d.leadId, trigger));
    return { enrolled };
  },
);
