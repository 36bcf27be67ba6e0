import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { withTenant } from "@/db/tenant";
import { auditLog, webhookEndpoints, type Role } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { encryptSecret, randomToken } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { webhookEventTypes } from "./events";
import { receiverUrlProblem } from "./url";

export const createEndpointSchema = z.object({
  url: z.string().trim().min(1, "Enter the receiver's URL.").max(2000),
  events: z.array(z.enum(webhookEventTypes)).min(1, "Pick at least one event."),
});

export type EndpointActor = { tenantId: string; userId: string; role: Role };

async function audit(actor: EndpointActor, action: string, targetId: string, data: Record<string, unknown> = {}) {
  await withTenant(actor.tenantId, (tx) => tx.insert(auditLog).values({ tenantId: actor.tenantId, actorUserId: actor.userId, action, targetType: "webhook_endpoint", targetId, data }));
}

/** The signing secret is returned once; it is stored encrypted because every delivery must sign with it. */
export async function createWebhookEndpoint(actor: EndpointActor, input: z.infer<typeof createEndpointSchema>): Promise<{ ok: true; data: { id: string; secret: string } } | { ok: false; error: string; fieldErrors?: Record<string, string> }> {
  if (!hasRole(actor.role, "admin")) return { ok: false, error: "Only owners and admins can add webhooks." };
  const problem = receiverUrlProblem(input.url, { requireHttps: env().NODE_ENV === "production", allowLoopback: env().FEED_ALLOW_LOOPBACK });
  if (problem) return { ok: false, error: problem, fieldErrors: { url: problem } };
  const secret = `whsec_${randomToken(24)}`;
  const [row] = await withTenant(actor.tenantId, (tx) =>
    tx.insert(webhookEndpoints).values({ tenantId: actor.tenantId, url: input.url, secretEnc: encryptSecret(secret), events: [...new Set(input.events)] }).returning({ id: webhookEndpoints.id }),
  );
  await audit(actor, "webhook_endpoint.created", row.id, { url: input.url, events: input.events });
  return { ok: true, data: { id: row.id, secret } };
}

export async function setWebhookEndpointEnabled(actor: EndpointActor, endpointId: string, enabled: boolean): Promise<boolean> {
  if (!hasRole(actor.role, "admin")) return false;
  const [row] = await withTenant(actor.tenantId, (tx) =>
    tx.update(webhookEndpoints).set({ enabled, updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.tenantId, actor.tenantId), eq(webhookEndpoints.id, endpointId))).returning({ id: webhookEndpoints.id }),
  );
  if (row) await audit(actor, enabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled", endpointId);
  return Boolean(row);
}

export async function deleteWebhookEndpoint(actor: EndpointActor, endpointId: string): Promise<boolean> {
  if (!hasRole(actor.role, "admin")) return false;
  const [row] = await withTenant(actor.tenantId, (tx) =>
    tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.tenantId, actor.tenantId), eq(webhookEndpoints.id, endpointId))).returning({ id: webhookEndpoints.id, url: webhookEndpoints.url }),
  );
  if (row) await audit(actor, "webhook_endpoint.deleted", endpointId, { url: row.url });
  return Boolean(row);
}

export async function listWebhookEndpoints(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx.select({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events, enabled: webhookEndpoints.enabled, createdAt: webhookEndpoints.createdAt })
      .from(webhookEndpoints).where(eq(webhookEndpoints.tenantId, tenantId)).orderBy(desc(webhookEndpoints.createdAt)),
  );
}
