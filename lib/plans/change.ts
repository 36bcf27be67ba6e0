import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { auditLog, tenants, type Role } from "@/db/schema";
import { isPlanId } from "./catalog";

/** Only the owner changes the plan (there is no billing provider); every change is audited with from → to. */
export async function changePlan(actor: { tenantId: string; userId: string; role: Role }, plan: string): Promise<{ ok: true; from: string } | { ok: false; error: string }> {
  if (actor.role !== "owner") return { ok: false, error: "Only the owner can change the plan." };
  if (!isPlanId(plan)) return { ok: false, error: "Unknown plan." };
  return withTenant(actor.tenantId, async (tx) => {
    const [t] = await tx.select({ plan: tenants.plan }).from(tenants).where(eq(tenants.id, actor.tenantId));
    if (t.plan === plan) return { ok: true as const, from: t.plan };
    await tx.update(tenants).set({ plan, updatedAt: new Date() }).where(eq(tenants.id, actor.tenantId));
    await tx.insert(auditLog).values({ tenantId: actor.tenantId, actorUserId: actor.userId, action: "plan.changed", targetType: "tenant", targetId: actor.tenantId, data: { from: t.plan, to: plan } });
    return { ok: true as const, from: t.plan };
  });
}
