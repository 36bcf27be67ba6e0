import { performance, type EventLoopUtilization } from "node:perf_hooks";

/**
 * Foreground first: a webhook must be acknowledged in milliseconds, while the work it starts can wait (it is
 * persisted). In embedded mode both share one event loop, so during a burst of webhooks on a saturated loop the
 * in-process runner keeps a single run in flight and leaves the rest of the loop to the acknowledgements; the
 * backlog drains at full width as soon as the burst ends. A trickle (a few conversations at a time) is no burst:
 * its replies run at full width.
 *
 * State lives on globalThis: Next.js loads route handlers and instrumentation as separate bundles.
 */
type Pressure = { buckets: number[]; bucketAt: number; elu: EventLoopUtilization; utilization: number; sampledAt: number };
const g = globalThis as typeof globalThis & { __forecourtPressure?: Pressure };
const state = (g.__forecourtPressure ??= {
  buckets: new Array<number>(10).fill(0), bucketAt: 0, elu: performance.eventLoopUtilization(), utilization: 0, sampledAt: 0,
});

const BUCKET_MS = 100;
/** Webhooks per second (over the last second) from which arrivals count as a burst. */
export const BURST_PER_SECOND = 100;
/** Share of the event loop above which background runs yield to a burst. */
const SATURATED = 0.75;
const SAMPLE_MS = 100;

function rotate(now: number) {
  const slot = Math.floor(now / BUCKET_MS);
  const gap = Math.min(slot - state.bucketAt, state.buckets.length);
  for (let i = 1; i <= gap; i++) state.buckets[(state.bucketAt + i) % state.buckets.length] = 0;
  if (gap > 0) state.bucketAt = slot;
}

/** Called by the persist-before-acknowledge path of every webhook. */
export function noteIngress(now = Date.now()) {
  rotate(now);
  state.buckets[state.bucketAt % state.buckets.length]++;
}

/** Webhooks acknowledged over the last second. */
export function ingressPerSecond(now = Date.now()): number {
  rotate(now);
  return state.buckets.reduce((a, b) => a + b, 0) * (1000 / (BUCKET_MS * state.buckets.length));
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
  return ingressPerSecond(now) >= BURST_PER_SECOND && busy >= SATURATED ? 1 : full;
}
