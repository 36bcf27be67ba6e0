import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantColumns } from "./columns";

export const channelProviders = ["whatsapp_cloud", "waha", "fonnte", "facebook_page"] as const;
export type ChannelProviderName = (typeof channelProviders)[number];

export const channels = pgTable(
  "channels",
  {
    ...tenantColumns(),
    provider: text("provider").$type<ChannelProviderName>().notNull(),
    name: text("name").notNull(),
    // phone_number_id (WhatsApp Cloud), page id (Facebook), session (WAHA), device (Fonnte)
    externalId: text("external_id").notNull(),
    displayPhone: text("display_phone"),
    baseUrl: text("base_url"),
    credentialsEnc: text("credentials_enc"),
    webhookSecretEnc: text("webhook_secret_enc"),
    status: text("status").$type<"connected" | "disconnected" | "error">().notNull().default("disconnected"),
    lastError: text("last_error"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [uniqueIndex("channels_provider_external_key").on(t.provider, t.externalId), index("channels_tenant_idx").on(t.tenantId)],
);

export const messageTemplates = pgTable(
  "message_templates",
  {
    ...tenantColumns(),
    channelId: uuid("channel_id").references(() => channels.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    language: text("language").notNull(),
    category: text("category").notNull().default("marketing"),
    status: text("status").$type<"approved" | "pending" | "rejected">().notNull().default("approved"),
    // Body with {{1}}, {{2}} placeholders, as approved by Meta.
    body: text("body").notNull(),
    variables: jsonb("variables").$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex("message_templates_name_lang_key").on(t.tenantId, t.name, t.language)],
);
