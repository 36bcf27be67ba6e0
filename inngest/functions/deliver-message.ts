import { RetryAfterError } from "inngest";
import { defineFunction } from "../define";
import { deliverMessage, deliveryBackoffMs as backoffMs } from "@/lib/channels/deliver";

// Eight retries with `deliveryBackoffMs` between them span about 8 minutes: a short Graph outage delays a reply, it does not lose it.
const RETRIES = 8;

export const deliverMessageFn = defineFunction(
  {
    id: "deliver-message",
    triggers: [{ event: "message/send.requested" }],
    retries: RETRIES,
    // Meta allows ~80 msg/s per number and about one message per 6 s to the same shopper: queue, don't burst.
    throttle: { key: "event.data.tenantId", limit: 60, period: "1s" },
    concurrency: { key: "event.data.tenantId", limit: 10 },
  },
  async ({ event, step, attempt }) => {
    const { tenantId, messageId } = event.data as { tenantId: string; messageId: string };
    // Thrown inside the step so a retryable failure is not memoized and the next attempt sends again.
    return step.run("send", async () => {
      const result = await deliverMessage(tenantId, messageId, attempt >= RETRIES);
      if (result.outcome !== "retry") return result;
      if (result.retryAfterMs) throw new RetryAfterError(result.error, new Date(Date.now() + Math.max(result.retryAfterMs, backoffMs(attempt))));
      throw new Error(result.error);
    });
  },
);
