import { and, eq, exists, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { conversations, followupEnrollments, followupSequences, messages, mediaObjects, tenants, webhookEndpoints } from "@/db/schema";
import { sendEvent, type OutgoingEvent } from "@/inngest/dispatch";
import { findChannelByExternalId, channelCredentials, type ChannelRow } from "./store";
import { fetchWhatsAppMedia } from "./whatsapp-cloud";
import { fetchMediaUrl } from "./http-send";
import type { InboundMessage, InboundStatus } from "./types";
import { touchPhoneContact } from "@/lib/leads/contacts";
import { createLead, leadCreatedEvent, logInquiry, touchOpenLead } from "@/lib/leads/leads";
import { findOpenConversation, findOrCreateConversation, openConversationWith, recordInboundMessage } from "@/lib/conversations";
import { isOptOutText } from "@/lib/followups/rules";
import { activeEnrollmentsIn } from "@/lib/followups/stop";
import { newLeadSequences } from "@/lib/followups/enroll";
import { subscribedTo } from "@/lib/outgoing-webhooks/deliveries";
import { createHash, randomUUID } from "node:crypto";

// Later statuses win; a late `delivered` after `failed` means it did arrive.
const statusRank: Record<string, number> = { received: 0, queued: 0, not_delivered: 0, sent: 1, failed: 2, delivered: 3, read: 4 };

export type InboundOutcome = { stored: number; duplicates: number; statuses: number; events: OutgoingEvent[] };

/** A shopper's message → contact, open lead, conversation, stored message; then the events that start the reply. */
export async function handleInboundMessage(channel: ChannelRow, m: InboundMessage, out: InboundOutcome) {
  const tenantId = channel.tenantId;
  const { ownerBotUser, handleOwnerMessage } = await import("@/lib/inventory/owner-bot");
  const result = await withTenant(tenantId, async (tx) => {
    // Owners and managers manage stock from WhatsApp; their messages never become leads. The sender's contact is
    // touched with that check, one round trip: the owner bot keeps a contact for staff as well.
    const at = m.timestamp ?? new Date();
    const [staff, { contact, created: newContact }] = await Promise.all([
      ownerBotUser(tenantId, m.from, tx),
      touchPhoneContact(tx, tenantId, { phone: m.from, name: m.profileName ?? null, activityAt: at }),
    ]);
    if (staff) return { staff };
    const message = {
      channelId: channel.id, providerMessageId: m.externalId, type: m.type, body: m.text ?? null,
      media: m.media ? { providerMediaId: m.media.id, mimeType: m.media.mimeType, caption: m.media.caption, filename: m.media.filename } : null,
      meta: { ...(m.media?.url ? { mediaUrl: m.media.url } : {}), ...(m.location ? { location: m.location } : {}), ...(m.interactive ? { interactive: m.interactive } : {}), ...(m.reaction ? { reaction: m.reaction } : {}) },
      at,
    };
    if (newContact) {
      // Someone new has no lead or conversation to look for: lead, conversation and message are written together
      // (one round trip), with ids made here.
      const ids = { lead: randomUUID(), conversation: randomUUID() };
      const thread = { id: ids.conversation, contactId: contact.id, leadId: ids.lead, channelId: channel.id, medium: "whatsapp" };
      const [lead, conversation, stored, flags] = await Promise.all([
        createLead(tx, tenantId, contact.id, { source: "whatsapp", activityAt: at }, ids.lead),
        openConversationWith(tx, tenantId, thread, { at, type: m.type, body: message.body }),
        recordInboundMessage(tx, tenantId, { ...message, conversation: thread, opened: true }),
        receivedFlags(tx, tenantId, { conversationId: ids.conversation, leadId: ids.lead }, true),
      ]);
      return { ...stored, lead, created: true, conversation, flags };
    }
    // Someone known: their open lead is touched with the read of their open conversation (one round trip); a shopper
    // whose leads are all closed starts a new one.
    const [touched, open] = await Promise.all([touchOpenLead(tx, tenantId, contact.id, at), findOpenConversation(tx, tenantId, contact.id, "whatsapp")]);
    const created = !touched;
    const lead = touched ?? await createLead(tx, tenantId, contact.id, { source: "whatsapp", activityAt: at });
    const conversation = await findOrCreateConversation(tx, tenantId, { contactId: contact.id, leadId: lead.id, channelId: channel.id, medium: "whatsapp" }, open);
    // The message, what its event says about the lead and the lead's timeline note are independent: sent together.
    const [stored, flags] = await Promise.all([
      recordInboundMessage(tx, tenantId, { ...message, conversation, activityRecorded: conversation.leadId === lead.id }),
      receivedFlags(tx, tenantId, { conversationId: conversation.id, leadId: lead.id }, created),
      created ? undefined : logInquiry(tx, tenantId, lead.id, "whatsapp"),
    ]);
    return { ...stored, lead, created, conversation, flags };
  });
  if ("staff" in result && result.staff) {
    await handleOwnerMessage(channel, result.staff, m);
    out.stored++;
    return;
  }
  if (result.duplicate) out.duplicates++;
  else out.stored++;
  if (!result.duplicate && (m.media?.id || m.media?.url)) await storeInboundMedia(channel, result.message.id, m.media);
  if (result.created) out.events.push(leadCreatedEvent(tenantId, result.lead.id, "whatsapp", result.flags.newLead));
  // Re-announced for duplicates too: if a crash came between storing and announcing, the sweeper's rerun
  // still starts the reply, and the event id makes Inngest drop it when it was already sent.
  // Reactions are acknowledgements, not questions: store them, never answer them.
  if (m.type !== "reaction") out.events.push(messageReceivedEvent(tenantId, { conversationId: result.conversation.id, messageId: result.message.id, body: m.text ?? null }, result.flags));
}

/**
 * The event a stored shopper message announces. It says whether the lead has a running follow-up sequence (or the
 * shopper opted out) and whether the dealer has a webhook endpoint for it, so the runs that would find nothing to
 * do are not started (a follow-up that starts later checks for replies before each send on its own).
 */
export function messageReceivedEvent(tenantId: string, m: { conversationId: string; messageId: string; body: string | null }, flags: ReceivedFlags): OutgoingEvent {
  return {
    name: "conversation/message.received", id: `received-${m.messageId}`,
    data: { tenantId, conversationId: m.conversationId, messageId: m.messageId, followups: flags.followups || isOptOutText(m.body), webhooks: flags.webhooks },
  };
}

/** `newLead`: for a lead this message created, whether lead/created has anything to start (see inngest/events.ts). */
type ReceivedFlags = { followups: boolean; webhooks: boolean; newLead?: { webhooks: boolean; sequences: boolean; assign: boolean } };

/**
 * Whether the lead has a running follow-up sequence and the dealer a webhook endpoint for shopper messages; for a
 * new lead also whether the dealer has an endpoint for new leads, a sequence a new lead can enter and automatic
 * assignment on. One statement.
 */
export async function receivedFlags(tx: Tx, tenantId: string, m: { conversationId: string; leadId: string | null }, newLead = false): Promise<ReceivedFlags> {
  const one = { one: sql`1` };
  const exist = (q: Parameters<typeof exists>[0]) => exists(q).mapWith(Boolean);
  const flags = {
    followups: m.leadId ? exist(tx.select(one).from(followupEnrollments).where(activeEnrollmentsIn(tenantId, { leadId: m.leadId }))) : sql<boolean>`true`,
    webhooks: exist(tx.select(one).from(webhookEndpoints).where(subscribedTo(tenantId, "message.received"))),
  };
  const ofConversation = and(eq(conversations.tenantId, tenantId), eq(conversations.id, m.conversationId));
  if (!newLead) return (await tx.select(flags).from(conversations).where(ofConversation))[0];
  const [found] = await tx.select({
    ...flags,
    leadWebhooks: exist(tx.select(one).from(webhookEndpoints).where(subscribedTo(tenantId, "lead.created"))),
    sequences: exist(tx.select(one).from(followupSequences).where(newLeadSequences(tenantId))),
    assign: exist(tx.select(one).from(tenants).where(and(eq(tenants.id, tenantId), sql`${tenants.settings}->'leads'->>'autoAssign' = 'true'`))),
  }).from(conversations).where(ofConversation);
  return { followups: found.followups, webhooks: found.webhooks, newLead: { webhooks: found.leadWebhooks, sequences: found.sequences, assign: found.assign } };
}

/** Media ids and gateway file URLs expire; fetch the bytes now and keep them. */
async function storeInboundMedia(channel: ChannelRow, messageId: string, media: NonNullable<InboundMessage["media"]>) {
  const creds = channelCredentials(channel);
  try {
    let file: { bytes: Buffer; mimeType: string };
    if (media.id) {
      if (!creds.accessToken) return;
      file = await fetchWhatsAppMedia(media.id, creds.accessToken, creds.graphUrl);
    } else {
      // WAHA serves its files behind the same API key as its send endpoints; Fonnte's URLs are public.
      file = await fetchMediaUrl(media.url!, channel.provider === "waha" && creds.apiKey ? { "x-api-key": creds.apiKey } : {}, media.mimeType);
    }
    await withTenant(channel.tenantId, async (tx) => {
      const [row] = await tx.insert(mediaObjects).values({
        tenantId: channel.tenantId, kind: "whatsapp_media", mimeType: file.mimeType, bytes: file.bytes, size: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
      }).returning({ id: mediaObjects.id });
      const [msg] = await tx.select({ media: messages.media }).from(messages).where(eq(messages.id, messageId));
      await tx.update(messages).set({ media: { ...(msg?.media ?? {}), mediaId: row.id } }).where(eq(messages.id, messageId));
    });
  } catch (err) {
    console.warn(`[channels] media ${media.id ?? media.url} not stored: ${(err as Error).message}`);
  }
}

export async function handleStatus(channel: ChannelRow, s: InboundStatus, out: InboundOutcome) {
  out.statuses++;
  await withTenant(channel.tenantId, async (tx) => {
    const [msg] = await tx
      .select({ id: messages.id, status: messages.status })
      .from(messages)
      .where(and(eq(messages.channelId, channel.id), eq(messages.providerMessageId, s.externalId)))
      .limit(1);
    if (!msg || (statusRank[s.status] ?? 0) <= (statusRank[msg.status] ?? 0)) return;
    await tx
      .update(messages)
      .set({ status: s.status, statusAt: s.timestamp, ...(s.status === "failed" ? { error: s.error ?? { title: "failed" } } : { error: null }) })
      .where(eq(messages.id, msg.id));
  });
}

export async function channelFor(provider: ChannelRow["provider"], key: string, cache: Map<string, ChannelRow | null>) {
  if (!cache.has(key)) cache.set(key, await findChannelByExternalId(provider, key));
  return cache.get(key) ?? null;
}

export async function emit(events: OutgoingEvent[]) {
  if (events.length) await sendEvent(events);
}
