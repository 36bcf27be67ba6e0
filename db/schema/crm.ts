import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantColumns, ts } from "./columns";
import { users } from "./tenancy";

export const leadSources = ["whatsapp", "facebook", "website", "email", "walk_in", "phone", "api"] as const;
export type LeadSource = (typeof leadSources)[number];
export const leadStages = ["new", "contacted", "qualified", "test_drive", "negotiation", "won", "lost"] as const;
export type LeadStage = (typeof leadStages)[number];

export const contacts = pgTable(
  "contacts",
  {
    ...tenantColumns(),
    phone: text("phone"),
    email: text("email"),
    name: text("name"),
    language: text("language"),
    consentMarketing: boolean("consent_marketing").notNull().default(false),
    consentAt: ts("consent_at"),
    optedOutAt: ts("opted_out_at"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    erasedAt: ts("erased_at"),
    lastActivityAt: ts("last_activity_at"),
  },
  (t) => [
    uniqueIndex("contacts_tenant_phone_key").on(t.tenantId, t.phone),
    uniqueIndex("contacts_tenant_email_key").on(t.tenantId, t.email),
    // The inbox search ("contains", case-insensitive) over name, e-mail and phone.
    index("contacts_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
    index("contacts_email_trgm_idx").using("gin", sql`${t.email} gin_trgm_ops`),
    index("contacts_phone_trgm_idx").using("gin", sql`${t.phone} gin_trgm_ops`),
  ],
);

export type LeadPreferences = {
  makes?: string[];
  models?: string[];
  fuel?: string;
  transmission?: string;
  body?: string;
  minYear?: number;
  maxKm?: number;
  color?: string;
  /** Equipment asked for, in English ("tow bar"). */
  features?: string[];
  tradeIn?: string;
  financing?: boolean;
};

export const leads = pgTable(
  "leads",
  {
    ...tenantColumns(),
    contactId: uuid("contact_id").notNull().references(() => contacts.id, { onDelete: "cascade" }),
    source: text("source").$type<LeadSource>().notNull(),
    stage: text("stage").$type<LeadStage>().notNull().default("new"),
    score: integer("score").notNull().default(0),
    hot: boolean("hot").notNull().default(false),
    assignedUserId: uuid("assigned_user_id").references(() => users.id, { onDelete: "set null" }),
    vehicleId: uuid("vehicle_id"),
    branchId: uuid("branch_id"),
    budgetMin: integer("budget_min"),
    budgetMax: integer("budget_max"),
    preferences: jsonb("preferences").$type<LeadPreferences>().notNull().default({}),
    summary: text("summary"),
    notes: text("notes"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    lostReason: text("lost_reason"),
    wonAmount: integer("won_amount"),
    externalRef: text("external_ref"),
    rawAnswers: jsonb("raw_answers").$type<Record<string, unknown>>(),
    firstResponseAt: ts("first_response_at"),
    firstResponseBy: text("first_response_by").$type<"assistant" | "staff">(),
    contactedAt: ts("contacted_at"),
    wonAt: ts("won_at"),
    lostAt: ts("lost_at"),
    lastActivityAt: ts("last_activity_at").notNull().defaultNow(),
  },
  (t) => [
    index("leads_tenant_activity_idx").on(t.tenantId, t.lastActivityAt.desc(), t.id),
    index("leads_tenant_stage_idx").on(t.tenantId, t.stage),
    index("leads_tenant_assigned_idx").on(t.tenantId, t.assignedUserId, t.lastActivityAt.desc()),
    index("leads_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("leads_contact_idx").on(t.contactId),
    index("leads_vehicle_idx").on(t.vehicleId),
    uniqueIndex("leads_tenant_external_ref_key").on(t.tenantId, t.source, t.externalRef),
  ],
);

export const leadActivities = pgTable(
  "lead_activities",
  {
    ...tenantColumns(),
    leadId: uuid("lead_id").notNull().references(() => leads.id, { onDelete: "cascade" }),
    // stage_changed, assigned, became_hot, note, score_changed, handover, sequence_*
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid("actor_user_id"),
  },
  (t) => [index("lead_activities_lead_idx").on(t.leadId, t.createdAt), index("lead_activities_tenant_type_idx").on(t.tenantId, t.type, t.createdAt)],
);
