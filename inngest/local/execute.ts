import { NonRetriableError, RetryAfterError } from "inngest";
import type { Registered } from "../define";
import { clock } from "./clock";
import { durationMs } from "./expressions";
import { markRun, resolveSingleton, type JobRun, type LocalEvent } from "./state";

class Suspend {
  constructor(readonly until: Date) {}
}

type Memo = Record<string, { data?: unknown; error?: string; wakeAt?: string }>;

const toJson = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/**
 * Replays a run the way Inngest does: completed steps return their stored result, the first new
 * step runs and is stored at once, a sleep suspends the run until its time.
 */
export async function executeRun(run: JobRun, registered: Registered, send: (e: LocalEvent | LocalEvent[]) => Promise<void>) {
  const { options, handler } = registered;
  if ((await resolveSingleton(options, run)) === "skip") {
    await markRun(run.id, { status: "cancelled", lastError: "skipped: another run with this singleton key is active", lockedUntil: null });
    return;
  }
  const memo: Memo = { ...(run.steps as Memo) };
  const seen = new Map<string, number>();
  const key = (id: string) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}:${n}`;
  };
  // A finished step is written before the next one starts, or with the run's end (completion, retry, sleep): a
  // single-step run costs one write less, and a step is never run again once a later one has begun.
  let unsaved = false;
  const save = async () => {
    unsaved = false;
    await markRun(run.id, { steps: memo });
  };
  const flush = () => (unsaved ? save() : undefined);

  const suspendUntil = async (k: string, when: Date | string | number) => {
    const wakeAt = memo[k]?.wakeAt ? new Date(memo[k].wakeAt!) : new Date(when);
    if (!memo[k]) {
      memo[k] = { data: null, wakeAt: wakeAt.toISOString() };
      unsaved = true;
    }
    if (wakeAt.getTime() > clock.now().getTime()) throw new Suspend(wakeAt);
  };

  const step = {
    run: async <T>(id: string, fn: () => Promise<T> | T): Promise<T> => {
      const k = key(id);
      if (k in memo) return memo[k].data as T;
      await flush();
      const data = toJson(await fn());
      memo[k] = { data };
      unsaved = true;
      return data as T;
    },
    sleep: (id: string, duration: string | number) => {
      const k = key(id);
      return suspendUntil(k, memo[k]?.wakeAt ?? clock.now().getTime() + durationMs(duration));
    },
    sleepUntil: (id: string, when: Date | string | number) => suspendUntil(key(id), when),
    sendEvent: async (id: string, payload: LocalEvent | LocalEvent[]) => {
      const k = key(id);
      if (k in memo) return memo[k].data;
      await flush();
      await send(payload);
      memo[k] = { data: { ids: [] } };
      unsaved = true;
      return memo[k].data;
    },
    waitForEvent: () => {
      throw new NonRetriableError("step.waitForEvent is not available in the in-process runner; use cancelOn or an event trigger");
    },
  };

  const event = run.event as LocalEvent;
  try {
    const output = await (handler as (ctx: unknown) => Promise<unknown>)({
      event,
      events: [event],
      step,
      runId: run.id,
      attempt: run.attempt,
      logger: console,
    });
    await markRun(run.id, { status: "completed", output: toJson(output), lockedUntil: null, ...(unsaved ? { steps: memo } : {}) });
  } catch (err) {
    const steps = unsaved ? { steps: memo } : {};
    if (err instanceof Suspend) {
      await markRun(run.id, { status: "sleeping", runAt: err.until, lockedUntil: null, ...steps });
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    const retries = options.retries ?? 3;
    if (err instanceof NonRetriableError || run.attempt >= retries) {
      await markRun(run.id, { status: "failed", lastError: message, lockedUntil: null, ...steps });
      return;
    }
    const retryAt =
      err instanceof RetryAfterError
        ? new Date(err.retryAfter)
        : new Date(clock.now().getTime() + Math.min(2 ** run.attempt * 1000, 60_000));
    await markRun(run.id, { status: "queued", attempt: run.attempt + 1, runAt: retryAt, lastError: message, lockedUntil: null, ...steps });
  }
}
