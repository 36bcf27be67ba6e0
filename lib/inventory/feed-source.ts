import { env } from "@/lib/env";
import { safeFetch, type SafeFetchOptions } from "@/lib/net/safe-fetch";
import { normalizeFeedRow, parseFeed, type FeedFormat, type RowError } from "./feed";
import { inflateFeed } from "./gzip";

// A 10,000-car snapshot is about 8 MB of JSON; anything far above that is not a dealer's stock list.
const MAX_FEED_BYTES = 25 * 1024 * 1024;
const FEED_TIMEOUT_MS = 30_000;

export type FeedValidators = { etag: string | null; lastModified: string | null };
export type FeedFetch =
  | { kind: "not_modified"; httpStatus: 304 }
  | { kind: "body"; httpStatus: number; body: string; contentType: string; validators: FeedValidators }
  | { kind: "failed"; httpStatus?: number; error: string };

export const contentTypeOf = (format: FeedFormat) => ({ json: "application/json", csv: "text/csv", xml: "application/xml" })[format];

/** Fetches a dealer's feed URL through the SSRF guard, conditionally when validators from the last pull are known. */
export async function fetchFeed(url: string, known: FeedValidators = { etag: null, lastModified: null }, extra: Pick<SafeFetchOptions, "resolve" | "agent"> = {}): Promise<FeedFetch> {
  const headers: Record<string, string> = { accept: "application/json, text/csv, application/xml;q=0.9, */*;q=0.5" };
  if (known.etag) headers["if-none-match"] = known.etag;
  if (known.lastModified) headers["if-modified-since"] = known.lastModified;
  const res = await safeFetch(url, { headers, maxBytes: MAX_FEED_BYTES, timeoutMs: FEED_TIMEOUT_MS, allowLoopback: env().FEED_ALLOW_LOOPBACK, ...extra });
  if (!res.ok) return { kind: "failed", error: res.error };
  if (res.status === 304) return { kind: "not_modified", httpStatus: 304 };
  if (res.status < 200 || res.status > 299) return { kind: "failed", httpStatus: res.status, error: `The feed answered HTTP ${res.status}` };
  const body = inflateFeed(res.body);
  if (!body.ok) return { kind: "failed", httpStatus: res.status, error: body.error };
  return {
    kind: "body", httpStatus: res.status, body: body.bytes.toString("utf8"), contentType: res.headers["content-type"] ?? "",
    validators: { etag: res.headers.etag || null, lastModified: res.headers["last-modified"] || null },
  };
}

export type FeedTest = { ok: true; format: FeedFormat; rows: number; valid: number; errors: RowError[] } | { ok: false; error: string };

/** "Test now": fetches and validates the feed without importing anything. */
export async function testFeed(url: string, format: FeedFormat, currency: string): Promise<FeedTest> {
  const res = await fetchFeed(url);
  if (res.kind === "failed") return { ok: false, error: res.error };
  if (res.kind === "not_modified") return { ok: false, error: "The feed answered 304 Not Modified to an unconditional request" };
  const parsed = parseFeed(res.body, contentTypeOf(format));
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const errors: RowError[] = [];
  parsed.rows.forEach((raw, i) => {
    const r = normalizeFeedRow(raw, i + 1, currency);
    if (!r.ok) errors.push(r.error);
  });
  return { ok: true, format, rows: parsed.rows.length, valid: parsed.rows.length - errors.length, errors: errors.slice(0, 10) };
}
