import { defineFunction } from "../define";
import { recordUsage } from "@/lib/usage";

export const recordUsageFn = defineFunction(
  { id: "record-usage", triggers: [{ event: "usage/recorded" }], retries: 5 },
  async ({ event, step }) => {
    const data = event.data as { tenantId: string; metric: string; amount: number };
    return step.run("increment-counter", () => recordUsage(data.tenantId, data.metric, data.amount));
  },
);
