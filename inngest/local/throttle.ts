import type { FunctionOptions } from "../define";
import { durationMs, evaluateKey } from "./expressions";
import type { JobRun, LocalEvent } from "./state";

/**
 * Inngest's `throttle` in the in-process runner: per function and key, `limit` runs start per `period`, one every
 * period ÷ limit, and `limit + burst` may start at once (the generic cell rate algorithm Inngest's queue uses). A run
 * over the limit is not dropped: it gets the next free start time and waits in the queue until then, so throttled
 * runs keep their order and each is put back once. Only a run's start counts: its retries and wake-ups do not.
 *
 * The state is this process's, as the embedded mode runs one; after a restart the limits start afresh. It lives on
 * globalThis, as the worker does (Next.js loads route handlers and instrumentation as separate bundles).
 */
type State = { next: Map<string, number>; scheduled: Set<string>; lastNow: number };
const g = globalThis as typeof globalThis & { __forecourtThrottle?: State };
const state = (g.__forecourtThrottle ??= { next: new Map(), scheduled: new Set(), lastNow: 0 });

/**
 * When this claimed run may start: `now`, or a later time it is now scheduled for (the caller puts it back in the
 * queue until then). A run scheduled so starts then without a second check.
 */
export function throttledStart(options: FunctionOptions, run: JobRun, now: number): number {
  const t = options.throttle;
  // A retry or a wake-up is no new start.
  if (!t || run.attempt > 0 || Object.keys(run.steps ?? {}).length > 0) return now;
  // Put back earlier with this start time: it counted then.
  if (state.scheduled.delete(run.id)) return now;
  // The runner's clock went back (a test setting it, a corrected system clock): limits start afresh.
  if (now < state.lastNow) resetThrottles();
  state.lastNow = now;
  const interval = durationMs(t.period) / t.limit;
  const tolerance = (t.limit + (t.burst ?? 0) - 1) * interval;
  const key = `${options.id}|${evaluateKey(t.key ?? '""', { event: run.event as LocalEvent })}`;
  // `next`: the theoretical time of the next start; a start is allowed up to `tolerance` ahead of it.
  const next = Math.max(state.next.get(key) ?? now, now);
  const start = Math.max(now, next - tolerance);
  if (state.next.size >= 10_000) prune(now);
  if (state.scheduled.size >= 10_000) state.scheduled.clear(); // runs cancelled while waiting; at worst one is checked twice
  state.next.set(key, next + interval);
  if (start > now) state.scheduled.add(run.id);
  return start;
}

/** Keys whose theoretical time has passed are as good as new. */
function prune(now: number) {
  for (const [key, next] of state.next) if (next <= now) state.next.delete(key);
}

/** Tests start each case with fresh limits. */
export function resetThrottles() {
  state.next.clear();
  state.scheduled.clear();
  state.lastNow = 0;
}
