import { defineFunction } from "../define";
import { clock } from "../local/clock";
import { finishBroadcast, getBroadcastSchedule, PACE_SECONDS, sendNextBatch, startBroadcast } from "@/lib/broadcasts/send";

/**
 * Waits for the broadcast's time, then sends it in paced batches. One broadcast at a time per
 * WhatsApp number, so two broadcasts never add up past the number's pace.
 */
export const sendBroadcast = defineFunction(
  {
    id: "send-broadcast",
    triggers: [{ event: "broadcast/scheduled" }],
    retries: 5,
    concurrency: { key: "event.data.channelId", limit: 1 },
    cancelOn: [{ event: "broadcast/cancelled", match: "data.broadcastId" }],
  },
  async ({ event, step }) => {
    const { tenantId, broadcastId } = event.data;
    const at = await step.run("load-schedule", () => getBroadcastSchedule(tenantId, broadcastId));
    if (!at) return { skipped: "missing" };
    if (new Date(at).getTime() > clock.now().getTime()) await step.sleepUntil("wait-for-schedule", new Date(at));
    const started = await step.run("start", () => startBroadcast(tenantId, broadcastId, clock.now()));
    if (!started) return { skipped: "not scheduled" };
    let sent = 0;
    for (let i = 0; ; i++) {
      const batch = await step.run(`batch-${i}`, () => sendNextBatch(tenantId, broadcastId, started.batchSize, clock.now()));
      sent += batch.sent;
      if (batch.remaining === 0) break;
      await step.sleep(`pace-${i}`, `${PACE_SECONDS}s`);
    }
    await step.run("finish", () => finishBroadcast(tenantId, broadcastId, clock.now()));
    return { sent, recipients: started.recipients };
  },
);
