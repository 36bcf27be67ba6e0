import { createRateLimiter, rateLimitResponse } from "@/lib/ratelimit";

// The sign-in action answers a friendly error from 20 attempts a minute per address (lib/auth/limits.ts);
// past this backstop the request never reaches the action, so a flood costs no password hashing.
export const SIGN_IN_POSTS_PER_MINUTE = 30;
const signInPosts = createRateLimiter({ limit: SIGN_IN_POSTS_PER_MINUTE, windowMs: 60_000 });

/** The caller's address as the first hop of X-Forwarded-For (set by the platform's proxy), else X-Real-IP. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip")?.trim() || "unknown";
}

/** 429 with Retry-After for a sign-in form post over the per-address budget, otherwise null. */
export function limitSignInPost(request: { method: string; nextUrl: { pathname: string }; headers: Headers }): Response | null {
  if (request.method !== "POST" || request.nextUrl.pathname !== "/sign-in") return null;
  const r = signInPosts.check(clientIp(request.headers));
  return r.allowed ? null : rateLimitResponse(r.retryAfterSeconds, `Too many sign-in attempts from your address. Try again in ${r.retryAfterSeconds} seconds.`);
}
