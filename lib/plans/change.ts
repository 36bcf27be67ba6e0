import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { auditLog, tenants, type Role } from "@/db/schema";
import { forgetSiteHosts } from "@/lib/catalog/data";
import { isPlanId, plans } from "./catalog";

/**
 * Only the owner changes the plan (there is no billing provider); every change is audited with from → to. A plan
 * without custom domains takes a verified domain off the air at once: it goes back to pending (kept, with its token),
 * the dealer site and its links live on `{slug}.ROOT_DOMAIN` again, and after an upgrade one check serves it again.
 */
export async function changePlan(actor: { tenantId: string; userId: string; role: Role }, plan: string): Promise<{ ok: true; from: string } | { ok: false; error: string }> {
  if (actor.role !== "owner") return { ok: false, error: "Only the owner can change the plan." };
  if (!isPlanId(plan)) return { ok: false, error: "Unknown plan." };
  const result = await withTenant(actor.tenantId, async (tx) => {
    const [t] = await tx.select({ plan: tenants.plan, domain: tenants.customDomain, status: tenants.customDomainStatus }).from(tenants).where(eq(tenants.id, actor.tenantId));
    if (t.plan === plan) return { ok: true as const, from: t.plan, domainSuspended: null };
    const domainSuspended = t.status === "verified" && !plans[plan].limits.customDomain ? t.domain : null;
    await tx.update(tenants).set({ plan, ...(domainSuspended ? { customDomainStatus: "pending" as const } : {}), updatedAt: new Date() }).where(eq(tenants.id, actor.tenantId));
    await tx.insert(auditLog).values({
      tenantId: actor.tenantId, actorUserId: actor.userId, action: "plan.changed", targetType: "tenant", targetId: actor.tenantId,
      data: { from: t.plan, to: plan, ...(domainSuspended ? { domainSuspended } : {}) },
    });
    return { ok: true as const, from: t.plan, domainSuspended };
  });
  if (result.domainSuspended) forgetSiteHosts();
  return { ok: true, from: result.from };
}
