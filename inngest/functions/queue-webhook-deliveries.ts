import { defineFunction } from "../define";
import { deliveryRequested, queueWebhookDeliveries, sourceConditions, sourceEvents } from "@/lib/outgoing-webhooks";

// Dealers' receivers hear about product events through this fan-out; each delivery then retries on its own.
export const queueWebhookDeliveriesFn = defineFunction(
  { id: "queue-webhook-deliveries", triggers: sourceEvents.map((event) => ({ event, ...(sourceConditions[event] ? { if: sourceConditions[event] } : {}) })), retries: 3 },
  async ({ event, step }) => {
    const queued = await step.run("queue-deliveries", () => queueWebhookDeliveries(event as { name: string; id?: string; data: Record<string, unknown> }));
    if (queued.deliveryIds.length === 0) return { deliveries: 0 };
    await step.sendEvent("request-deliveries", queued.deliveryIds.map((id) => deliveryRequested(queued.tenantId, id)));
    return { deliveries: queued.deliveryIds.length };
  },
);
