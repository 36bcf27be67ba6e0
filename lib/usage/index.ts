import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { usageCounters } from "@/db/schema";

export const monthKey = (at: Date) => at.toISOString().slice(0, 7);

/** Adds to this month's counter and returns the new total. */
export async function recordUsage(tenantId: string, metric: string, amount = 1, at = new Date()): Promise<number> {
  return withTenant(tenantId, (tx) => addUsage(tx, tenantId, metric, amount, at));
}

/** `recordUsage` inside the caller's transaction, so the count commits (or not) with what it counts. */
export async function addUsage(tx: Tx, tenantId: string, metric: string, amount = 1, at = new Date()): Promise<number> {
  return (await addUsages(tx, tenantId, { [metric]: amount }, at))[metric];
}

/** Adds to several of this month's counters in one statement; returns their new totals. */
export async function addUsages(tx: Tx, tenantId: string, amounts: Record<string, number>, at = new Date()): Promise<Record<string, number>> {
  if (Object.keys(amounts).length === 0) return {};
  const month = monthKey(at);
  const rows = await tx
    .insert(usageCounters)
    .values(Object.entries(amounts).map(([metric, value]) => ({ tenantId, month, metric, value })))
    .onConflictDoUpdate({
      target: [usageCounters.tenantId, usageCounters.month, usageCounters.metric],
      set: { value: sql`${usageCounters.value} + excluded.value`, updatedAt: new Date() },
    })
    .returning({ metric: usageCounters.metric, value: usageCounters.value });
  return Object.fromEntries(rows.map((r) => [r.metric, r.value]));
}

export async function getUsage(tenantId: string, metric: string, at = new Date()): Promise<number> {
  return withTenant(tenantId, async (tx) => {
    const [row] = await tx
      .select({ value: usageCounters.value })
      .from(usageCounters)
      .where(and(eq(usageCounters.month, monthKey(at)), eq(usageCounters.metric, metric)));
    return row?.value ?? 0;
  });
}
