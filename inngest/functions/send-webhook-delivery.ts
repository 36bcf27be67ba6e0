import { defineFunction } from "../define";
import { attemptDelivery } from "@/lib/outgoing-webhooks";

const RETRIES = 6;

export const sendWebhookDeliveryFn = defineFunction(
  // Inngest backs off exponentially between attempts; a receiver that is down for a while still gets the event.
  { id: "send-webhook-delivery", triggers: [{ event: "webhook/delivery.requested" }], retries: RETRIES, concurrency: { key: "event.data.tenantId", limit: 5 } },
  async ({ event, step, attempt }) => {
    const { tenantId, deliveryId } = event.data as { tenantId: string; deliveryId: string };
    return step.run("post", async () => {
      const result = await attemptDelivery(tenantId, deliveryId, { final: attempt >= RETRIES });
      // Throwing makes the step retry; the attempt is already in the delivery log.
      if (result.status === "failed") throw new Error(`webhook delivery failed: ${result.error}`);
      return result;
    });
  },
);
