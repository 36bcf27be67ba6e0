import { and, desc, eq, sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { resolveSafeTarget } from "@/lib/net/safe-fetch";
import type { WebhookEventType } from "./events";
import { DELIVERY_HEADER, EVENT_HEADER, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./sign";

export type Envelope = { id: string; type: WebhookEventType; createdAt: string; data: Record<string, unknown> };
export type AttemptResult = { status: "delivered" | "skipped"; responseStatus?: number } | { status: "failed"; error: string; responseStatus?: number };

const TIMEOUT_MS = 10_000;

/** The dealer's enabled endpoints subscribed to this event type (a condition on `webhook_endpoints`). */
export const subscribedTo = (tenantId: string, type: WebhookEventType) =>
  and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.enabled, true), sql`${type} = any(${webhookEndpoints.events})`);

export async function subscribedEndpoints(tenantId: string, type: WebhookEventType): Promise<string[]> {
  const rows = await withTenant(tenantId, (tx) => tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(subscribedTo(tenantId, type)));
  return rows.map((r) => r.id);
}

/** One delivery row per given endpoint; returns their ids. */
export async function queueDeliveries(tenantId: string, envelope: Envelope, endpointIds: string[]): Promise<string[]> {
  if (endpointIds.length === 0) return [];
  const rows = await withTenant(tenantId, (tx) => tx.insert(webhookDeliveries)
    .values(endpointIds.map((endpointId) => ({ tenantId, endpointId, event: envelope.type, payload: envelope })))
    .returning({ id: webhookDeliveries.id }));
  return rows.map((r) => r.id);
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number } | { error: string }> {
  // The SSRF guard resolves the host and refuses private, loopback and metadata addresses.
  const target = await resolveSafeTarget(url, { allowLoopback: env().FEED_ALLOW_LOOPBACK });
  if ("ok" in target) return { error: target.error };
  try {
    // No redirects: a receiver must not bounce our signed request somewhere else.
    const res = await fetch(url, { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.body?.cancel();
    return { status: res.status };
  } catch (err) {
    return { error: (err as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (err as Error).message };
  }
}

/**
 * One attempt: signs `${timestamp}.${body}` with the endpoint's secret, posts, and records the
 * outcome. Already delivered or endpoint gone/disabled → skipped, so retries are harmless.
 */
export async function attemptDelivery(tenantId: string, deliveryId: string, opts: { final: boolean }): Promise<AttemptResult> {
  const found = await withTenant(tenantId, async (tx) => {
    const [row] = await tx.select({ delivery: webhookDeliveries, endpoint: webhookEndpoints }).from(webhookDeliveries)
      .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, deliveryId))).limit(1);
    return row ?? null;
  });
  if (!found || found.delivery.status === "delivered") return { status: "skipped" };
  const { delivery, endpoint } = found;
  if (!endpoint || !endpoint.enabled) {
    await record(tenantId, deliveryId, { status: "failed", lastError: "endpoint disabled or deleted" }, false);
    return { status: "skipped" };
  }
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const result = await post(endpoint.url, body, {
    "Content-Type": "application/json", "User-Agent": "Forecourt-Webhooks/1",
    [SIGNATURE_HEADER]: signWebhook(decryptSecret(endpoint.secretEnc), timestamp, body),
    [TIMESTAMP_HEADER]: String(timestamp), [EVENT_HEADER]: delivery.event, [DELIVERY_HEADER]: delivery.id,
  });
  if ("status" in result && result.status >= 200 && result.status < 300) {
    await record(tenantId, deliveryId, { status: "delivered", responseStatus: result.status, lastError: null, deliveredAt: new Date() }, true);
    return { status: "delivered", responseStatus: result.status };
  }
  const error = "error" in result ? result.error : `receiver answered HTTP ${result.status}`;
  const responseStatus = "status" in result ? result.status : undefined;
  await record(tenantId, deliveryId, { status: opts.final ? "failed" : "pending", responseStatus: responseStatus ?? null, lastError: error }, true);
  return { status: "failed", error, responseStatus };
}

async function record(tenantId: string, deliveryId: string, patch: Partial<typeof webhookDeliveries.$inferInsert>, attempted: boolean) {
  await withTenant(tenantId, (tx) =>
    tx.update(webhookDeliveries)
      .set({ ...patch, updatedAt: new Date(), ...(attempted ? { attempts: sql`${webhookDeliveries.attempts} + 1` } : {}) })
      .where(eq(webhookDeliveries.id, deliveryId)),
  );
}

export async function listDeliveries(tenantId: string, limit = 50) {
  return withTenant(tenantId, (tx) =>
    tx.select({
      id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId, url: webhookEndpoints.url, event: webhookDeliveries.event, status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts, responseStatus: webhookDeliveries.responseStatus, lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt, deliveredAt: webhookDeliveries.deliveredAt,
    }).from(webhookDeliveries).innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.tenantId, tenantId)).orderBy(desc(webhookDeliveries.createdAt)).limit(limit),
  );
}

/** "Resend": a fresh delivery of the same event (same envelope id, so receivers can deduplicate). */
export async function copyDeliveryForResend(tenantId: string, deliveryId: string): Promise<string | null> {
  return withTenant(tenantId, async (tx) => {
    const [old] = await tx.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, deliveryId))).limit(1);
    if (!old) return null;
    const [row] = await tx.insert(webhookDeliveries).values({ tenantId, endpointId: old.endpointId, event: old.event, payload: old.payload }).returning({ id: webhookDeliveries.id });
    return row.id;
  });
}
