import { defineFunction } from "../define";
import { sendEvent } from "../dispatch";
import { clock } from "../local/clock";
import { redispatchStuckOutbound } from "@/lib/conversations/outbound";
import { countRedispatch, staleInbox } from "@/lib/webhooks/inbox";

// Re-dispatches webhook events that were acknowledged but never processed (processing is idempotent), and
// asks again for the delivery of replies whose request never reached the queue.
export const sweepInbox = defineFunction(
  { id: "sweep-inbox", triggers: [{ cron: "* * * * *" }], retries: 1 },
  async ({ step }) => {
    const outbound = await step.run("redispatch-outbound", async () => ({ redispatched: await redispatchStuckOutbound(clock.now()) }));
    const inbox = await step.run("redispatch-stale", async () => {
      const stale = await staleInbox(new Date(clock.now().getTime() - 60_000));
      for (const row of stale) {
        await countRedispatch(row.id, row.attempts);
        await sendEvent({ name: "inbox/received", id: `inbox-${row.id}-${row.attempts + 1}`, data: { inboxId: row.id } });
      }
      return { redispatched: stale.length };
    });
    return { inbox: inbox.redispatched, outbound: outbound.redispatched };
  },
);
