import { performance, type EventLoopUtilization } from "node:perf_hooks";

/**
 * Foreground first: a webhook must be acknowledged in milliseconds, while the work it starts can wait (it is
 * persisted). In embedded mode both share one event loop, so during a burst of webhooks the in-process runner
 * sizes its width to the room the acknowledgements leave, the way TCP sizes its window: one more run in flight
 * for each sample with room to spare, half as many when the loop is saturated — down to none while
 * acknowledgements alone fill the loop. The backlog drains at full width as soon as the burst ends. A trickle
 * (a few conversations at a time) is no burst: its replies run at full width.
 *
 * State lives on globalThis: Next.js loads route handlers and instrumentation as separate bundles.
 */
type Pressure = {
  buckets: number[]; bucketAt: number; elu: EventLoopUtilization; sampledAt: number;
  /** Runs allowed in flight during the current burst; null outside a burst. */
  burstWidth: number | null;
};
const g = globalThis as typeof globalThis & { __forecourtPressure?: Pressure };
const state = (g.__forecourtPressure ??= {
  buckets: new Array<number>(10).fill(0), bucketAt: 0, elu: performance.eventLoopUtilization(), sampledAt: 0,
  burstWidth: null,
});

const BUCKET_MS = 100;
/** Webhooks per second (over the last second) from which arrivals count as a burst. */
export const BURST_PER_SECOND = 100;
/** Share of the event loop above which background runs give way to a burst (the width halves). */
export const SATURATED = 0.75;
/** Share of the event loop below which a burst leaves room for one more run. */
export const ROOMY = 0.5;
const SAMPLE_MS = 100;

function rotate(now: number) {
  const slot = Math.floor(now / BUCKET_MS);
  const gap = Math.min(slot - state.bucketAt, state.buckets.length);
  for (let i = 1; i <= gap; i++) state.buckets[(state.bucketAt + i) % state.buckets.length] = 0;
  if (gap > 0) state.bucketAt = slot;
}

/** Called by the persist-before-acknowledge path with the number of webhooks it stored. */
export function noteIngress(count = 1, now = Date.now()) {
  rotate(now);
  state.buckets[state.bucketAt % state.buckets.length] += count;
}

/** Webhooks acknowledged over the last second. */
export function ingressPerSecond(now = Date.now()): number {
  rotate(now);
  return state.buckets.reduce((a, b) => a + b, 0) * (1000 / (BUCKET_MS * state.buckets.length));
}

/** Event loop utilization since the last sample; null while the last sample is younger than SAMPLE_MS. */
function sample(now: number): number | null {
  if (now - state.sampledAt < SAMPLE_MS) return null;
  const current = performance.eventLoopUtilization();
  const { utilization } = performance.eventLoopUtilization(current, state.elu);
  state.elu = current;
  state.sampledAt = now;
  return utilization;
}

/** How many runs the in-process runner may keep in flight right now (0 while a burst saturates the loop). */
export function runnerWidth(full: number, now = Date.now()): number {
  const busy = sample(now);
  if (ingressPerSecond(now) < BURST_PER_SECOND) {
    state.burstWidth = null;
    return full;
  }
  // A burst starts from one run in flight, whatever ran before it; each new sample moves the width one step.
  if (state.burstWidth === null) state.burstWidth = 1;
  else if (busy !== null && busy >= SATURATED) state.burstWidth = Math.floor(state.burstWidth / 2);
  else if (busy !== null && busy < ROOMY) state.burstWidth = Math.min(full, state.burstWidth + 1);
  return state.burstWidth;
}
