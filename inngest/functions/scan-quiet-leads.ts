import { defineFunction } from "../define";
import { clock } from "../local/clock";
import { enrollQuietLeads, tenantsWithNoReplySequences } from "@/lib/followups/quiet";

// Every fifteen minutes: leads that went quiet after our last message start the tenant's "no reply" sequences.
export const scanQuietLeads = defineFunction(
  { id: "scan-quiet-leads", triggers: [{ cron: "*/15 * * * *" }], retries: 1 },
  async ({ step }) => {
    const tenantIds = await step.run("find-tenants", () => tenantsWithNoReplySequences());
    let enrolled = 0;
    for (const tenantId of tenantIds) {
      const ids = await step.run(`enroll-${tenantId}`, () => enrollQuietLeads(tenantId, clock.now()));
      enrolled += ids.length;
    }
    return { tenants: tenantIds.length, enrolled };
  },
);
