import { createRateLimiter } from "@/lib/ratelimit";

// Per IP, on top of the per-account lockout in local.ts.
export const signInLimiter = createRateLimiter({ limit: 20, windowMs: 60_000 });
