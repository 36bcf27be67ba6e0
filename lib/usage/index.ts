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
  const [row] = await tx
    .insert(usageCounters)
    .values({ tenantId, month: monthKey(at), metric, value: amount })
    .onConflictDoUpdate({
      target: [usageCounters.tenantId, usageCounters.month, usageCounters.metric],
      set: { value: sql`${usageCounters.value} + ${amount}`, updatedAt: new Date() },
    })
    .returning({ value: usageCounters.value });
  return row.value;
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
