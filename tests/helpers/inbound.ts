import { eq } from "drizzle-orm";
import { POST as whatsappWebhook } from "@/app/api/webhooks/whatsapp/route";
import { contacts, conversations, leads, messages } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { sendEvent } from "@/inngest/dispatch";
import { advanceClock } from "@/inngest/local/clock";
import { drainJobs } from "@/inngest/local/runner";
import { channelFor, handleInboundMessage, type InboundOutcome } from "@/lib/channels/inbound";
import { signedRequest, whatsappText } from "../fakes/whatsapp-payloads";

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

/**
 * A shopper's WhatsApp text through the signed webhook, then the debounced reply and what it starts (the test clock moves
 * past the debounce window).
 */
export async function shopperSays(t: { phoneNumberId: string }, from: string, text: string) {
  const res = await whatsappWebhook(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text })));
  if (!res.ok) throw new Error(`the webhook answered ${res.status}`);
  await drainJobs();
  advanceClock(5_000);
  await drainJobs();
}

/** A shopper whose first message ("Hallo") was answered, with the lead and contact it opened. */
export async function answeredShopper(t: { tenant: { id: string }; phoneNumberId: string }, phone: string) {
  await shopperSays(t, phone, "Hallo");
  const [row] = await withTenant(t.tenant.id, (tx) => tx.select({ leadId: leads.id, contactId: contacts.id }).from(leads)
    .innerJoin(contacts, eq(contacts.id, leads.contactId)).where(eq(contacts.phone, phone)));
  return row;
}

/** The assistant's latest message in this dealer's conversations. */
export const lastAssistantReply = async (tenantId: string) =>
  (await withTenant(tenantId, (tx) => tx.select().from(messages).where(eq(messages.senderKind, "assistant")).orderBy(messages.createdAt))).at(-1)!;

/** Whether the shopper with this phone is opted out, and who answers their conversation. */
export const optOutState = (tenantId: string, phone: string) => withTenant(tenantId, async (tx) => {
  const [row] = await tx.select({ optedOutAt: contacts.optedOutAt, mode: conversations.mode }).from(contacts)
    .innerJoin(conversations, eq(conversations.contactId, contacts.id)).where(eq(contacts.phone, phone));
  return { optedOut: row.optedOutAt instanceof Date, mode: row.mode };
});
