import { and, eq, sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { usageCounters } from "@/db/schema";

export const monthKey = (at: Date) => at.toISOString().slice(0, 7);

/** Adds to this month's counter and returns the new total. */
export async function recordUsage(tenantId: string, metric: string, amount = 1, at = new Date()): Promise<number> {
  return withTenant(tenantId, async (tx) => {
    const [row] = await tx
      .insert(usageCounters)
      .values({ tenantId, month: monthKey(at), metric, value: amount })
      .onConflictDoUpdate({
        target: [usageCounters.tenantId, usageCounters.month, usageCounters.metric],
        set: { value: sql`${usageCounters.value} + ${amount}`, updatedAt: new Date() },
      })
      .returning({ value: usageCounters.value });
    return row.value;
  });
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
