import { describe, expect, it } from "vitest";
import { sessionCookieOptions } from "@/lib/security/cookies";
import { contentSecurityPolicy, createNonce, isHttpsRequest, securityHeaders } from "@/lib/security/headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("security headers", () => {
  it("the dashboard runs only nonced scripts and is never framed", () => {
    const h = securityHeaders({ face: "dashboard", nonce: "abc123", https: false, dev: false, clerk: false });
    const csp = h["Content-Security-Policy"];
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Permissions-Policy"]).toMatch(/camera=\(\)/);
  });

  it("a dealer site may be framed by its own origin only and allows inline scripts from self", () => {
    const csp = contentSecurityPolicy({ face: "site", https: false, dev: false, clerk: false });
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'unsafe-inline'");
    expect(securityHeaders({ face: "site", https: false, dev: false, clerk: false })["X-Frame-Options"]).toBe("SAMEORIGIN");
  });

  it("HSTS and upgrade-insecure-requests only over https", () => {
    expect(securityHeaders({ face: "dashboard", nonce: "n", https: false, dev: false, clerk: false })["Strict-Transport-Security"]).toBeUndefined();
    const https = securityHeaders({ face: "dashboard", nonce: "n", https: true, dev: false, clerk: false });
    expect(https["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(https["Content-Security-Policy"]).toMatch(/upgrade-insecure-requests/);
    expect(securityHeaders({ face: "site", https: true, dev: false, clerk: false })["Strict-Transport-Security"]).toBe("max-age=63072000");
  });

  it("eval only in development, and machine endpoints allow nothing", () => {
    expect(contentSecurityPolicy({ face: "dashboard", nonce: "n", https: false, dev: true, clerk: false })).toMatch(/'unsafe-eval'/);
    expect(contentSecurityPolicy({ face: "api", https: false, dev: false, clerk: false })).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
  });

  it("nonces are fresh and unguessable; https is read from the forwarded protocol first", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
    expect(isHttpsRequest({ headers: new Headers({ "x-forwarded-proto": "https" }), nextUrl: { protocol: "http:" } })).toBe(true);
    expect(isHttpsRequest({ headers: new Headers({ "x-forwarded-proto": "http" }), nextUrl: { protocol: "https:" } })).toBe(false);
    expect(isHttpsRequest({ headers: new Headers(), nextUrl: { protocol: "https:" } })).toBe(true);
  });
});

describe("session cookie", () => {
  const expires = new Date("2030-01-01T00:00:00Z");
  it("is httpOnly and SameSite=Lax, Secure over https and in production", () => {
    expect(sessionCookieOptions({ https: true, production: false, host: "localhost:3000", expires })).toEqual({ httpOnly: true, sameSite: "lax", secure: true, path: "/", expires });
    expect(sessionCookieOptions({ https: false, production: true, host: "app.forecourt.example", expires }).secure).toBe(true);
  });
  it("stays usable over plain http on loopback and in development", () => {
    expect(sessionCookieOptions({ https: false, production: true, host: "localhost:3100", expires }).secure).toBe(false);
    expect(sessionCookieOptions({ https: false, production: false, host: "192.168.1.5:3000", expires }).secure).toBe(false);
  });
});
