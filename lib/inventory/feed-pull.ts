import { createHash } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { tenants, type FeedPullResult } from "@/db/schema";
import { env } from "@/lib/env";
import { hostnameProblem } from "@/lib/net/address";
import type { SafeFetchOptions } from "@/lib/net/safe-fetch";
import { detectFeedFormat, type FeedFormat } from "./feed";
import { fetchFeed } from "./feed-source";
import { queueImport } from "./imports";

export const feedPullIntervals = [15, 60, 360, 1440] as const;

export const feedSettingsSchema = z.object({
  url: z.string().trim().max(2000).url("Enter a full URL, like https://dms.example.com/stock.json")
    .refine((u) => /^https?:\/\//i.test(u), "The URL must start with http:// or https://"),
  format: z.enum(["json", "csv", "xml"]),
  pullMinutes: z.coerce.number().int().refine((n) => (feedPullIntervals as readonly number[]).includes(n), "Choose one of the offered intervals"),
});
export type FeedSettings = z.infer<typeof feedSettingsSchema>;

/** What the form says about a feed URL that every pull would refuse (the SSRF guard checks again, after DNS). */
export function feedUrlProblem(url: string): string | null {
  const problem = hostnameProblem(new URL(url).hostname, { allowLoopback: env().FEED_ALLOW_LOOPBACK });
  return problem && `We cannot fetch from a private or local address (${problem}). Use the address your stock system publishes on the internet.`;
}

export async function getFeedSettings(tenantId: string) {
  const [row] = await withTenant(tenantId, (tx) => tx.select({
    url: tenants.feedUrl, format: tenants.feedFormat, pullMinutes: tenants.feedPullMinutes, polledAt: tenants.feedPolledAt, lastResult: tenants.feedLastResult,
  }).from(tenants).where(eq(tenants.id, tenantId)));
  return row;
}

/** Saves (or with null clears) the feed; a new URL or format forgets the validators of the old one. */
export async function saveFeedSettings(tenantId: string, input: FeedSettings | null) {
  await withTenant(tenantId, (tx) => tx.update(tenants).set({
    feedUrl: input?.url ?? null, feedFormat: input?.format ?? null, feedPullMinutes: input?.pullMinutes ?? 60,
    feedEtag: null, feedLastModified: null, feedContentSha256: null, updatedAt: new Date(),
  }).where(eq(tenants.id, tenantId)));
}

/** Tenants whose feed is due for a pull at `now`. A system lookup: it only finds the tenants, the pull runs per tenant. */
export async function tenantsDueForFeedPull(now: Date): Promise<string[]> {
  const db = await getSystemDb();
  const rows = await db.select({ id: tenants.id }).from(tenants).where(and(
    eq(tenants.active, true), isNotNull(tenants.feedUrl),
    sql`(${tenants.feedPolledAt} is null or ${tenants.feedPolledAt} + make_interval(mins => ${tenants.feedPullMinutes}) <= ${now.toISOString()}::timestamptz)`,
  ));
  return rows.map((r) => r.id);
}

/**
 * One scheduled pull: a conditional GET (304 → nothing imported), an identical body → nothing imported,
 * otherwise the body becomes an import record and goes through the same import function as the webhook.
 */
export async function pullFeed(tenantId: string, now = new Date(), net: Pick<SafeFetchOptions, "resolve" | "agent"> = {}): Promise<FeedPullResult> {
  const [t] = await withTenant(tenantId, (tx) => tx.select().from(tenants).where(eq(tenants.id, tenantId)));
  if (!t?.feedUrl) return { at: now.toISOString(), outcome: "failed", error: "No feed URL is set" };
  const res = await fetchFeed(t.feedUrl, { etag: t.feedEtag, lastModified: t.feedLastModified }, net);
  const record = (result: FeedPullResult, more: Partial<typeof tenants.$inferInsert> = {}) =>
    withTenant(tenantId, (tx) => tx.update(tenants).set({ feedPolledAt: now, feedLastResult: result, ...more }).where(eq(tenants.id, tenantId))).then(() => result);

  if (res.kind === "failed") return record({ at: now.toISOString(), outcome: "failed", httpStatus: res.httpStatus, error: res.error });
  if (res.kind === "not_modified") return record({ at: now.toISOString(), outcome: "not_modified", httpStatus: 304 });
  const validators = { feedEtag: res.validators.etag, feedLastModified: res.validators.lastModified };
  const sha = createHash("sha256").update(res.body).digest("hex");
  if (sha === t.feedContentSha256) return record({ at: now.toISOString(), outcome: "unchanged", httpStatus: res.httpStatus }, validators);
  const format: FeedFormat = t.feedFormat ?? detectFeedFormat(res.body, res.contentType);
  const { row } = await queueImport(tenantId, { source: "feed", format, payload: res.body, filename: t.feedUrl });
  return record({ at: now.toISOString(), outcome: "imported", httpStatus: res.httpStatus, importId: row.id }, { ...validators, feedContentSha256: sha });
}
