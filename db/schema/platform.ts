import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantColumns, ts } from "./columns";

export const apiKeys = pgTable(
  "api_keys",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdByUserId: uuid("created_by_user_id"),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash)],
);

export const webhookEndpoints = pgTable("webhook_endpoints", {
  ...tenantColumns(),
  url: text("url").notNull(),
  secretEnc: text("secret_enc").notNull(),
  events: text("events").array().notNull(),
  enabled: boolean("enabled").notNull().default(true),
});

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    ...tenantColumns(),
    endpointId: uuid("endpoint_id").notNull().references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status").$type<"pending" | "delivered" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseStatus: integer("response_status"),
    lastError: text("last_error"),
    deliveredAt: ts("delivered_at"),
  },
  (t) => [index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt.desc())],
);

export const broadcasts = pgTable("broadcasts", {
  ...tenantColumns(),
  name: text("name").notNull(),
  channelId: uuid("channel_id"),
  templateName: text("template_name").notNull(),
  templateLanguage: text("template_language").notNull(),
  variables: jsonb("variables").$type<string[]>().notNull().default([]),
  segment: jsonb("segment").$type<Record<string, unknown>>().notNull().default({}),
  scheduledAt: ts("scheduled_at"),
  status: text("status").$type<"draft" | "scheduled" | "sending" | "sent" | "cancelled">().notNull().default("draft"),
  createdByUserId: uuid("created_by_user_id"),
});

export const broadcastRecipients = pgTable(
  "broadcast_recipients",
  {
    ...tenantColumns(),
    broadcastId: uuid("broadcast_id").notNull().references(() => broadcasts.id, { onDelete: "cascade" }),
    contactId: uuid("contact_id").notNull(),
    status: text("status").$type<"pending" | "sent" | "delivered" | "read" | "failed" | "replied" | "skipped">().notNull().default("pending"),
    messageId: uuid("message_id"),
    error: text("error"),
  },
  (t) => [uniqueIndex("broadcast_recipients_key").on(t.broadcastId, t.contactId)],
);
