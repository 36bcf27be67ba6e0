import { eventType, staticSchema } from "inngest";

// Every event the product sends, with its payload type. Add new ones here.
export const events = {
  usageRecorded: eventType("usage/recorded", { schema: staticSchema<{ tenantId: string; metric: string; amount: number }>() }),
  inboxReceived: eventType("inbox/received", { schema: staticSchema<{ inboxId: string; orderKey?: string }>() }),
  messageReceived: eventType("conversation/message.received", {
    // followups / webhooks: whether the lead has a running sequence (or wrote STOP) and the dealer an endpoint for it.
    schema: staticSchema<{ tenantId: string; conversationId: string; messageId: string; followups: boolean; webhooks: boolean }>(),
  }),
  sendRequested: eventType("message/send.requested", { schema: staticSchema<{ tenantId: string; messageId: string }>() }),
  leadCreated: eventType("lead/created", {
    // webhooks / sequences / assign: whether the dealer has an endpoint for new leads, an enabled sequence a new lead
    // can enter and automatic assignment on; true when the sender did not look (see leadCreatedEvent), so the runs
    // start and find out themselves.
    schema: staticSchema<{ tenantId: string; leadId: string; source: string; webhooks: boolean; sequences: boolean; assign: boolean }>(),
  }),
  leadStageChanged: eventType("lead/stage.changed", {
    // webhooks / sequences: whether the dealer has an endpoint for stage changes and an enabled sequence a stage change
    // can start; true when the sender did not look (see leadStageChangedEvent).
    schema: staticSchema<{ tenantId: string; leadId: string; from: string; to: string; reason?: string; webhooks: boolean; sequences: boolean }>(),
  }),
  leadBecameHot: eventType("lead/became.hot", { schema: staticSchema<{ tenantId: string; leadId: string; reason: string }>() }),
  repAlertRequested: eventType("lead/rep-alert.requested", {
    schema: staticSchema<{ tenantId: string; leadId: string; conversationId: string; kind: "hot" | "handover"; reason: string }>(),
  }),
  conversationModeChanged: eventType("conversation/mode.changed", {
    schema: staticSchema<{ tenantId: string; conversationId: string; leadId?: string; mode: string }>(),
  }),
  photoAdded: eventType("media/photo.added", { schema: staticSchema<{ tenantId: string; mediaId: string }>() }),
  importRequested: eventType("inventory/import.requested", { schema: staticSchema<{ tenantId: string; importId: string }>() }),
  feedPullRequested: eventType("inventory/feed.pull.requested", { schema: staticSchema<{ tenantId: string }>() }),
  vehicleChanged: eventType("inventory/vehicle.changed", {
    schema: staticSchema<{
      tenantId: string;
      vehicleId: string;
      change: "created" | "updated" | "sold" | "removed" | "price_drop" | "status";
      oldPrice?: number;
      newPrice?: number;
    }>(),
  }),
  appointmentBooked: eventType("appointment/booked", { schema: staticSchema<{ tenantId: string; appointmentId: string }>() }),
  // The shopper's booking got a new time; `previousStartsAt` is the time it had (ISO).
  appointmentRescheduled: eventType("appointment/rescheduled", { schema: staticSchema<{ tenantId: string; appointmentId: string; previousStartsAt: string }>() }),
  appointmentOutcome: eventType("appointment/outcome.recorded", {
    schema: staticSchema<{ tenantId: string; appointmentId: string; leadId: string; outcome: "completed" | "no_show"; kind: "test_drive" | "visit" }>(),
  }),
  webhookDeliveryRequested: eventType("webhook/delivery.requested", { schema: staticSchema<{ tenantId: string; deliveryId: string }>() }),
  followupEnroll: eventType("followup/enroll.requested", {
    schema: staticSchema<{ tenantId: string; sequenceId: string; leadId: string; enrollmentId: string }>(),
  }),
  followupStopped: eventType("followup/enrollment.stopped", { schema: staticSchema<{ tenantId: string; leadId: string; enrollmentId: string; reason: string }>() }),
  broadcastScheduled: eventType("broadcast/scheduled", { schema: staticSchema<{ tenantId: string; broadcastId: string; channelId: string }>() }),
  broadcastCancelled: eventType("broadcast/cancelled", { schema: staticSchema<{ tenantId: string; broadcastId: string }>() }),
} as const;

export type EventName = (typeof events)[keyof typeof events]["name"];
