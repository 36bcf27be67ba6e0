import { and, count, eq, gte, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { channels, memberships, tenants, usageCounters, vehicles } from "@/db/schema";
import { formatCompactNumber } from "@/lib/format";
import { monthKey } from "@/lib/usage";
import { limitsFor, quotaStatus, roomProblem, type PlanLimits, type QuotaStatus } from "./catalog";

export const ASSISTANT_REPLIES_METRIC = "assistant_replies";
/** Claude's tokens a month: input outside the prompt cache, output, and input read from and written to the cache. */
export const MODEL_TOKEN_METRICS = { input: "model_input_tokens", output: "model_output_tokens", cacheRead: "model_cache_read_tokens", cacheWrite: "model_cache_write_tokens" } as const;

export class PlanLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanLimitError";
  }
}

async function tenantLimits(tx: Tx, tenantId: string): Promise<{ plan: string; limits: PlanLimits }> {
  const [t] = await tx.select({ plan: tenants.plan, limits: tenants.limits }).from(tenants).where(eq(tenants.id, tenantId));
  return { plan: t.plan, limits: limitsFor(t.plan, t.limits) };
}

// Sold cars stay in the books but no longer take a place in stock.
const vehiclesInStock = async (tx: Tx, tenantId: string) =>
  (await tx.select({ n: count() }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), ne(vehicles.status, "sold"))))[0].n;
const activeSeats = async (tx: Tx, tenantId: string) =>
  (await tx.select({ n: count() }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.active, true))))[0].n;
const channelCount = async (tx: Tx, tenantId: string) => (await tx.select({ n: count() }).from(channels).where(eq(channels.tenantId, tenantId)))[0].n;
/** The month's assistant replies so far: asked before every answer, with the conversation. */
export async function repliesThisMonth(tx: Tx, tenantId: string, at: Date) {
  const [row] = await tx.select({ value: usageCounters.value }).from(usageCounters)
    .where(and(eq(usageCounters.tenantId, tenantId), eq(usageCounters.month, monthKey(at)), eq(usageCounters.metric, ASSISTANT_REPLIES_METRIC)));
  return row?.value ?? 0;
}

export type PlanUsage = {
  plan: string;
  limits: PlanLimits;
  month: string;
  assistantReplies: QuotaStatus;
  vehicles: QuotaStatus;
  seats: QuotaStatus;
  channels: QuotaStatus;
  /** Claude's tokens this month (none without an API key). */
  modelTokens: Record<keyof typeof MODEL_TOKEN_METRICS, number>;
};

/**
 * The usage page's line on Claude's tokens this month (null when none), its counts in the dealer's locale: the share read
 * from the prompt cache is what caching saves.
 */
export function modelTokensLine(t: PlanUsage["modelTokens"], locale: string): string | null {
  const read = t.input + t.cacheRead + t.cacheWrite;
  if (read + t.output === 0) return null;
  return `Claude this month: ${formatCompactNumber(read, locale)} tokens read (${Math.round((100 * t.cacheRead) / Math.max(1, read))} % from the prompt cache), ${formatCompactNumber(t.output, locale)} written.`;
}

/** The month's assistant replies and Claude tokens, in one read of the counters. */
async function assistantCountersThisMonth(tx: Tx, tenantId: string, at: Date): Promise<{ replies: number; modelTokens: PlanUsage["modelTokens"] }> {
  const rows = await tx.select({ metric: usageCounters.metric, value: usageCounters.value }).from(usageCounters)
    .where(and(eq(usageCounters.tenantId, tenantId), eq(usageCounters.month, monthKey(at)), inArray(usageCounters.metric, [ASSISTANT_REPLIES_METRIC, ...Object.values(MODEL_TOKEN_METRICS)])));
  const byMetric = new Map(rows.map((r) => [r.metric, r.value]));
  const modelTokens = Object.fromEntries(Object.entries(MODEL_TOKEN_METRICS).map(([k, metric]) => [k, byMetric.get(metric) ?? 0])) as PlanUsage["modelTokens"];
  return { replies: byMetric.get(ASSISTANT_REPLIES_METRIC) ?? 0, modelTokens };
}

export async function getPlanUsage(tenantId: string, at = new Date()): Promise<PlanUsage> {
  return withTenant(tenantId, async (tx) => {
    const { plan, limits } = await tenantLimits(tx, tenantId);
    const [{ replies, modelTokens }, stock, seats, chans] = [
      await assistantCountersThisMonth(tx, tenantId, at), await vehiclesInStock(tx, tenantId), await activeSeats(tx, tenantId), await channelCount(tx, tenantId),
    ];
    return {
      plan, limits, month: monthKey(at),
      assistantReplies: quotaStatus(replies, limits.assistantRepliesPerMonth), vehicles: quotaStatus(stock, limits.vehicles),
      seats: quotaStatus(seats, limits.seats), channels: quotaStatus(chans, limits.channels), modelTokens,
    };
  });
}

/** Where the dealer stands against its plan's monthly assistant replies, given this month's count. */
export function assistantRepliesQuota(tenant: { plan: string; limits: Record<string, number> }, used: number): QuotaStatus {
  return quotaStatus(used, limitsFor(tenant.plan, tenant.limits).assistantRepliesPerMonth);
}

/** Monthly assistant replies, oldest first, zero-filled, for the usage chart. */
export async function assistantReplyHistory(tenantId: string, months = 6, at = new Date()): Promise<{ month: string; value: number }[]> {
  const keys = Array.from({ length: months }, (_, i) => monthKey(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - (months - 1 - i), 1))));
  const rows = await withTenant(tenantId, (tx) =>
    tx.select({ month: usageCounters.month, value: usageCounters.value }).from(usageCounters)
      .where(and(eq(usageCounters.tenantId, tenantId), eq(usageCounters.metric, ASSISTANT_REPLIES_METRIC), gte(usageCounters.month, keys[0]))),
  );
  const byMonth = new Map(rows.map((r) => [r.month, r.value]));
  return keys.map((month) => ({ month, value: byMonth.get(month) ?? 0 }));
}

/** Inside the creating transaction: throws PlanLimitError when `adding` more vehicles would pass the plan. */
export async function assertVehicleRoom(tx: Tx, tenantId: string, adding = 1): Promise<void> {
  const { limits } = await tenantLimits(tx, tenantId);
  const problem = roomProblem("vehicles", await vehiclesInStock(tx, tenantId), limits.vehicles, adding);
  if (problem) throw new PlanLimitError(problem);
}

export async function seatLimitProblem(tenantId: string): Promise<string | null> {
  return withTenant(tenantId, async (tx) => roomProblem("seats", await activeSeats(tx, tenantId), (await tenantLimits(tx, tenantId)).limits.seats));
}

export async function channelLimitProblem(tenantId: string): Promise<string | null> {
  return withTenant(tenantId, async (tx) => roomProblem("channels", await channelCount(tx, tenantId), (await tenantLimits(tx, tenantId)).limits.channels));
}
