import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isCacheablePage, RENDER_HEADER } from "@/lib/catalog/page-cache-policy";
import { warmPage } from "@/lib/catalog/page-store";
import { limitSignInPost } from "@/lib/security/abuse";
import { createNonce, isHttpsRequest, securityHeaders, type Face } from "@/lib/security/headers";
import { isRootHost } from "@/lib/tenancy/hosts";
import { REQUESTED_PATH_HEADER } from "@/lib/auth/return-to";
import { SITE_LANG_HEADER } from "@/lib/catalog/document-lang";

/**
 * Host → face, in one place: the root domain serves the dashboard; every other host is a dealer
 * site and is rewritten to /sites/{host}/…, so pages below app/sites/[domain] only read the param.
 * Every answer also gets its security headers here (lib/security/headers.ts).
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // A NUL character in an address ("%00") is never a page, and PostgreSQL text cannot hold it: refused here.
  if (request.url.includes("%00")) return new NextResponse("Bad request: the address contains a NUL character", { status: 400 });
  const host = request.headers.get("host") ?? "";
  const { pathname, search } = request.nextUrl;
  const clerk = env().modes.auth === "clerk";
  const site = !isRootHost(host, env().ROOT_DOMAIN);
  const face: Face = pathname.startsWith("/api/") && !site ? "api" : site ? "site" : "dashboard";
  const nonce = face === "dashboard" && !clerk ? createNonce() : undefined;
  const headers = securityHeaders({ face, nonce, https: isHttpsRequest(request), dev: env().NODE_ENV === "development", clerk });
  const secured = (response: Response) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (site) {
    const cached = env().NODE_ENV === "production" && isCacheablePageRequest(request);
    // A warm page is answered here, without a second trip through the router; anything else goes to the page cache's route.
    const warm = cached && request.method === "GET" ? warmPage(host.toLowerCase(), pathname, request.nextUrl.searchParams, request.headers.get("if-none-match")) : null;
    if (warm) return secured(warm);
    const url = request.nextUrl.clone();
    url.pathname = `/sites/${encodeURIComponent(host.toLowerCase())}${cached ? "/page-cache" : ""}${pathname === "/" ? "" : pathname}`;
    url.search = search;
    // The root layout's <html lang> is the site's language, or the one asked for with ?lang= when the site has it.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.delete(SITE_LANG_HEADER);
    const lang = request.nextUrl.searchParams.get("lang");
    if (lang) requestHeaders.set(SITE_LANG_HEADER, lang.slice(0, 10));
    return secured(NextResponse.rewrite(url, { request: { headers: requestHeaders } }));
  }
  if (pathname.startsWith("/sites/")) return secured(new NextResponse("Not found", { status: 404 }));
  const limited = limitSignInPost(request);
  if (limited) return secured(limited);
  if (clerk) {
    const { clerkMiddleware } = await import("@clerk/nextjs/server");
    const response = await clerkMiddleware()(request, event);
    return response ? secured(response) : secured(NextResponse.next());
  }
  if (!nonce) return secured(NextResponse.next());
  // Next reads the nonce from the request's CSP header and stamps it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // A page that sends a signed-out user to sign-in reads where they were going here (set from the request's own URL,
  // without the router's cache-busting parameter).
  const asked = request.nextUrl.clone();
  asked.searchParams.delete("_rsc");
  requestHeaders.set(REQUESTED_PATH_HEADER, `${asked.pathname}${asked.search}`);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return secured(NextResponse.next({ request: { headers: requestHeaders } }));
}

/** Page loads (not client-side navigations, prefetches or the cache's own render) of cacheable pages go through the page cache. */
function isCacheablePageRequest(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const h = request.headers;
  if (h.has(RENDER_HEADER) || h.has("rsc") || h.has("next-router-state-tree") || h.has("next-router-prefetch")) return false;
  return isCacheablePage(request.nextUrl.pathname, request.nextUrl.searchParams);
}

export const config = {
  // Webhooks, Inngest and media are host-independent and read their raw body; keep the proxy off them.
  matcher: ["/((?!_next/static|_next/image|api/webhooks|api/inngest|media/|favicon.ico).*)"],
};
