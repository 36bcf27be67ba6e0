import { sendEvent } from "@/inngest/dispatch";
import { channelFor, handleInboundMessage, type InboundOutcome } from "@/lib/channels/inbound";

/**
 * A shopper's WhatsApp text to this dealer's test channel through the inbound pipeline (as a webhook's process-inbox
 * run handles it); returns the events it announced, already sent.
 */
export async function shopperWrites(t: { phoneNumberId: string }, text: string, from = "31612340000") {
  const out: InboundOutcome = { stored: 0, duplicates: 0, statuses: 0, events: [] };
  const channel = await channelFor("whatsapp_cloud", t.phoneNumberId, new Map());
  await handleInboundMessage(channel!, { kind: "message", channelKey: t.phoneNumberId, externalId: `wamid.${Math.random()}`, from, timestamp: new Date(), type: "text", text }, out);
  await sendEvent(out.events);
  return out.events;
}
