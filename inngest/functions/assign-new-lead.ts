import { defineFunction } from "../define";
import { assignNewLeadInTurn } from "@/lib/leads/assign-in-turn";

/**
 * A new lead goes to the next colleague on duty when the dealer has automatic assignment on. A sender that looked
 * and found it off starts no run.
 */
export const assignNewLead = defineFunction(
  {
    id: "assign-new-lead",
    triggers: [{ event: "lead/created", if: "event.data.assign != false" }],
    retries: 3,
  },
  async ({ event, step }) => {
    const { tenantId, leadId } = event.data as { tenantId: string; leadId: string };
    const assignedTo = await step.run("assign", () => assignNewLeadInTurn(tenantId, leadId));
    return { assignedTo };
  },
);
