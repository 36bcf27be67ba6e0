import { randomUUID } from "node:crypto";
import { and, desc, eq, exists, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { contacts, conversations, leads, messages, type ConversationMode, type MessageStatus, type SenderKind } from "@/db/schema";

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;

const preview = (text: string | null | undefined, type: string) => (text ? text.slice(0, 140) : `[${type}]`);

/** The contact's open conversation on this medium, if there is one. */
export async function findOpenConversation(tx: Tx, tenantId: string, contactId: string, medium: string): Promise<Conversation | null> {
  const [open] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, contactId), eq(conversations.medium, medium), eq(conversations.status, "open")))
    .limit(1);
  return open ?? null;
}

/**
 * One open conversation per contact and medium (whatsapp, website, email, …). `open` is what findOpenConversation
 * found, when the caller read it already in this transaction.
 */
export async function findOrCreateConversation(
  tx: Tx,
  tenantId: string,
  input: { contactId: string; leadId: string | null; channelId: string | null; medium: string },
  open?: Conversation | null,
): Promise<Conversation> {
  if (open === undefined) open = await findOpenConversation(tx, tenantId, input.contactId, input.medium);
  if (open) {
    const relink = input.leadId && open.leadId !== input.leadId ? { leadId: input.leadId } : {};
    // A conversation whose number was removed in Settings goes on through the channel the shopper reached now.
    const reattach = !open.channelId && input.channelId ? { channelId: input.channelId } : {};
    if (Object.keys(relink).length + Object.keys(reattach).length === 0) return open;
    const [updated] = await tx.update(conversations).set({ ...relink, ...reattach }).where(eq(conversations.id, open.id)).returning();
    return updated;
  }
  const [created] = await tx.insert(conversations).values({ tenantId, ...input }).returning();
  return created;
}

/**
 * A new conversation that opens with a shopper's message: created with the message's time and preview, so storing
 * the message (recordInboundMessage with `opened`) has nothing left to update. The id is the caller's, so the
 * message can be sent with it (one round trip).
 */
export async function openConversationWith(
  tx: Tx,
  tenantId: string,
  input: { id: string; contactId: string; leadId: string | null; channelId: string | null; medium: string },
  first: { at: Date; type: string; body: string | null },
): Promise<Conversation> {
  const [created] = await tx.insert(conversations).values({
    tenantId, ...input, lastInboundAt: first.at, lastMessageAt: first.at, lastMessagePreview: preview(first.body, first.type), unreadCount: 1,
  }).returning();
  return created;
}

export type InboundInput = {
  conversation: Pick<Conversation, "id" | "leadId" | "contactId">;
  channelId: string | null;
  providerMessageId: string | null;
  type: string;
  body: string | null;
  media?: Message["media"];
  meta?: Record<string, unknown>;
  at?: Date;
  /** The caller already set the contact's and the lead's last activity to `at` in this transaction. */
  activityRecorded?: boolean;
  /** The conversation was opened with this message (openConversationWith): its times and counts are set already. */
  opened?: boolean;
};

/** Stores a shopper's message once per provider id; `duplicate` is true for a redelivery. */
export async function recordInboundMessage(tx: Tx, tenantId: string, input: InboundInput): Promise<{ message: Message; duplicate: boolean }> {
  const at = input.at ?? new Date();
  const id = randomUUID();
  // The conversation's update is sent with the insert (one round trip) and changes it only if the insert did.
  const [[inserted]] = await Promise.all([
    tx
      .insert(messages)
      .values({
        id, tenantId, conversationId: input.conversation.id, channelId: input.channelId, direction: "inbound", senderKind: "customer",
        type: input.type, body: input.body, media: input.media ?? null, providerMessageId: input.providerMessageId,
        // Ordered by arrival, so the reply pipeline sees exactly what came after its last answer; the sender's clock is kept in meta.
        status: "received", meta: { ...(input.meta ?? {}), sentAt: at.toISOString() },
      })
      .onConflictDoNothing()
      .returning(),
    input.opened ? undefined : tx
      .update(conversations)
      .set({
        lastInboundAt: sql`greatest(${conversations.lastInboundAt}, ${at.toISOString()}::timestamptz)`,
        lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${at.toISOString()}::timestamptz)`,
        lastMessagePreview: preview(input.body, input.type),
        unreadCount: sql`${conversations.unreadCount} + 1`,
        status: "open",
        updatedAt: new Date(),
      })
      .where(and(eq(conversations.id, input.conversation.id), stored(tx, id))),
  ]);
  if (!inserted) {
    const [existing] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.channelId, input.channelId ?? sql`null`), eq(messages.providerMessageId, input.providerMessageId ?? "")))
      .limit(1);
    return { message: existing, duplicate: true };
  }
  if (input.activityRecorded || input.opened) return { message: inserted, duplicate: false };
  if (input.conversation.leadId) await tx.update(leads).set({ lastActivityAt: at }).where(eq(leads.id, input.conversation.leadId));
  await tx.update(contacts).set({ lastActivityAt: at }).where(eq(contacts.id, input.conversation.contactId));
  return { message: inserted, duplicate: false };
}

/**
 * True once the message with this id is stored: a statement sent right after the message's insert (in the same
 * transaction, so it sees the row) changes something only when the insert did, not for a redelivery.
 */
const stored = (tx: Tx, messageId: string) => exists(tx.select({ one: sql`1` }).from(messages).where(eq(messages.id, messageId)));

export type OutboundInput = {
  conversationId: string;
  senderKind: Exclude<SenderKind, "customer">;
  senderUserId?: string | null;
  type?: string;
  body: string | null;
  media?: Message["media"];
  meta?: Record<string, unknown>;
  status?: MessageStatus;
  idempotencyKey?: string | null;
  /** The message's id, when the caller sends statements naming it with this one (see readForDelivery). */
  id?: string;
  /** The conversation as the caller already read it in this transaction (its channel and lead), to spare a read. */
  conversation?: Pick<Conversation, "id" | "channelId" | "leadId">;
};

/** Stores a message from the dealer side (queued for delivery) or a system event, and keeps the lead's response times. */
export async function recordOutboundMessage(tx: Tx, tenantId: string, input: OutboundInput): Promise<{ message: Message; duplicate: boolean }> {
  const [conversation] = input.conversation?.id === input.conversationId
    ? [input.conversation]
    : await tx.select({ id: conversations.id, channelId: conversations.channelId, leadId: conversations.leadId }).from(conversations).where(eq(conversations.id, input.conversationId)).limit(1);
  if (!conversation) throw new Error("conversation not found");
  const system = input.senderKind === "system";
  const id = input.id ?? randomUUID();
  const now = new Date();
  // The conversation's and the lead's updates are sent with the insert (one round trip) and change them only if the
  // insert did, not when the idempotency key found the message stored already.
  const [[inserted]] = await Promise.all([
    tx
      .insert(messages)
      .values({
        id, tenantId, conversationId: conversation.id, channelId: system ? null : conversation.channelId,
        direction: system ? "internal" : "outbound", senderKind: input.senderKind, senderUserId: input.senderUserId ?? null,
        type: input.type ?? "text", body: input.body, media: input.media ?? null, meta: input.meta ?? {},
        status: input.status ?? (system ? "received" : "queued"), idempotencyKey: input.idempotencyKey ?? null,
      })
      .onConflictDoNothing()
      .returning(),
    tx
      .update(conversations)
      .set({
        lastMessageAt: now, updatedAt: now,
        ...(system ? {} : { lastMessagePreview: preview(input.body, input.type ?? "text") }),
        ...(input.senderKind === "staff" ? { unreadCount: 0 } : {}),
      })
      .where(and(eq(conversations.id, conversation.id), stored(tx, id))),
    !system && conversation.leadId
      ? tx
        .update(leads)
        .set({
          lastActivityAt: now,
          firstResponseAt: sql`coalesce(${leads.firstResponseAt}, ${now.toISOString()}::timestamptz)`,
          firstResponseBy: sql`coalesce(${leads.firstResponseBy}, ${input.senderKind})`,
        })
        .where(and(eq(leads.id, conversation.leadId), stored(tx, id)))
      : null,
  ]);
  if (!inserted) {
    const [existing] = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.tenantId, tenantId), eq(messages.idempotencyKey, input.idempotencyKey ?? "")))
      .limit(1);
    return { message: existing, duplicate: true };
  }
  return { message: inserted, duplicate: false };
}

export async function recordSystemEvent(tx: Tx, tenantId: string, conversationId: string, text: string, meta: Record<string, unknown> = {}) {
  return (await recordOutboundMessage(tx, tenantId, { conversationId, senderKind: "system", body: text, meta })).message;
}

/** A system entry in the lead's latest conversation (a lead without one has no timeline to note it in). */
export async function noteOnLeadTimeline(tx: Tx, tenantId: string, leadId: string, text: string, meta: Record<string, unknown>) {
  const [conv] = await tx.select({ id: conversations.id }).from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.leadId, leadId))).orderBy(desc(conversations.lastMessageAt)).limit(1);
  if (conv) await recordSystemEvent(tx, tenantId, conv.id, text, meta);
}

/** bot ↔ human ↔ paused, with a timeline entry saying who did it. */
export async function setConversationMode(tx: Tx, tenantId: string, conversationId: string, mode: ConversationMode, actor?: { id: string; name: string } | null) {
  const [updated] = await tx
    .update(conversations)
    .set({ mode, updatedAt: new Date(), ...(mode === "human" && actor ? { assignedUserId: actor.id } : {}) })
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
    .returning();
  if (!updated) return null;
  const who = actor?.name ?? "the system";
  const text = mode === "human" ? `Taken over by ${who}` : mode === "bot" ? `Handed back to the assistant by ${who}` : `Assistant paused by ${who}`;
  await recordSystemEvent(tx, tenantId, conversationId, text, { event: "mode_changed", mode, actorUserId: actor?.id ?? null });
  return updated;
}
