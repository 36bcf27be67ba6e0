import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { channels, tenants } from "@/db/schema";
import { encryptSecret, randomToken } from "@/lib/crypto/secrets";
import { appOrigin } from "@/lib/origins";
import { channelLimitProblem } from "@/lib/plans/usage";
import { audit, type AuditActor } from "./audit";

export function leadSourceUrls(tenantSlug: string) {
  const api = `${appOrigin()}/api/webhooks`;
  const slug = encodeURIComponent(tenantSlug);
  return { whatsapp: `${api}/whatsapp`, facebook: `${api}/facebook`, email: `${api}/email/${slug}`, forms: `${api}/forms/${slug}` };
}

export function channelWebhookUrl(channel: { id: string; provider: string }): string | null {
  return channel.provider === "waha" || channel.provider === "fonnte" ? `${appOrigin()}/api/webhooks/${channel.provider}/${channel.id}` : null;
}

export const facebookPageSchema = z.object({
  pageId: z.string().trim().regex(/^\d{5,25}$/, "A page id is digits only — find it under your Page's About → Page transparency."),
  pageName: z.string().trim().max(100).optional(),
  accessToken: z.string().trim().min(20, "Paste the page access token from Meta (a long string starting with EAA).").max(2000).regex(/^\S+$/, "The token has no spaces; copy it again."),
});
export type FacebookPageInput = z.infer<typeof facebookPageSchema>;

type FieldResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * A Page for Lead Ads is a `facebook_page` channel keyed by page id, with the page token encrypted like
 * every channel credential — exactly what the `leadgen` webhook and the lead fetch look up.
 */
export async function connectFacebookPage(actor: AuditActor, input: FacebookPageInput): Promise<FieldResult> {
  const db = await getSystemDb();
  const [taken] = await db.select({ id: channels.id, tenantId: channels.tenantId }).from(channels)
    .where(and(eq(channels.provider, "facebook_page"), eq(channels.externalId, input.pageId))).limit(1);
  if (taken && taken.tenantId !== actor.tenantId) {
    return { ok: false, error: "Check the highlighted fields.", fieldErrors: { pageId: "This page is already connected to another account." } };
  }
  const noRoom = taken ? null : await channelLimitProblem(actor.tenantId);
  if (noRoom) return { ok: false, error: noRoom };
  const values = { name: input.pageName || "Facebook Page", credentialsEnc: encryptSecret(JSON.stringify({ accessToken: input.accessToken })), status: "connected" as const, lastError: null };
  await withTenant(actor.tenantId, async (tx) => {
    if (taken) await tx.update(channels).set({ ...values, updatedAt: new Date() }).where(and(eq(channels.tenantId, actor.tenantId), eq(channels.id, taken.id)));
    else await tx.insert(channels).values({ tenantId: actor.tenantId, provider: "facebook_page", externalId: input.pageId, ...values });
  });
  await audit(actor, "settings.facebook_page_connected", "channel", input.pageId, { reconnected: Boolean(taken) });
  return { ok: true };
}

/** Removes the page: new `leadgen` events for it are refused as unknown, queued ones are skipped. Past leads stay. */
export async function disconnectFacebookPage(actor: AuditActor, channelId: string): Promise<boolean> {
  const [removed] = await withTenant(actor.tenantId, (tx) =>
    tx.delete(channels).where(and(eq(channels.tenantId, actor.tenantId), eq(channels.id, channelId), eq(channels.provider, "facebook_page")))
      .returning({ externalId: channels.externalId }));
  if (!removed) return false;
  await audit(actor, "settings.facebook_page_disconnected", "channel", removed.externalId, { channelId });
  return true;
}

/** A new inbound e-mail token, shown once; the old one is refused from now on. */
export async function rotateInboundEmailToken(actor: AuditActor): Promise<string> {
  const token = randomToken(24);
  await withTenant(actor.tenantId, (tx) => tx.update(tenants).set({ inboundEmailTokenEnc: encryptSecret(token), updatedAt: new Date() }).where(eq(tenants.id, actor.tenantId)));
  await audit(actor, "settings.inbound_email_token_rotated", "tenant", actor.tenantId);
  return token;
}

export async function hasInboundEmailToken(tenantId: string): Promise<boolean> {
  const [t] = await withTenant(tenantId, (tx) => tx.select({ enc: tenants.inboundEmailTokenEnc }).from(tenants).where(eq(tenants.id, tenantId)));
  return Boolean(t?.enc);
}

/**
 * A new webhook secret for a WAHA (HMAC key) or Fonnte (`?token=`) channel of this dealership, shown once.
 * The secret made when the channel was connected is never displayed, so this is how a dealer gets one.
 */
export async function rotateChannelWebhookSecret(actor: AuditActor, channelId: string): Promise<{ secret: string; provider: "waha" | "fonnte" } | null> {
  const secret = randomToken(24);
  const [row] = await withTenant(actor.tenantId, (tx) =>
    tx.update(channels).set({ webhookSecretEnc: encryptSecret(secret), updatedAt: new Date() })
      .where(and(eq(channels.tenantId, actor.tenantId), eq(channels.id, channelId), inArray(channels.provider, ["waha", "fonnte"])))
      .returning({ provider: channels.provider, externalId: channels.externalId }));
  if (!row) return null;
  await audit(actor, "settings.channel_webhook_secret_rotated", "channel", row.externalId, { channelId, provider: row.provider });
  return { secret, provider: row.provider as "waha" | "fonnte" };
}
