import { defineFunction } from "../define";
import { clock } from "../local/clock";
import { tenantsDueForFeedPull } from "@/lib/inventory/feed-pull";

// Every five minutes: one pull event per tenant whose feed interval has passed; the pulls run apart from each other.
export const scheduleFeedPulls = defineFunction(
  { id: "schedule-feed-pulls", triggers: [{ cron: "*/5 * * * *" }], retries: 1 },
  async ({ step }) => {
    const due = await step.run("find-due-feeds", async () => tenantsDueForFeedPull(clock.now()));
    if (due.length === 0) return { pulls: 0 };
    const slot = Math.floor(clock.now().getTime() / 300_000);
    await step.sendEvent("fan-out", due.map((tenantId) => ({ name: "inventory/feed.pull.requested", id: `feed-pull-${tenantId}-${slot}`, data: { tenantId } })));
    return { pulls: due.length };
  },
);
