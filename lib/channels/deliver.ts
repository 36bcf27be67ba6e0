import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { channels, contacts, conversations, messages } from "@/db/schema";
import { channelCredentials } from "./store";
import { isInsideCustomerServiceWindow, sendWhatsAppCloud } from "./whatsapp-cloud";
import { sendWaha } from "./waha";
import { sendFonnte } from "./fonnte";
import type { ChannelCredentials, OutboundMessage, SendResult } from "./types";

type Sender = (to: string, m: OutboundMessage, creds: ChannelCredentials) => Promise<SendResult>;
const senders: Record<string, Sender> = { whatsapp_cloud: sendWhatsAppCloud, waha: sendWaha, fonnte: sendFonnte };

export function registerSender(provider: string, sender: Sender) {
  senders[provider] = sender;
}

/**
 * How long a failed send waits before its next attempt. Never sooner than this: a `Retry-After: 1` during an outage
 * must not spend every attempt within seconds.
 */
export const deliveryBackoffMs = (attempt: number) => Math.min(2 ** attempt * 2_000, 300_000);

/**
 * What sending a message needs, in one read: the message, the channel it goes out on and to whom (every message has
 * its conversation, every conversation its contact; the channel may have been removed). A run that has just stored a
 * message reads this in its own transaction and hands it to `deliverMessage`.
 */
export async function readForDelivery(tx: Tx, messageId: string) {
  const [row] = await tx.select({
    msg: { status: messages.status, body: messages.body, meta: messages.meta },
    conv: { lastInboundAt: conversations.lastInboundAt },
    contact: { phone: contacts.phone },
    channel: channels,
  }).from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(channels, eq(channels.id, conversations.channelId))
    .where(eq(messages.id, messageId)).limit(1);
  return row;
}
export type DeliveryRead = Awaited<ReturnType<typeof readForDelivery>>;

export type DeliveryOutcome =
  | { outcome: "sent"; externalId: string }
  | { outcome: "skipped"; reason: string }
  | { outcome: "failed"; error: string }
  | { outcome: "retry"; error: string; retryAfterMs?: number };

/**
 * Sends one queued message through its conversation's channel. Free text outside the 24-hour
 * customer-service window is refused here (Meta would reject it with 131047); only templates go out then.
 */
export async function deliverMessage(tenantId: string, messageId: string, finalAttempt: boolean, preloaded?: DeliveryRead): Promise<DeliveryOutcome> {
  // Sent by an earlier attempt whose database write failed: record it, never send it again.
  const alreadySent = sentNotRecorded.get(messageId);
  if (alreadySent) {
    await recordSent(tenantId, messageId, alreadySent);
    return { outcome: "sent", externalId: alreadySent };
  }
  const loaded = preloaded ?? (await withTenant(tenantId, (tx) => readForDelivery(tx, messageId)));
  if (!loaded) return { outcome: "skipped", reason: "message not found" };
  const { msg, conv, contact, channel } = loaded;
  if (msg.status !== "queued") return { outcome: "skipped", reason: `already ${msg.status}` };

  const fail = async (title: string, code: string | number, status: "failed" | "not_delivered" = "failed") => {
    await setStatus(tenantId, messageId, { status, error: { code, title } });
    return { outcome: "failed" as const, error: title };
  };
  if (!channel || !contact?.phone) return fail("not delivered: channel not connected", "not_connected", "not_delivered");
  const sender = senders[channel.provider];
  if (!sender) return fail(`no sender for ${channel.provider}`, "no_sender");
  const template = msg.meta.template as { name: string; language: string; variables: string[] } | undefined;
  // The window is a WhatsApp Business Platform rule; WAHA and Fonnte drive a phone's own WhatsApp and have no templates.
  if (!template && channel.provider === "whatsapp_cloud" && !isInsideCustomerServiceWindow(conv.lastInboundAt)) {
    return fail("outside the 24-hour window: only an approved template can be sent", 131047);
  }
  const creds = channelCredentials(channel);
  const payload: OutboundMessage = template
    ? { type: "template", name: template.name, language: template.language, variables: template.variables, text: msg.body ?? "" }
    : (msg.meta.buttons as OutboundMessage | undefined) ?? { type: "text", text: msg.body ?? "" };
  const result = await sender(contact.phone, payload, creds);
  if (result.ok) {
    await recordSent(tenantId, messageId, result.externalId);
    return { outcome: "sent", externalId: result.externalId };
  }
  if (result.error.code === "not_connected") return fail(result.error.title, "not_connected", "not_delivered");
  if (result.retryable && !finalAttempt) return { outcome: "retry", error: result.error.title, retryAfterMs: result.retryAfterMs };
  await setStatus(tenantId, messageId, { status: "failed", error: result.error });
  return { outcome: "failed", error: result.error.title };
}

/**
 * No provider takes an idempotency key, so a message the shopper already has must not look unsent: a failed write
 * (the database restarting) is retried here for a minute, and the wamid is remembered for the retried run after that.
 * Only a process killed in that window can still send twice.
 */
const sentNotRecorded = new Map<string, string>();
const RECORD_DEADLINE_MS = 60_000;

async function recordSent(tenantId: string, messageId: string, externalId: string) {
  const deadline = Date.now() + RECORD_DEADLINE_MS;
  for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
    try {
      await setStatus(tenantId, messageId, { status: "sent", providerMessageId: externalId, error: null });
      sentNotRecorded.delete(messageId);
      return;
    } catch (err) {
      if (Date.now() + wait > deadline) {
        if (sentNotRecorded.size >= 10_000) sentNotRecorded.delete(sentNotRecorded.keys().next().value!);
        sentNotRecorded.set(messageId, externalId);
        throw err;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

async function setStatus(tenantId: string, messageId: string, patch: Partial<typeof messages.$inferInsert>) {
  await withTenant(tenantId, (tx) => tx.update(messages).set({ ...patch, statusAt: new Date() }).where(eq(messages.id, messageId)));
}
