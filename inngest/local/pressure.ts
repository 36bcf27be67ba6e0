import { performance, type EventLoopUtilization } from "node:perf_hooks";

/**
 * Foreground first: a webhook must be acknowledged in milliseconds, while the work it starts can wait (it is
 * persisted). In embedded mode both share one event loop, so while webhooks keep arriving and the loop is
 * saturated, the in-process runner keeps a single run in flight and leaves the rest of the loop to the
 * acknowledgements; the backlog drains at full width as soon as the burst ends.
 *
 * State lives on globalThis: Next.js loads route handlers and instrumentation as separate bundles.
 */
type Pressure = { lastIngress: number; elu: EventLoopUtilization; utilization: number; sampledAt: number };
const g = globalThis as typeof globalThis & { __forecourtPressure?: Pressure };
const state = (g.__forecourtPressure ??= { lastIngress: 0, elu: performance.eventLoopUtilization(), utilization: 0, sampledAt: 0 });

/** How recent an acknowledged webhook must be for the runner to count the loop as serving ingress. */
const INGRESS_WINDOW_MS = 250;
/** Share of the event loop above which background runs yield. */
const SATURATED = 0.75;
const SAMPLE_MS = 100;

/** Called by the persist-before-acknowledge path of every webhook. */
export function noteIngress(now = Date.now()) {
  state.lastIngress = now;
}

function utilization(now: number): number {
  if (now - state.sampledAt >= SAMPLE_MS) {
    const current = performance.eventLoopUtilization();
    state.utilization = performance.eventLoopUtilization(current, state.elu).utilization;
    state.elu = current;
    state.sampledAt = now;
  }
  return state.utilization;
}

/** How many runs the in-process runner may keep in flight right now. */
export function runnerWidth(full: number, now = Date.now()): number {
  const busy = utilization(now);
  return now - state.lastIngress <= INGRESS_WINDOW_MS && busy >= SATURATED ? 1 : full;
}
