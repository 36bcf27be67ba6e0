import { and, eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { channels } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import type { ChannelCredentials } from "./types";

export type ChannelRow = typeof channels.$inferSelect;

// One cache per process: Next.js loads this module in several bundles (the webhook routes, the in-process runner).
const holder = globalThis as unknown as { __forecourtChannelRoutes?: Map<string, { row: ChannelRow | null; until: number }> };
const routeCache = (holder.__forecourtChannelRoutes ??= new Map());

/** Webhook routing: which tenant's channel a provider id (phone_number_id, device, session) belongs to. */
export async function findChannelByExternalId(provider: ChannelRow["provider"], externalId: string): Promise<ChannelRow | null> {
  // Every webhook asks this; a few seconds of caching keeps it off the database on the hot path.
  const key = `${provider}:${externalId}`;
  const hit = routeCache.get(key);
  if (hit && hit.until > Date.now()) return hit.row;
  const row = await lookupChannel(provider, externalId);
  if (routeCache.size > 10_000) routeCache.clear();
  routeCache.set(key, { row, until: Date.now() + 5_000 });
  return row;
}

/** After a channel is removed or re-keyed: this process stops routing to it at once (others within the cache's 5 s). */
export function forgetChannelRoute(provider: ChannelRow["provider"], externalId: string) {
  routeCache.delete(`${provider}:${externalId}`);
}

async function lookupChannel(provider: ChannelRow["provider"], externalId: string): Promise<ChannelRow | null> {
  const db = await getSystemDb();
  const [row] = await db.select().from(channels).where(and(eq(channels.provider, provider), eq(channels.externalId, externalId))).limit(1);
  return row ?? null;
}

export async function findChannelById(id: string): Promise<ChannelRow | null> {
  const db = await getSystemDb();
  const [row] = await db.select().from(channels).where(eq(channels.id, id)).limit(1);
  return row ?? null;
}

export function channelCredentials(channel: ChannelRow): ChannelCredentials {
  const secrets = channel.credentialsEnc ? (JSON.parse(decryptSecret(channel.credentialsEnc)) as Record<string, string>) : {};
  return { ...secrets, baseUrl: channel.baseUrl, externalId: channel.externalId, graphUrl: env().META_GRAPH_URL };
}

export function channelWebhookSecret(channel: ChannelRow): string | null {
  return channel.webhookSecretEnc ? decryptSecret(channel.webhookSecretEnc) : null;
}
