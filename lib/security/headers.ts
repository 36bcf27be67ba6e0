// Response security headers, as pure functions of the request's face so the proxy stays a thin caller.

export type Face = "dashboard" | "site" | "api";

export type HeaderContext = {
  face: Face;
  /** Per-request nonce; only the dashboard uses one (every dashboard page is rendered per request). */
  nonce?: string;
  https: boolean;
  dev: boolean;
  /** Clerk loads its UI from its own origin and cannot take our nonce, so its mode gets the host-list policy. */
  clerk: boolean;
};

/** Headers every response carries, whatever its face (also set in next.config.ts for routes the proxy skips). */
export const baseSecurityHeaders: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};

// Machine endpoints return data, never documents: nothing may run or frame them.
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

export function contentSecurityPolicy(ctx: HeaderContext): string {
  if (ctx.face === "api") return apiContentSecurityPolicy;
  const evalInDev = ctx.dev ? " 'unsafe-eval'" : "";
  const nonced = ctx.face === "dashboard" && ctx.nonce && !ctx.clerk;
  // Dealer sites may be prerendered or cached, where no per-request nonce exists, so they allow inline scripts from self only.
  const scripts = nonced ? `'self' 'nonce-${ctx.nonce}' 'strict-dynamic'${evalInDev}` : `'self' 'unsafe-inline'${evalInDev}${ctx.clerk ? " https:" : ""}`;
  const external = ctx.clerk ? " https:" : "";
  const directives = [
    "default-src 'self'",
    `script-src ${scripts}`,
    // React style attributes (brand colour, chart geometry) are inline; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Feed photos may live on the dealer management system's host.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${external}${ctx.dev ? " ws: wss:" : ""}`,
    `frame-src 'self'${external}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // The dashboard is never framed; a dealer site only by its own origin.
    `frame-ancestors ${ctx.face === "dashboard" ? "'none'" : "'self'"}`,
  ];
  if (ctx.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(ctx: HeaderContext): Record<string, string> {
  const headers: Record<string, string> = { ...baseSecurityHeaders, "Content-Security-Policy": contentSecurityPolicy(ctx) };
  headers["X-Frame-Options"] = ctx.face === "site" ? "SAMEORIGIN" : "DENY";
  // Only over https: an HSTS header on plain http is ignored, and on localhost it would pin developers to https.
  if (ctx.https) headers["Strict-Transport-Security"] = `max-age=63072000${ctx.face === "dashboard" ? "; includeSubDomains" : ""}`;
  return headers;
}

/** 128 random bits, base64, fresh for every request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function isHttpsRequest(request: { headers: Headers; nextUrl?: { protocol: string } }): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? forwarded === "https" : request.nextUrl?.protocol === "https:";
}
