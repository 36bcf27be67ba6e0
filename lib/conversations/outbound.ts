import { withTenant } from "@/db/tenant";
import { sendEvent } from "@/inngest/dispatch";
import { recordOutboundMessage, type OutboundInput, type Message } from "./index";

/**
 * Stores a dealer-side message as queued and asks the delivery function to send it; retries and
 * provider errors are handled there, so callers never talk to a provider directly.
 */
export async function queueOutboundMessage(tenantId: string, input: OutboundInput): Promise<Message> {
  const { message, duplicate } = await withTenant(tenantId, (tx) => recordOutboundMessage(tx, tenantId, input));
  if (!duplicate) await sendEvent({ name: "message/send.requested", id: `send-${message.id}`, data: { tenantId, messageId: message.id } });
  return message;
}
