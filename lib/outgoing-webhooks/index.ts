import { randomUUID } from "node:crypto";
import { sendEvent } from "@/inngest/dispatch";
import { hasRole } from "@/lib/auth/roles";
import type { Role } from "@/db/schema";
import { copyDeliveryForResend, queueDeliveries, subscribedEndpoints } from "./deliveries";
import { eventDataOf, subjectOf } from "./events";

export { attemptDelivery, listDeliveries } from "./deliveries";
export { createEndpointSchema, createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints, setWebhookEndpointEnabled } from "./endpoints";
export { webhookEventTypes, sourceConditions, sourceEvents, type WebhookEventType } from "./events";
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, EVENT_HEADER, DELIVERY_HEADER } from "./sign";

export const deliveryRequested = (tenantId: string, deliveryId: string) => ({ name: "webhook/delivery.requested", id: `webhook-delivery-${deliveryId}`, data: { tenantId, deliveryId } });

/** A product event → one stored delivery per subscribed endpoint; the caller then requests each. */
export async function queueWebhookDeliveries(event: { name: string; id?: string; data: Record<string, unknown> }): Promise<{ tenantId: string; deliveryIds: string[] }> {
  const subject = subjectOf(event);
  if (!subject) return { tenantId: "", deliveryIds: [] };
  // Most dealers subscribe to nothing: ask before loading what the event is about.
  const endpointIds = await subscribedEndpoints(subject.tenantId, subject.type);
  if (endpointIds.length === 0) return { tenantId: subject.tenantId, deliveryIds: [] };
  const data = await eventDataOf(subject);
  if (!data) return { tenantId: subject.tenantId, deliveryIds: [] };
  const envelope = { id: randomUUID(), type: subject.type, createdAt: new Date().toISOString(), data };
  return { tenantId: subject.tenantId, deliveryIds: await queueDeliveries(subject.tenantId, envelope, endpointIds) };
}

export async function resendDelivery(actor: { tenantId: string; role: Role }, deliveryId: string): Promise<{ ok: true; deliveryId: string } | { ok: false; error: string }> {
  if (!hasRole(actor.role, "admin")) return { ok: false, error: "Only owners and admins can resend webhooks." };
  const id = await copyDeliveryForResend(actor.tenantId, deliveryId);
  if (!id) return { ok: false, error: "That delivery no longer exists." };
  await sendEvent(deliveryRequested(actor.tenantId, id));
  return { ok: true, deliveryId: id };
}
