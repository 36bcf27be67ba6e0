import { createHash } from "node:crypto";
import http from "node:http";
import { env } from "@/lib/env";
import { loadInventoryStamp, loadVehicle, siteForHost } from "./data";
import { RENDER_HEADER } from "./page-cache-policy";
import { CAR_PATH, PAGE_TTL_MS, pageCacheTarget, pageKey, pageResponse, pageStore as store, pageVersion, type PageEntry as Entry } from "./page-store";

// Full-page HTML cache of the dealer site's listing and vehicle pages. A hit is a map lookup, no React render; an entry
// is valid only while the tenant's inventory stamp (read at most once a second) and profile are unchanged, so a sold
// car or a new price is out of every cached page within about a second. Site pages carry no per-request nonce (their
// CSP allows inline scripts from self), so the same HTML is safe to serve to everyone.

export type RenderedPage = { status: number; body: string; contentType: string; location?: string };
export type PageRenderer = (host: string, target: string) => Promise<RenderedPage>;

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

/** Renders a page by asking this same server for it with the dealer's Host header (Next renders pages only over HTTP). */
export const renderOverHttp: PageRenderer = (host, target) =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: env().PORT, path: target, agent, timeout: 30_000, headers: { host, accept: "text/html", "accept-encoding": "identity", [RENDER_HEADER]: "1" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => resolve({
        status: res.statusCode ?? 500, body: Buffer.concat(chunks).toString("utf8"),
        contentType: String(res.headers["content-type"] ?? "text/html; charset=utf-8"), location: res.headers.location,
      }));
    });
    req.on("timeout", () => req.destroy(new Error("page render timed out")));
    req.on("error", reject);
    req.end();
  });

/** A render that failed (the server going down, a timeout) is a 503 for this request, never a cached entry. */
async function renderSafely(render: PageRenderer, host: string, target: string): Promise<RenderedPage> {
  try {
    return await render(host, target);
  } catch (e) {
    console.error(`[site] page render failed for ${host}${target}:`, (e as Error).message);
    return { status: 503, body: "This page is not available right now. Please try again in a moment.", contentType: "text/plain; charset=utf-8" };
  }
}

async function renderEntry(tenantId: string, host: string, target: string, version: string, render: PageRenderer, now: number): Promise<Entry | RenderedPage> {
  const page = await renderSafely(render, host, target);
  if (page.status !== 200) return page;
  // A sold car keeps a page (alternatives, no price) but tells crawlers it is gone.
  const car = CAR_PATH.exec(target.split("?")[0]);
  if (car) {
    const v = await loadVehicle(tenantId, decodeURIComponent(car[1]));
    if (v?.status === "sold") page.status = 410;
  }
  const plain = Buffer.from(page.body, "utf8");
  const entry: Entry = {
    version, at: now, status: page.status, contentType: page.contentType, plain,
    etag: `W/"${createHash("sha1").update(plain).digest("base64url").slice(0, 22)}"`,
  };
  store.lru.set(pageKey(tenantId, host, target), entry, entry.plain.length + 256);
  return entry;
}

/** An uncached answer (error, redirect, unknown host), exactly as rendered. */
function passThrough(page: RenderedPage): Response {
  const headers = new Headers({ "content-type": page.contentType, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" });
  if (page.location) headers.set("location", page.location);
  return new Response(page.body, { status: page.status, headers });
}

/** Answers a listing or vehicle page from the cache, rendering it once per inventory change; anything else renders uncached. */
export async function serveCachedPage(
  host: string, pathname: string, search: URLSearchParams,
  o: { render?: PageRenderer; ifNoneMatch?: string | null; now?: number } = {},
): Promise<Response> {
  const render = o.render ?? renderOverHttp;
  const now = o.now ?? Date.now();
  const target = pageCacheTarget(pathname, search);
  const site = await siteForHost(host);
  // Unknown hosts (404) and subdomains that moved to a custom domain (301) answer exactly as the page does.
  if (!target || site.kind !== "tenant") return passThrough(await renderSafely(render, host, `${pathname}${search.size ? `?${search}` : ""}`));
  const tenantId = site.tenant.id;
  const version = pageVersion(await loadInventoryStamp(tenantId), site.tenant.updatedAt);
  const key = pageKey(tenantId, host, target);
  const hit = store.lru.get(key);
  if (hit && hit.version === version && now - hit.at < PAGE_TTL_MS) return pageResponse(hit, o.ifNoneMatch);
  const flight = `${key}|${version}`;
  let pending = store.pending.get(flight) as Promise<Entry | RenderedPage> | undefined;
  if (!pending) {
    pending = renderEntry(tenantId, host, target, version, render, now).finally(() => store.pending.delete(flight));
    store.pending.set(flight, pending);
  }
  const r = await pending;
  return "etag" in r ? pageResponse(r, o.ifNoneMatch) : passThrough(r);
}

/** Forget every cached page (tests; a process restart does the same). */
export function clearPageCache(): void {
  store.lru.deletePrefix("");
}
