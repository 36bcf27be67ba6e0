import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantColumns, ts } from "./columns";
import { channels } from "./channels";
import { contacts, leads } from "./crm";

export const conversationModes = ["bot", "human", "paused"] as const;
export type ConversationMode = (typeof conversationModes)[number];
export type MessageStatus = "received" | "queued" | "sent" | "delivered" | "read" | "failed" | "not_delivered";
export type SenderKind = "customer" | "assistant" | "staff" | "system";

export const conversations = pgTable(
  "conversations",
  {
    ...tenantColumns(),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    channelId: uuid("channel_id").references(() => channels.id, { onDelete: "set null" }),
    // "whatsapp" | "facebook" | "website" | "email" | "playground"
    medium: text("medium").notNull().default("whatsapp"),
    mode: text("mode").$type<ConversationMode>().notNull().default("bot"),
    assignedUserId: uuid("assigned_user_id"),
    lastInboundAt: ts("last_inbound_at"),
    lastMessageAt: ts("last_message_at").notNull().defaultNow(),
    lastMessagePreview: text("last_message_preview"),
    unreadCount: integer("unread_count").notNull().default(0),
    status: text("status").$type<"open" | "closed">().notNull().default("open"),
  },
  (t) => [
    index("conversations_tenant_last_idx").on(t.tenantId, t.lastMessageAt.desc(), t.id),
    index("conversations_contact_idx").on(t.contactId),
    index("conversations_lead_idx").on(t.leadId),
    // The inbox heading's unread count reads only the conversations that have unread messages.
    index("conversations_tenant_unread_idx").on(t.tenantId).where(sql`${t.unreadCount} > 0`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    ...tenantColumns(),
    conversationId: uuid("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    channelId: uuid("channel_id"),
    // internal = a system event shown in the timeline, never sent
    direction: text("direction").$type<"inbound" | "outbound" | "internal">().notNull(),
    senderKind: text("sender_kind").$type<SenderKind>().notNull(),
    senderUserId: uuid("sender_user_id"),
    type: text("type").notNull().default("text"),
    body: text("body"),
    media: jsonb("media").$type<{ mediaId?: string; providerMediaId?: string; mimeType?: string; caption?: string; filename?: string }>(),
    providerMessageId: text("provider_message_id"),
    status: text("status").$type<MessageStatus>().notNull().default("received"),
    statusAt: ts("status_at"),
    error: jsonb("error").$type<{ code?: number | string; title: string; detail?: string }>(),
    // tool calls, template name/variables, system event type, idempotency key of the producing job
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    idempotencyKey: text("idempotency_key"),
  },
  (t) => [
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    uniqueIndex("messages_channel_provider_id_key").on(t.channelId, t.providerMessageId),
    uniqueIndex("messages_idempotency_key").on(t.tenantId, t.idempotencyKey),
    index("messages_tenant_created_idx").on(t.tenantId, t.createdAt),
    // Analytics' assistant resolution (did the assistant answer, was there a hand-over), as index-only probes.
    index("messages_assistant_conversation_idx").on(t.conversationId, t.tenantId).where(sql`${t.senderKind} = 'assistant'`),
    // The sweeper's look for replies whose hand-off to delivery never happened (see lib/conversations/outbound.ts).
    index("messages_outbound_queued_idx").on(t.createdAt).where(sql`${t.direction} = 'outbound' and ${t.status} = 'queued'`),
    index("messages_handover_conversation_idx").on(t.conversationId, t.tenantId).where(sql`${t.senderKind} = 'system' and ${t.meta}->>'mode' = 'human'`),
  ],
);
