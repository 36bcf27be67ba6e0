import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations, messages } from "@/db/schema";
import { getAppointment } from "@/lib/api/resources/appointments";
import { getLead } from "@/lib/api/resources/leads";
import { getVehicle } from "@/lib/api/resources/vehicles";

export const webhookEventTypes = ["lead.created", "lead.stage_changed", "appointment.booked", "appointment.rescheduled", "vehicle.sold", "message.received"] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
export const isWebhookEventType = (s: string): s is WebhookEventType => (webhookEventTypes as readonly string[]).includes(s);

/** The product events (inngest/events.ts) a dealer's receivers can subscribe to. */
export const sourceEvents = ["lead/created", "lead/stage.changed", "appointment/booked", "appointment/rescheduled", "inventory/vehicle.changed", "conversation/message.received"] as const;

/**
 * Source events that start the fan-out only when they can deliver something: a car's change only when it sold (an
 * import announces thousands of others), a shopper's message only when the dealer has an endpoint for it (the
 * inbound pipeline looks it up with the message), a new lead or a stage change unless its sender found no endpoint for it.
 */
export const sourceConditions: Partial<Record<(typeof sourceEvents)[number], string>> = {
  "inventory/vehicle.changed": "event.data.change == 'sold'",
  "lead/created": "event.data.webhooks != false",
  "lead/stage.changed": "event.data.webhooks != false",
  "conversation/message.received": "event.data.webhooks == true",
};

type SourceEvent = { name: string; data: Record<string, unknown> };
export type Subject = { tenantId: string; type: WebhookEventType; id: string; extra: Record<string, unknown> };

/** Which outgoing event (if any) a product event is; pure, so the mapping is tested without a database. */
export function subjectOf(event: SourceEvent): Subject | null {
  const d = event.data;
  const tenantId = typeof d.tenantId === "string" ? d.tenantId : null;
  if (!tenantId) return null;
  switch (event.name) {
    case "lead/created":
      return { tenantId, type: "lead.created", id: String(d.leadId), extra: {} };
    case "lead/stage.changed":
      return { tenantId, type: "lead.stage_changed", id: String(d.leadId), extra: { from: d.from, to: d.to, ...(d.reason ? { reason: d.reason } : {}) } };
    case "appointment/booked":
      return { tenantId, type: "appointment.booked", id: String(d.appointmentId), extra: {} };
    case "appointment/rescheduled":
      return { tenantId, type: "appointment.rescheduled", id: String(d.appointmentId), extra: { previousStartsAt: d.previousStartsAt } };
    case "inventory/vehicle.changed":
      return d.change === "sold" ? { tenantId, type: "vehicle.sold", id: String(d.vehicleId), extra: {} } : null;
    case "conversation/message.received":
      return { tenantId, type: "message.received", id: String(d.messageId), extra: {} };
    default:
      return null;
  }
}

async function loadMessage(tenantId: string, messageId: string) {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select({ id: messages.id, conversationId: messages.conversationId, contactId: conversations.contactId, leadId: conversations.leadId, type: messages.type, body: messages.body, createdAt: messages.createdAt, direction: messages.direction })
      .from(messages).innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId))).limit(1),
  );
  if (!row || row.direction !== "inbound") return null;
  const { direction: _inbound, ...message } = row;
  return { ...message, createdAt: message.createdAt.toISOString() };
}

/** The `data` of the outgoing event: the subject as the REST API shows it, or null when it is gone. */
export async function eventDataOf(subject: Subject): Promise<Record<string, unknown> | null> {
  const { tenantId, id } = subject;
  switch (subject.type) {
    case "lead.created": {
      const lead = await getLead(tenantId, id);
      return lead ? { lead } : null;
    }
    case "lead.stage_changed": {
      const lead = await getLead(tenantId, id);
      return lead ? { lead, ...subject.extra } : null;
    }
    case "appointment.booked":
    case "appointment.rescheduled": {
      const appointment = await getAppointment(tenantId, id);
      return appointment ? { appointment, ...subject.extra } : null;
    }
    case "vehicle.sold": {
      const vehicle = await getVehicle(tenantId, id);
      return vehicle ? { vehicle } : null;
    }
    case "message.received": {
      const message = await loadMessage(tenantId, id);
      return message ? { message } : null;
    }
  }
}
