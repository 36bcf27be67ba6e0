import { defineFunction } from "../define";
import { clock } from "../local/clock";
import { pullFeed } from "@/lib/inventory/feed-pull";

export const pullInventoryFeed = defineFunction(
  {
    id: "pull-inventory-feed",
    triggers: [{ event: "inventory/feed.pull.requested" }],
    // A slow feed must not be fetched twice at once for the same dealership.
    singleton: { key: "event.data.tenantId", mode: "skip" },
    retries: 2,
  },
  async ({ event, step }) => {
    const { tenantId } = event.data as { tenantId: string };
    return step.run("pull", () => pullFeed(tenantId, clock.now()));
  },
);
