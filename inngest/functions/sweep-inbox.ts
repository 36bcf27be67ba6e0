import { defineFunction } from "../define";
import { sendEvent } from "../dispatch";
import { clock } from "../local/clock";
import { countRedispatch, staleInbox } from "@/lib/webhooks/inbox";

// Re-dispatches webhook events that were acknowledged but never processed; processing is idempotent.
export const sweepInbox = defineFunction(
  { id: "sweep-inbox", triggers: [{ cron: "* * * * *" }], retries: 1 },
  async ({ step }) => {
    return step.run("redispatch-stale", async () => {
      const stale = await staleInbox(new Date(clock.now().getTime() - 60_000));
      for (const row of stale) {
        await countRedispatch(row.id, row.attempts);
        await sendEvent({ name: "inbox/received", id: `inbox-${row.id}-${row.attempts + 1}`, data: { inboxId: row.id } });
      }
      return { redispatched: stale.length };
    });
  },
);
