// Session cookie attributes in one place, so every code path that signs someone in sets the same flags.

const loopback = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

export type SessionCookieOptions = { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/"; expires: Date };

/**
 * httpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Secure whenever the request
 * came over https and always in production except on loopback, where `next start` is tried over plain http.
 */
export function sessionCookieOptions(input: { https: boolean; production: boolean; host: string; expires: Date }): SessionCookieOptions {
  const secure = input.https || (input.production && !loopback.test(input.host.trim()));
  return { httpOnly: true, sameSite: "lax", secure, path: "/", expires: input.expires };
}
