import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** One local date that differs from the weekly hours: closed all day, or open `open`–`close`; `label` names it ("Christmas Day"). */
/** How automatic assignment picks a colleague: by turns, or the one with the fewest open leads first. */
export type AssignBy = "turn" | "fewestOpen";

export type HoursException = { date: string; closed?: boolean; open?: string; close?: string; label?: string };

export type BusinessHoursJson = Record<string, { open: string; close: string }[]> & {
  exceptions?: HoursException[];
};

export type TenantSettings = {
  assistant?: {
    tone?: "friendly" | "formal";
    greeting?: string;
    handoverKeywords?: string[];
    /** Hand the conversation to a person when the shopper negotiates the price (default on). */
    handoverOnNegotiation?: boolean;
    notifySoldInterest?: boolean;
    notifyPriceDrop?: boolean;
  };
  /** autoAssign: each new lead goes to the next colleague on duty, in turn (lib/leads/assign-in-turn.ts). */
  /** `assignBy`: in turn (the default) or to whoever has the fewest open leads. */
  leads?: { autoAssign?: boolean; assignBy?: AssignBy };
  financing?: { ratePct: number; termMonths: number; downPaymentPct: number };
  quietHours?: { start: string; end: string };
  formOrigins?: string[];
  languages?: string[];
};

export type FeedPullResult = {
  at: string;
  outcome: "imported" | "not_modified" | "unchanged" | "failed";
  httpStatus?: number;
  importId?: string;
  error?: string;
};

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    locale: text("locale").notNull().default("en-GB"),
    currency: text("currency").notNull().default("EUR"),
    timeZone: text("time_zone").notNull().default("Europe/Amsterdam"),
    country: text("country").notNull().default("NL"),
    phone: text("phone"),
    address: jsonb("address").$type<{ street?: string; city?: string; postalCode?: string; country?: string }>(),
    geo: jsonb("geo").$type<{ lat: number; lng: number }>(),
    businessHours: jsonb("business_hours").$type<BusinessHoursJson>().notNull().default({}),
    branding: jsonb("branding").$type<{ primaryColor?: string; accentColor?: string; logoMediaId?: string }>().notNull().default({}),
    settings: jsonb("settings").$type<TenantSettings>().notNull().default({}),
    customDomain: text("custom_domain"),
    customDomainStatus: text("custom_domain_status").$type<"none" | "pending" | "verified" | "failed">().notNull().default("none"),
    customDomainToken: text("custom_domain_token"),
    customDomainCheckedAt: timestamp("custom_domain_checked_at", { withTimezone: true }),
    plan: text("plan").notNull().default("growth"),
    limits: jsonb("limits").$type<Record<string, number>>().notNull().default({}),
    clerkOrgId: text("clerk_org_id"),
    vehicleCodeSeq: integer("vehicle_code_seq").notNull().default(0),
    feedSecretEnc: text("feed_secret_enc"),
    feedUrl: text("feed_url"),
    feedEtag: text("feed_etag"),
    feedLastModified: text("feed_last_modified"),
    feedPolledAt: timestamp("feed_polled_at", { withTimezone: true }),
    feedFormat: text("feed_format").$type<"json" | "csv" | "xml">(),
    feedPullMinutes: integer("feed_pull_minutes").notNull().default(60),
    // The body of the last imported pull, so a server without ETag/Last-Modified still costs no import.
    feedContentSha256: text("feed_content_sha256"),
    feedLastResult: jsonb("feed_last_result").$type<FeedPullResult>(),
    inboundEmailTokenEnc: text("inbound_email_token_enc"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("tenants_slug_key").on(t.slug),
    uniqueIndex("tenants_custom_domain_key").on(t.customDomain),
    uniqueIndex("tenants_clerk_org_key").on(t.clerkOrgId),
    index("tenants_feed_url_idx").on(t.feedPolledAt),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    clerkUserId: text("clerk_user_id"),
    whatsapp: text("whatsapp"),
    locale: text("locale"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), uniqueIndex("users_clerk_user_key").on(t.clerkUserId)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id").notNull().references(() => tenants.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("sessions_token_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);
