import { and, eq } from "drizzle-orm";
import { asBackgroundWork, getSystemDb } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { registry, type Registered } from "../define";
import { clock } from "./clock";
import { cronMatches } from "./cron";
import { executeRun } from "./execute";
import { evaluateCondition } from "./expressions";
import { runnerWidth } from "./pressure";
import { throttledStart } from "./throttle";
import { cancelMatchingRuns, claimDueRuns, concurrencyKeyOf, enqueueRun, enqueueRuns, markRun, pruneFinishedRuns, renewLeases, type JobRun, type LocalEvent, type RunToQueue } from "./state";

type Loaded = { functions: Registered[]; byId: Map<string, Registered> };
let loaded: Promise<Loaded> | null = null;

async function load(): Promise<Loaded> {
  loaded ??= import("../functions").then(({ functions }) => index(functions));
  return loaded;
}

/** Tests run functions of their own through the same runner. */
export function useLocalFunctions(fns: object[] | null) {
  loaded = fns ? Promise.resolve(index(fns)) : null;
}

function index(fns: object[]): Loaded {
  const list = fns.map((fn) => {
    const r = registry.get(fn);
    if (!r) throw new Error("an Inngest function was created without defineFunction()");
    return r;
  });
  return { functions: list, byId: new Map(list.map((r) => [r.options.id, r])) };
}

/** Whether this event starts a run of `r`: a trigger with its name whose condition, if any, holds. */
const triggeredBy = (r: Registered, event: LocalEvent) =>
  r.options.triggers.some((t) => "event" in t && t.event === event.name && (!t.if || evaluateCondition(t.if, { event })));

/** In-process `inngest.send`: cancels what the event cancels and enqueues what it triggers. */
export async function dispatchLocal(payload: LocalEvent | LocalEvent[]) {
  const { functions } = await load();
  // Runs without debounce are created together in one statement; the batch is written before an event that
  // cancels runs, so it can cancel what an earlier event of the same send started.
  let batch: RunToQueue[] = [];
  const flush = async () => {
    if (batch.length) await enqueueRuns(batch);
    batch = [];
  };
  for (const event of Array.isArray(payload) ? payload : [payload]) {
    const withTs = { ...event, data: event.data ?? {}, ts: event.ts ?? clock.now().getTime() };
    const cancelling = functions.filter((r) => r.options.cancelOn?.some((c) => c.event === withTs.name));
    if (cancelling.length) await flush();
    for (const r of cancelling) await cancelMatchingRuns(r.options, withTs);
    for (const r of functions.filter((f) => triggeredBy(f, withTs))) {
      const run = { options: r.options, event: withTs, concurrencyKey: concurrencyKeyOf(r.options, withTs) };
      if (run.concurrencyKey !== null) worker.noteQueued(`${r.options.id}|${run.concurrencyKey}`);
      if (r.options.debounce) await enqueueRun(run);
      else batch.push(run);
    }
  }
  await flush();
  worker.kick();
}

async function enqueueCron(at: Date) {
  const { functions } = await load();
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  const db = await getSystemDb();
  for (const r of functions) {
    for (const t of r.options.triggers) {
      if (!("cron" in t) || !cronMatches(t.cron, minute)) continue;
      const marker = `cron:${minute.toISOString()}`;
      const [exists] = await db.select({ id: jobRuns.id }).from(jobRuns)
        .where(and(eq(jobRuns.functionId, r.options.id), eq(jobRuns.debounceKey, marker))).limit(1);
      if (!exists) {
        await db.insert(jobRuns).values({
          functionId: r.options.id, eventName: "inngest/scheduled.timer", debounceKey: marker,
          event: { name: "inngest/scheduled.timer", data: { cron: t.cron }, ts: minute.getTime() }, runAt: at,
        });
      }
    }
  }
}

/** Runs a claimed run, or puts it back in the queue until its function's throttle lets it start. */
async function startRun(run: JobRun, registered: Registered) {
  const now = clock.now().getTime();
  const start = throttledStart(registered.options, run, now);
  if (start > now) return markRun(run.id, { status: "queued", runAt: new Date(start), lockedUntil: null });
  return executeRun(run, registered, dispatchLocal);
}

/** One pass over due runs; returns how many were taken (run, or put back by a throttle). */
export async function runDueJobs(maxParallel = 8): Promise<number> {
  const { byId } = await load();
  const runs = await claimDueRuns([...byId.keys()], maxParallel);
  await Promise.all(runs.map((run) => startRun(run, byId.get(run.functionId)!)));
  return runs.length;
}

/** Tests: run everything that is due now (including what those runs trigger) until nothing is left. */
export async function drainJobs(maxRounds = 50) {
  let total = 0;
  for (let i = 0; i < maxRounds; i++) {
    const n = await runDueJobs();
    total += n;
    if (n === 0) return total;
  }
  throw new Error(`jobs still due after ${maxRounds} rounds`);
}

/**
 * How many runs the background worker keeps in flight. Runs mostly wait on the database, the model or a
 * channel's API, so this is well above the core count; a slot is refilled as soon as its run ends, so one
 * slow run (a model call) never holds up the runs queued behind it.
 */
const WORKER_PARALLEL = 32;
const RUN_HISTORY_MS = 7 * 24 * 3_600_000;
// A short lease renewed while the run executes: when the process dies (kill -9, a crash), its runs are taken
// over by the next worker within LEASE_MS instead of waiting out a long lock.
const LEASE_MS = 30_000;
const RENEW_EVERY_MS = 10_000;
/**
 * A pass (cron, prune, claim) that has not ended after this long is given up on, so one query that never answers
 * (a half-open connection to a remote database, a driver defect) cannot stop all background work. A pass given up
 * on that ends after all changes nothing: whatever it claimed is leased to this process and runs.
 */
const STUCK_PASS_MS = 60_000;

const localWorker = {
  timer: null as NodeJS.Timeout | null,
  busy: false,
  again: false,
  /** The current pass: its number and when it started. */
  pass: 0,
  passStartedAt: 0,
  stuckPassMs: STUCK_PASS_MS,
  lastCronMinute: 0,
  lastPruneHour: 0,
  active: 0,
  executing: new Set<string>(),
  renewer: null as NodeJS.Timeout | null,
  /**
   * Runs queued from this process per one-at-a-time key ("function|key") and not yet claimed: when a run with a key
   * ends, the runner claims again at once only if one may be waiting for that key. Runs queued elsewhere are
   * claimed on the next interval tick. A count that stays too high (an event dropped as a duplicate, a debounced
   * event folded into a queued run) only costs a claim that finds nothing.
   */
  queuedKeys: new Map<string, number>(),
  noteQueued(key: string) {
    this.queuedKeys.set(key, (this.queuedKeys.get(key) ?? 0) + 1);
  },
  noteClaimed(key: string) {
    const n = (this.queuedKeys.get(key) ?? 0) - 1;
    if (n > 0) this.queuedKeys.set(key, n);
    else this.queuedKeys.delete(key);
  },
  /**
   * Whether a claim can find anything the last one did not: runs were queued here, one-at-a-time runs may be
   * free to go, the last claim filled every slot, or the interval ticked (runs queued by other processes, wake-up
   * times). A run that simply ended frees a slot but makes nothing due, so it costs no query.
   */
  mayBeDue: true,
  kick(mayBeDue = true) {
    if (mayBeDue) this.mayBeDue = true;
    if (!this.timer) return;
    if (this.busy) {
      const running = Date.now() - this.passStartedAt;
      if (running < this.stuckPassMs) {
        this.again = true;
        return;
      }
      console.error(`[jobs] the in-process runner's last pass has not ended after ${Math.round(running / 1000)} s; starting another`);
    }
    this.busy = true;
    const pass = ++this.pass;
    this.passStartedAt = Date.now();
    void asBackgroundWork(() => this.tick()).finally(() => {
      if (pass !== this.pass) return; // given up on: a newer pass owns the flags
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.kick(false);
      }
    });
  },
  async tick() {
    try {
      const now = clock.now();
      const minute = Math.floor(now.getTime() / 60_000);
      if (minute !== this.lastCronMinute) {
        this.lastCronMinute = minute;
        await enqueueCron(now);
      }
      const hour = Math.floor(minute / 60);
      if (hour !== this.lastPruneHour) {
        this.lastPruneHour = hour;
        await pruneFinishedRuns(new Date(now.getTime() - RUN_HISTORY_MS));
      }
      await this.fill();
    } catch (err) {
      console.error("[jobs] in-process runner error", err);
    }
  },
  /** Claims due runs into the free slots and starts them without waiting; each one's end refills its slot. */
  async fill() {
    const free = runnerWidth(WORKER_PARALLEL) - this.active;
    if (free <= 0 || !this.mayBeDue) return;
    this.mayBeDue = false;
    const { byId } = await load();
    const runs = await claimDueRuns([...byId.keys()], free, LEASE_MS);
    if (runs.length === free) this.mayBeDue = true;
    for (const run of runs) {
      const key = run.concurrencyKey === null ? null : `${run.functionId}|${run.concurrencyKey}`;
      if (key !== null) this.noteClaimed(key);
      this.active++;
      this.executing.add(run.id);
      void startRun(run, byId.get(run.functionId)!)
        .catch((err) => console.error("[jobs] in-process run failed", err))
        .finally(() => {
          this.executing.delete(run.id);
          this.active--;
          // Its end lets the next run with its concurrency key go, if one is queued; free slots wait for a run to claim.
          this.kick(key !== null && this.queuedKeys.has(key));
        });
    }
  },
};

// Next bundles route handlers and instrumentation separately, each with its own copy of this module: the worker
// lives on globalThis so an event sent from a route handler kicks the running worker at once instead of waiting
// for its next interval tick.
const g = globalThis as typeof globalThis & { __forecourtJobWorker?: typeof localWorker };
const worker = (g.__forecourtJobWorker ??= localWorker);

/** Starts the background loop (embedded mode). Runs due and overdue work at once, so a restart misses nothing. */
export function startLocalWorker(intervalMs = 500, o: { stuckPassMs?: number } = {}) {
  if (worker.timer) return;
  worker.stuckPassMs = o.stuckPassMs ?? STUCK_PASS_MS;
  worker.timer = setInterval(() => worker.kick(), intervalMs);
  worker.timer.unref?.();
  worker.renewer = setInterval(() => {
    renewLeases([...worker.executing], LEASE_MS).catch((err) => console.error("[jobs] lease renewal failed", err));
  }, RENEW_EVERY_MS);
  worker.renewer.unref?.();
  worker.kick();
}

export function stopLocalWorker() {
  if (worker.timer) clearInterval(worker.timer);
  if (worker.renewer) clearInterval(worker.renewer);
  worker.timer = null;
  worker.renewer = null;
}
