// In-process limits for one server: a sliding-window rate limiter and a sign-in lockout, both with
// bounded memory (idle keys are evicted, and the key count is capped) so a flood of distinct keys cannot grow them.

type Clock = () => number;

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

export function createRateLimiter({ limit, windowMs, maxKeys = 50_000, now = Date.now }: { limit: number; windowMs: number; maxKeys?: number; now?: Clock }) {
  const hits = new Map<string, number[]>();
  return {
    check(key: string): RateLimitResult {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => at > t - windowMs);
      hits.delete(key);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((recent[0] + windowMs - t) / 1000)) };
      }
      recent.push(t);
      hits.set(key, recent);
      // Map keeps insertion order: the first key is the least recently used.
      while (hits.size > maxKeys) hits.delete(hits.keys().next().value as string);
      return { allowed: true, remaining: limit - recent.length, retryAfterSeconds: 0 };
    },
    reset(key: string) {
      hits.delete(key);
    },
    size: () => hits.size,
  };
}

export function rateLimitResponse(retryAfterSeconds: number, message = "Too many requests. Try again shortly.") {
  return Response.json({ error: message }, { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } });
}

export function createLockout({ maxFailures, windowMs, lockMs, maxKeys = 50_000, now = Date.now }: { maxFailures: number; windowMs: number; lockMs: number; maxKeys?: number; now?: Clock }) {
  const failures = new Map<string, { times: number[]; lockedUntil: number }>();
  return {
    recordFailure(key: string) {
      const t = now();
      const entry = failures.get(key) ?? { times: [], lockedUntil: 0 };
      entry.times = entry.times.filter((at) => at > t - windowMs).concat(t);
      if (entry.times.length >= maxFailures) entry.lockedUntil = t + lockMs;
      failures.delete(key);
      failures.set(key, entry);
      while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
    },
    isLocked(key: string): { locked: boolean; retryAfterSeconds: number } {
      const entry = failures.get(key);
      const t = now();
      if (!entry || entry.lockedUntil <= t) return { locked: false, retryAfterSeconds: 0 };
      return { locked: true, retryAfterSeconds: Math.ceil((entry.lockedUntil - t) / 1000) };
    },
    reset(key: string) {
      failures.delete(key);
    },
  };
}
