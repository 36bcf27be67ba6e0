import { and, eq, inArray, sql } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { jobRuns } from "@/db/schema";
import type { FunctionOptions } from "../define";
import { clock } from "./clock";
import { durationMs, evaluateCondition, evaluateKey } from "./expressions";

export type LocalEvent = { name: string; data: Record<string, unknown>; id?: string; ts?: number };
export type JobRun = typeof jobRuns.$inferSelect;

const firstConcurrency = (o: FunctionOptions) => (Array.isArray(o.concurrency) ? o.concurrency[0] : o.concurrency);

/** The key that lets one run of `options` at a time go for this event (a limit of 1 with a key), or null. */
export function concurrencyKeyOf(options: FunctionOptions, event: LocalEvent): string | null {
  const concurrency = firstConcurrency(options);
  return concurrency?.key && concurrency.limit === 1 ? evaluateKey(concurrency.key, { event }) : null;
}

/** What a new run stores; `concurrencyKey` is passed when the caller has worked it out already. */
function runValues(options: FunctionOptions, event: LocalEvent, concurrencyKey = concurrencyKeyOf(options, event)) {
  return {
    functionId: options.id,
    eventName: event.name,
    event,
    singletonKey: options.singleton ? evaluateKey(options.singleton.key ?? '""', { event }) : null,
    concurrencyKey,
  };
}

/** One run to create: the function, the event that starts it and, when known, the run's concurrency key. */
export type RunToQueue = { options: FunctionOptions; event: LocalEvent; concurrencyKey?: string | null };

/**
 * Creates the runs a batch of events starts for functions without debounce, in one statement whatever the batch
 * size (a shopper's message starts three). An event id is taken once per function, as Inngest does.
 */
export async function enqueueRuns(batch: RunToQueue[]) {
  const seen = new Set<string>();
  const rows = batch.flatMap(({ options, event, concurrencyKey }) => {
    if (options.debounce) throw new Error(`enqueueRuns: ${options.id} is debounced; use enqueueRun`);
    const once = event.id ? `${options.id}|${event.id}` : null;
    if (once && seen.has(once)) return [];
    if (once) seen.add(once);
    return [{ ...runValues(options, event, concurrencyKey), eventId: event.id ?? null, ts: event.ts ?? 0 }];
  });
  if (rows.length === 0) return;
  const db = await getSystemDb();
  const now = clock.now().getTime();
  // An event stamped in the future starts its runs then, as Inngest does.
  const runAt = (ts: number) => new Date(Math.max(ts, now)).toISOString();
  // One SELECT per run with constant parameters: the id check is an index probe whatever the table's size (a
  // join against a JSON record set was planned as a scan that grew with the table). A statement takes at most
  // 65,535 parameters, so a large import's thousands of events are written a thousand runs at a time.
  for (let i = 0; i < rows.length; i += RUNS_PER_STATEMENT) {
    const selects = rows.slice(i, i + RUNS_PER_STATEMENT).map((r) => sql`select ${r.functionId}, ${r.eventName}, ${JSON.stringify(r.event)}::jsonb, ${r.singletonKey}::text, ${r.concurrencyKey}::text, ${runAt(r.ts)}::timestamptz
      ${r.eventId ? sql`where not exists (select 1 from job_runs where function_id = ${r.functionId} and event->>'id' = ${r.eventId})` : sql``}`);
    await db.execute(sql`insert into job_runs (function_id, event_name, event, singleton_key, concurrency_key, run_at) ${sql.join(selects, sql` union all `)}`);
  }
}

const RUNS_PER_STATEMENT = 250;

/**
 * Creates (or, when debounced, re-times) the run an event starts for one function, in one statement: an event id
 * seen before changes nothing; a queued run with the same debounce key takes this event and a new time (debounce
 * keeps only the last event of a burst, and its timeout caps how long a burst can postpone the run); otherwise a
 * new run is queued.
 */
export async function enqueueRun({ options, event, concurrencyKey }: RunToQueue) {
  if (!options.debounce) return enqueueRuns([{ options, event, concurrencyKey }]);
  const db = await getSystemDb();
  const now = clock.now();
  const values = runValues(options, event, concurrencyKey);
  const debounceKey = evaluateKey(options.debounce.key ?? '""', { event });
  const runAt = new Date(now.getTime() + durationMs(options.debounce.period)).toISOString();
  const eventJson = JSON.stringify(event);
  const timeoutMs = options.debounce.timeout === undefined ? null : durationMs(options.debounce.timeout);
  const dupe = event.id ? sql`select 1 from job_runs where function_id = ${options.id} and event->>'id' = ${event.id}` : sql`select 1 where false`;
  const newRunAt = timeoutMs === null ? sql`${runAt}::timestamptz` : sql`least(${runAt}::timestamptz, created_at + ${timeoutMs} * interval '1 millisecond')`;
  await db.execute(sql`with dupe as (${dupe}),
    pending as (
      update job_runs set event = ${eventJson}::jsonb, run_at = ${newRunAt}, updated_at = ${now.toISOString()}::timestamptz
      where id = (select id from job_runs where function_id = ${options.id} and debounce_key = ${debounceKey} and status = 'queued' limit 1)
        and not exists (select 1 from dupe)
      returning id
    )
    insert into job_runs (function_id, event_name, event, singleton_key, concurrency_key, debounce_key, run_at, created_at)
    select ${values.functionId}, ${values.eventName}, ${eventJson}::jsonb, ${values.singletonKey}::text, ${values.concurrencyKey}::text, ${debounceKey}, ${runAt}::timestamptz, ${now.toISOString()}::timestamptz
    where not exists (select 1 from dupe) and not exists (select 1 from pending)`);
}

/** Cancels queued or sleeping runs whose `cancelOn` matches this event. */
export async function cancelMatchingRuns(options: FunctionOptions, event: LocalEvent) {
  const rules = (options.cancelOn ?? []).filter((c) => c.event === event.name);
  if (rules.length === 0) return;
  const db = await getSystemDb();
  const candidates = await db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.functionId, options.id), inArray(jobRuns.status, ["queued", "sleeping"])));
  for (const run of candidates) {
    const hit = rules.some((rule) => {
      if (rule.match) return evaluateKey(`event.${rule.match}`, { event: run.event }) === evaluateKey(`event.${rule.match}`, { event });
      if (rule.if) return evaluateCondition(rule.if, { event: run.event, async: event });
      return true;
    });
    if (hit) await markRun(run.id, { status: "cancelled", lastError: `cancelled by ${event.name}` });
  }
}

/**
 * Finished runs are history: kept a week (Inngest deduplicates event ids for 24 hours, so this is more than it
 * promises), then deleted in batches so the table the runner polls stays small.
 */
export async function pruneFinishedRuns(olderThan: Date, batch = 5_000): Promise<number> {
  const db = await getSystemDb();
  const deleted = await db.execute(sql`delete from job_runs where id in (select id from job_runs
    where status in ('completed','failed','cancelled') and updated_at < ${olderThan.toISOString()}::timestamptz limit ${batch}) returning id`);
  return ((deleted as unknown as { rows?: unknown[] }).rows ?? (deleted as unknown as unknown[])).length;
}

export async function markRun(id: string, patch: Partial<typeof jobRuns.$inferInsert>) {
  const db = await getSystemDb();
  // An error may quote the text that caused it, NUL characters too, which PostgreSQL text cannot hold.
  const lastError = patch.lastError?.replaceAll("\u0000", "\\0");
  await db.update(jobRuns).set({ ...patch, ...(lastError !== undefined ? { lastError } : {}), updatedAt: clock.now() }).where(eq(jobRuns.id, id));
}

const dueNow = (now: string) => and(
  sql`${jobRuns.runAt} <= ${now}::timestamptz`,
  // Repeats job_runs_pending_idx's predicate so the planner reads only unfinished runs.
  sql`${jobRuns.status} in ('queued','sleeping','running')`,
  sql`(${jobRuns.status} <> 'running' or ${jobRuns.lockedUntil} < ${now}::timestamptz)`,
);

/**
 * Takes up to `limit` due runs of these functions in one statement, oldest first. A run is ours until `leaseMs`
 * from now; after that (the process died) another worker may take it over and resume from its memoized steps.
 * Rows another worker is taking are skipped, not waited for. Of runs sharing a one-at-a-time concurrency key,
 * at most one is taken, and none while another with that key runs.
 */
export async function claimDueRuns(functionIds: string[], limit: number, leaseMs = 5 * 60_000): Promise<JobRun[]> {
  if (functionIds.length === 0 || limit <= 0) return [];
  const db = await getSystemDb();
  const now = clock.now();
  const at = now.toISOString();
  const chosen = sql`with due as (
      select id, function_id, concurrency_key, run_at from job_runs
      where ${dueNow(at)} and function_id in (${sql.join(functionIds.map((id) => sql`${id}`), sql`, `)})
      order by run_at limit ${limit * 4}
      for update skip locked
    ), one_per_key as (
      select distinct on (function_id, coalesce(concurrency_key, id::text)) id, run_at from due d
      where d.concurrency_key is null or not exists (select 1 from job_runs o where o.function_id = d.function_id
        and o.concurrency_key = d.concurrency_key and o.status = 'running' and o.locked_until >= ${at}::timestamptz and o.id <> d.id)
      order by function_id, coalesce(concurrency_key, id::text), run_at
    )
    select id from one_per_key order by run_at limit ${limit}`;
  const runs = await db.update(jobRuns)
    .set({ status: "running", lockedUntil: new Date(now.getTime() + leaseMs), updatedAt: now })
    .where(sql`${jobRuns.id} in (${chosen})`)
    .returning();
  return runs.sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

/** Extends the lease of runs this process is still executing. */
export async function renewLeases(ids: string[], leaseMs: number) {
  if (ids.length === 0) return;
  const db = await getSystemDb();
  await db.update(jobRuns)
    .set({ lockedUntil: new Date(clock.now().getTime() + leaseMs) })
    .where(and(inArray(jobRuns.id, ids), eq(jobRuns.status, "running")));
}

/** Singleton: skip this run while another with the key is alive, or cancel the older one. */
export async function resolveSingleton(options: FunctionOptions, run: JobRun): Promise<"run" | "skip"> {
  if (!options.singleton || run.attempt > 0 || Object.keys(run.steps).length > 0) return "run";
  const db = await getSystemDb();
  const others = await db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.functionId, options.id),
        eq(jobRuns.singletonKey, run.singletonKey ?? ""),
        inArray(jobRuns.status, ["running", "sleeping"]),
        sql`${jobRuns.id} <> ${run.id}`,
      ),
    );
  if (others.length === 0) return "run";
  if (options.singleton.mode === "skip") return "skip";
  for (const o of others) await markRun(o.id, { status: "cancelled", lastError: "replaced by a newer singleton run" });
  return "run";
}
