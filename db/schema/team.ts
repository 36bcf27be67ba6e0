import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantColumns } from "./columns";
import type { BusinessHoursJson } from "./tenancy";
import { users } from "./tenancy";

export const roles = ["owner", "admin", "manager", "sales"] as const;
export type Role = (typeof roles)[number];

export const memberships = pgTable(
  "memberships",
  {
    ...tenantColumns(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    active: boolean("active").notNull().default(true),
    onDuty: boolean("on_duty").notNull().default(false),
    branchId: uuid("branch_id"),
    /** When this colleague was last given a new lead automatically (settings.leads.autoAssign hands them out in turn). */
    lastLeadAt: timestamp("last_lead_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("memberships_tenant_user_key").on(t.tenantId, t.userId), index("memberships_user_idx").on(t.userId)],
);

export const branches = pgTable(
  "branches",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    phone: text("phone"),
    address: jsonb("address").$type<{ street?: string; city?: string; postalCode?: string; country?: string }>(),
    geo: jsonb("geo").$type<{ lat: number; lng: number }>(),
    mapUrl: text("map_url"),
    businessHours: jsonb("business_hours").$type<BusinessHoursJson>(),
    isDefault: boolean("is_default").notNull().default(false),
  },
  (t) => [index("branches_tenant_idx").on(t.tenantId)],
);

// The owner bot's conversation state per staff member (expires after 30 minutes of silence).
export const ownerBotSessions = pgTable(
  "owner_bot_sessions",
  {
    ...tenantColumns(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    state: jsonb("state").$type<Record<string, unknown>>().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("owner_bot_sessions_user_key").on(t.tenantId, t.userId)],
);
