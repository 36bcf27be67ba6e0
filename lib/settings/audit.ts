import { withTenant } from "@/db/tenant";
import { auditLog } from "@/db/schema";

export type AuditActor = { tenantId: string; userId: string };

export async function audit(actor: AuditActor, action: string, targetType: string, targetId: string, data: Record<string, unknown> = {}) {
  await withTenant(actor.tenantId, (tx) => tx.insert(auditLog).values({ tenantId: actor.tenantId, actorUserId: actor.userId, action, targetType, targetId, data }));
}
