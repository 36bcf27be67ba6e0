import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { tenantColumns, ts } from "./columns";

export const appointments = pgTable(
  "appointments",
  {
    ...tenantColumns(),
    leadId: uuid("lead_id"),
    contactId: uuid("contact_id"),
    vehicleId: uuid("vehicle_id"),
    branchId: uuid("branch_id"),
    assignedUserId: uuid("assigned_user_id"),
    kind: text("kind").$type<"test_drive" | "visit">().notNull().default("test_drive"),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    status: text("status").$type<"booked" | "confirmed" | "completed" | "no_show" | "cancelled">().notNull().default("booked"),
    notes: text("notes"),
    createdBy: text("created_by").$type<"assistant" | "staff" | "shopper">().notNull().default("staff"),
  },
  (t) => [index("appointments_tenant_starts_idx").on(t.tenantId, t.startsAt), index("appointments_lead_idx").on(t.leadId)],
);

export const tasks = pgTable(
  "tasks",
  {
    ...tenantColumns(),
    userId: uuid("user_id"),
    leadId: uuid("lead_id"),
    // notify (hot lead, hand-over) | task (follow-up step) | system
    kind: text("kind").notNull().default("notify"),
    title: text("title").notNull(),
    body: text("body"),
    dueAt: ts("due_at"),
    readAt: ts("read_at"),
    doneAt: ts("done_at"),
  },
  (t) => [index("tasks_tenant_user_idx").on(t.tenantId, t.userId, t.createdAt.desc())],
);
