import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { isRootHost } from "@/lib/tenancy/hosts";

/**
 * Host → face, in one place: the root domain serves the dashboard; every other host is a dealer
 * site and is rewritten to /sites/{host}/…, so pages below app/sites/[domain] only read the param.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const host = request.headers.get("host") ?? "";
  const { pathname, search } = request.nextUrl;

  if (!isRootHost(host, env().ROOT_DOMAIN)) {
    const url = request.nextUrl.clone();
    url.pathname = `/sites/${encodeURIComponent(host.toLowerCase())}${pathname === "/" ? "" : pathname}`;
    url.search = search;
    return NextResponse.rewrite(url);
  }
  if (pathname.startsWith("/sites/")) return new NextResponse("Not found", { status: 404 });
  if (env().modes.auth === "clerk") {
    const { clerkMiddleware } = await import("@clerk/nextjs/server");
    return clerkMiddleware()(request, event);
  }
  return NextResponse.next();
}

export const config = {
  // Webhooks, Inngest and media are host-independent and read their raw body; keep the proxy off them.
  matcher: ["/((?!_next/static|_next/image|api/webhooks|api/inngest|media/|favicon.ico).*)"],
};
