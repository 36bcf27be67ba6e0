import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantColumns, ts } from "./columns";

// Written before a webhook is acknowledged; processed afterwards. Not tenant-scoped: it is read by system workers.
export const webhookInbox = pgTable(
  "webhook_inbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    source: text("source").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    scopeTenantId: uuid("scope_tenant_id"),
    channelId: uuid("channel_id"),
    rawBody: text("raw_body").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    status: text("status").$type<"received" | "processing" | "processed" | "failed" | "ignored">().notNull().default("received"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: ts("processed_at"),
  },
  (t) => [uniqueIndex("webhook_inbox_source_key").on(t.source, t.idempotencyKey), index("webhook_inbox_status_idx").on(t.status, t.receivedAt)],
);

// Durable state of in-process Inngest runs (embedded mode): memoized steps and wake-up times survive restarts.
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    functionId: text("function_id").notNull(),
    eventName: text("event_name").notNull(),
    event: jsonb("event").$type<{ name: string; data: Record<string, unknown>; id?: string; ts?: number }>().notNull(),
    status: text("status").$type<"queued" | "running" | "sleeping" | "completed" | "failed" | "cancelled">().notNull().default("queued"),
    steps: jsonb("steps").$type<Record<string, { data?: unknown; error?: string }>>().notNull().default({}),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempt: integer("attempt").notNull().default(0),
    singletonKey: text("singleton_key"),
    debounceKey: text("debounce_key"),
    concurrencyKey: text("concurrency_key"),
    output: jsonb("output"),
    lastError: text("last_error"),
    lockedUntil: ts("locked_until"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("job_runs_due_idx").on(t.status, t.runAt),
    // The runner's poll: only unfinished runs, so the finished history never slows it down.
    index("job_runs_pending_idx").on(t.runAt).where(sql`status in ('queued','sleeping','running')`),
    // Event-id idempotency on enqueue (Inngest drops a second event with the same id).
    index("job_runs_event_id_idx").on(t.functionId, sql`(${t.event}->>'id')`),
    index("job_runs_debounce_idx").on(t.functionId, t.debounceKey),
    index("job_runs_singleton_idx").on(t.functionId, t.singletonKey),
    index("job_runs_concurrency_idx").on(t.functionId, t.concurrencyKey, t.status),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    ...tenantColumns(),
    actorUserId: uuid("actor_user_id"),
    actorKind: text("actor_kind").notNull().default("user"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_tenant_created_idx").on(t.tenantId, t.createdAt.desc())],
);

export const usageCounters = pgTable(
  "usage_counters",
  {
    ...tenantColumns(),
    month: text("month").notNull(),
    metric: text("metric").notNull(),
    value: integer("value").notNull().default(0),
  },
  (t) => [uniqueIndex("usage_counters_key").on(t.tenantId, t.month, t.metric)],
);
