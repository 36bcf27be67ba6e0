import type { SiteResolution } from "@/lib/tenancy";
import { knownHost, knownStamp } from "./cache";
import { SizedLru } from "./lru";
import { listingHref, parseListingQuery } from "./query";

// The page cache's store and its database-free reads, so the proxy can answer a warm page before any route runs
// (lib/catalog/page-cache.ts renders and stores). An entry is valid only while the tenant's inventory stamp and profile
// are unchanged; the proxy answers only from a stamp this process read in the last second, the same rule the page
// cache's route follows, and leaves every other request to that route, which reads the stamp again.

const MAX_BYTES = 64 * 1024 * 1024;
// The stamp and the profile's updatedAt cover everything a page shows; the age limit only bounds how long an unvisited
// variant keeps memory warm before the LRU would evict it anyway.
export const PAGE_TTL_MS = 10 * 60_000;

// Bodies are kept as bytes so a hit does not re-encode a 100 KB page. Not pre-gzipped: a route handler's own
// Content-Encoding does not survive Next's response handling, so Next compresses each answer itself.
export type PageEntry = { version: string; at: number; status: number; contentType: string; etag: string; plain: Buffer };

const g = globalThis as typeof globalThis & { __forecourtPageCache?: { lru: SizedLru<PageEntry>; pending: Map<string, Promise<unknown>> } };
export const pageStore = (g.__forecourtPageCache ??= { lru: new SizedLru<PageEntry>(MAX_BYTES), pending: new Map() });

const LANG = /^[a-z]{2}$/;
export const CAR_PATH = /^\/cars\/([^/]+)$/;

/** The canonical path and query a page request renders, or null when the path is not a cached page. Equal pages share one target. */
export function pageCacheTarget(pathname: string, search: URLSearchParams): string | null {
  const lang = search.get("lang")?.trim().toLowerCase();
  const langSuffix = (href: string) => (lang && LANG.test(lang) ? `${href}${href.includes("?") ? "&" : "?"}lang=${lang}` : href);
  if (pathname === "/") return langSuffix(listingHref(parseListingQuery(search)));
  const car = CAR_PATH.exec(pathname);
  return car ? langSuffix(`/cars/${car[1]}`) : null;
}

export const pageKey = (tenantId: string, host: string, target: string) => `${tenantId}|${host}|${target}`;
export const pageVersion = (stamp: string, profileUpdatedAt: Date) => `${stamp}|${profileUpdatedAt.getTime()}`;

export function pageResponse(entry: PageEntry, ifNoneMatch?: string | null): Response {
  const headers = new Headers({ "content-type": entry.contentType, "cache-control": "public, max-age=0, must-revalidate", etag: entry.etag });
  if (ifNoneMatch === entry.etag) return new Response(null, { status: 304, headers });
  const body = entry.plain;
  return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), { status: entry.status, headers });
}

/**
 * A cached page answered from what this process already knows (the host's dealer, a stamp read in the last second),
 * or null: then the page cache's route answers, reading what it must.
 */
export function warmPage(host: string, pathname: string, search: URLSearchParams, ifNoneMatch: string | null, now = Date.now()): Response | null {
  const target = pageCacheTarget(pathname, search);
  if (!target) return null;
  const site = knownHost<SiteResolution>(host, now);
  if (site?.kind !== "tenant") return null;
  const stamp = knownStamp(site.tenant.id, now);
  if (stamp === undefined) return null;
  const entry = pageStore.lru.get(pageKey(site.tenant.id, host, target));
  if (!entry || entry.version !== pageVersion(stamp, site.tenant.updatedAt) || now - entry.at >= PAGE_TTL_MS) return null;
  const response = pageResponse(entry, ifNoneMatch);
  // What Next's router adds to the same page answered by the route: caches keep a navigation's RSC answer apart.
  response.headers.set("vary", ROUTER_VARY);
  return response;
}

const ROUTER_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch";
