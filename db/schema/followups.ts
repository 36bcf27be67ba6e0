import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantColumns, ts } from "./columns";

export type SequenceTrigger =
  | { type: "lead_created"; sources?: string[] }
  | { type: "no_reply"; hours: number }
  | { type: "stage_changed"; stage: string }
  | { type: "test_drive_done" }
  | { type: "no_show" }
  | { type: "lead_lost"; reasons?: string[] };

export type SequenceStep =
  | { type: "wait"; hours?: number; days?: number; atLocalTime?: string }
  // `texts`/`subjects` hold the same message per language (nl, nb, id, de, en); `text` is the fallback.
  | { type: "whatsapp"; text: string; texts?: Record<string, string>; templateName?: string; templateVariables?: string[] }
  | { type: "email"; subject: string; text: string; subjects?: Record<string, string>; texts?: Record<string, string> }
  | { type: "task"; title: string }
  | { type: "assign"; userId?: string; strategy?: "round_robin" }
  | { type: "stage"; stage: string };

export const followupSequences = pgTable(
  "followup_sequences",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    language: text("language"),
    trigger: jsonb("trigger").$type<SequenceTrigger>().notNull(),
    audience: jsonb("audience").$type<{ sources?: string[]; stages?: string[]; vehicleIds?: string[]; languages?: string[] }>().notNull().default({}),
    steps: jsonb("steps").$type<SequenceStep[]>().notNull().default([]),
  },
  (t) => [index("followup_sequences_tenant_idx").on(t.tenantId)],
);

export const followupEnrollments = pgTable(
  "followup_enrollments",
  {
    ...tenantColumns(),
    sequenceId: uuid("sequence_id").notNull().references(() => followupSequences.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    status: text("status").$type<"active" | "completed" | "cancelled">().notNull().default("active"),
    currentStep: integer("current_step").notNull().default(0),
    nextStepAt: ts("next_step_at"),
    cancelReason: text("cancel_reason"),
    repliesAfter: integer("replies_after").notNull().default(0),
    completedAt: ts("completed_at"),
  },
  (t) => [
    // One active run per sequence and lead; a lead may enter the sequence again once the last run ended.
    uniqueIndex("followup_enrollments_active_key").on(t.sequenceId, t.leadId).where(sql`status = 'active'`),
    index("followup_enrollments_lead_idx").on(t.leadId),
    index("followup_enrollments_due_idx").on(t.status, t.nextStepAt),
  ],
);

// One row per executed step: the unique key is what makes a retried send a no-op.
export const followupStepRuns = pgTable(
  "followup_step_runs",
  {
    ...tenantColumns(),
    enrollmentId: uuid("enrollment_id").notNull().references(() => followupEnrollments.id, { onDelete: "cascade" }),
    stepIndex: integer("step_index").notNull(),
    outcome: text("outcome").notNull(),
    messageId: uuid("message_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [uniqueIndex("followup_step_runs_key").on(t.enrollmentId, t.stepIndex)],
);

export const outboundEmails = pgTable(
  "outbound_emails",
  {
    ...tenantColumns(),
    leadId: uuid("lead_id"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    status: text("status").$type<"stored" | "sent" | "failed">().notNull().default("stored"),
    error: text("error"),
    sentAt: ts("sent_at"),
  },
  (t) => [index("outbound_emails_tenant_idx").on(t.tenantId, t.createdAt.desc())],
);
