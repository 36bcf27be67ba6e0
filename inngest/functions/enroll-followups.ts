import { defineFunction } from "../define";
import { enrollLead } from "@/lib/followups/enroll";

/** New leads and stage changes start the sequences whose trigger and audience fit. */
export const enrollFollowups = defineFunction(
  { id: "enroll-followups", triggers: [{ event: "lead/created" }, { event: "lead/stage.changed" }], retries: 3 },
  async ({ event, step }) => {
    const d = event.data as { tenantId: string; leadId: string; source?: string; from?: string; to?: string; reason?: string };
    const trigger = event.name === "lead/created"
      ? { kind: "lead_created" as const, source: d.source ?? "" }
      : { kind: "stage_changed" as const, from: d.from ?? "", to: d.to ?? "", reason: d.reason };
    const enrolled = await step.run("enroll", () => enrollLead(d.tenantId, d.leadId, trigger));
    return { enrolled };
  },
);
