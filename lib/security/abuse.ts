import { createRateLimiter, rateLimitResponse } from "@/lib/ratelimit";

// The sign-in action answers a friendly error from 20 attempts a minute per address (lib/auth/limits.ts);
// past this backstop the request never reaches the action, so a flood costs no password hashing.
export const SIGN_IN_POSTS_PER_MINUTE = 30;
const signInPosts = createRateLimiter({ limit: SIGN_IN_POSTS_PER_MINUTE, windowMs: 60_000 });

/**
 * The caller's address for rate limits: the last hop of X-Forwarded-For, the one our own proxy (or Next, from the
 * socket, when there is none) wrote. Earlier hops are whatever the client sent, so trusting them would let anyone
 * pick a fresh address per request and walk past every per-address limit.
 */
export function clientIp(headers: Headers): string {
  const hops = headers.get("x-forwarded-for")?.split(",").map((h) => h.trim()).filter(Boolean) ?? [];
  return hops.at(-1) || headers.get("x-real-ip")?.trim() || "unknown";
}

/** 429 with Retry-After for a sign-in form post over the per-address budget, otherwise null. */
export function limitSignInPost(request: { method: string; nextUrl: { pathname: string }; headers: Headers }): Response | null {
  if (request.method !== "POST" || request.nextUrl.pathname !== "/sign-in") return null;
  const r = signInPosts.check(clientIp(request.headers));
  return r.allowed ? null : rateLimitResponse(r.retryAfterSeconds, `Too many sign-in attempts from your address. Try again in ${r.retryAfterSeconds} seconds.`);
}
