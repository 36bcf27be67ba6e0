import { afterEach, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { sendEvent } from "@/inngest/dispatch";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, clock, resetClock } from "@/inngest/local/clock";
import { recordUsageFn } from "@/inngest/functions/record-usage";
import { createTenant } from "@/lib/tenancy";
import { getUsage } from "@/lib/usage";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();
afterEach(() => resetClock());

const newTenant = () => createTenant({ slug: `jobs-${Math.random().toString(36).slice(2, 8)}`, name: "Jobs" });

describe("background work", () => {
  it("runs a real function end to end in-process when no Inngest is configured", async () => {
    const t = await newTenant();
    await sendEvent({ name: "usage/recorded", data: { tenantId: t.id, metric: "assistant_replies", amount: 2 } });
    await sendEvent({ name: "usage/recorded", data: { tenantId: t.id, metric: "assistant_replies", amount: 1 } });
    expect(await getUsage(t.id, "assistant_replies")).toBe(0);
    await drainJobs();
    expect(await getUsage(t.id, "assistant_replies")).toBe(3);
  });

  it("drops a duplicate event id like Inngest does", async () => {
    const t = await newTenant();
    const event = { name: "usage/recorded", id: `dup-${t.id}`, data: { tenantId: t.id, metric: "m", amount: 1 } };
    await sendEvent(event);
    await sendEvent(event);
    await drainJobs();
    expect(await getUsage(t.id, "m")).toBe(1);
  });

  it("starts the runs of an event stamped in the future at that time, as Inngest does", async () => {
    const t = await newTenant();
    const at = (inMs: number, amount: number) => ({ name: "usage/recorded", ts: clock.now().getTime() + inMs, data: { tenantId: t.id, metric: "later", amount } });
    await sendEvent([at(-60_000, 1), at(5_000, 10), at(60_000, 100)]);
    await drainJobs();
    expect(await getUsage(t.id, "later")).toBe(1);
    advanceClock(5_000);
    await drainJobs();
    expect(await getUsage(t.id, "later")).toBe(11);
    advanceClock(55_000);
    await drainJobs();
    expect(await getUsage(t.id, "later")).toBe(111);
  });

  it("a batch of events starts every run once, also when the batch repeats an id or an earlier send had it", async () => {
    const t = await newTenant();
    const e = (id: string | undefined, amount: number) => ({ name: "usage/recorded", ...(id ? { id: `${id}-${t.id}` } : {}), data: { tenantId: t.id, metric: "b", amount } });
    await sendEvent(e("a", 1));
    await sendEvent([e("a", 10), e("b", 100), e("b", 1000), e(undefined, 10_000), e(undefined, 100_000)]);
    await drainJobs();
    expect(await getUsage(t.id, "b")).toBe(1 + 100 + 10_000 + 100_000);
  });

  it("starts a run for each of the 12,000 events a large import sends at once", async () => {
    const { getSystemDb } = await import("@/db/client");
    const { jobRuns } = await import("@/db/schema");
    const { count, sql } = await import("drizzle-orm");
    const t = await newTenant();
    // Six parameters per run: one statement for all of them would pass PostgreSQL's 65,535-parameter limit.
    await sendEvent(Array.from({ length: 12_000 }, (_, i) => ({ name: "usage/recorded", id: `bulk-${i}-${t.id}`, data: { tenantId: t.id, metric: "bulk", amount: 1 } })));
    const db = await getSystemDb();
    const [row] = await db.select({ n: count() }).from(jobRuns).where(sql`${jobRuns.event}->'data'->>'tenantId' = ${t.id}`);
    expect(row.n).toBe(12_000);
  });

  it("starts a run only when the trigger's condition holds, as Inngest's `if` does", async () => {
    const { getSystemDb } = await import("@/db/client");
    const { jobRuns } = await import("@/db/schema");
    const { and, eq, sql } = await import("drizzle-orm");
    const t = await newTenant();
    const runsFor = async (leadId: string) => (await getSystemDb()).select({ id: jobRuns.id }).from(jobRuns)
      .where(and(eq(jobRuns.functionId, "stop-followups"), sql`${jobRuns.event}->'data'->>'leadId' = ${leadId}`));
    // stop-followups listens for won or lost (`to == 'won' || to == 'lost'`); other stages stop nothing.
    await sendEvent({ name: "lead/stage.changed", data: { tenantId: t.id, leadId: "lead-contacted", from: "new", to: "contacted" } });
    await sendEvent({ name: "lead/stage.changed", data: { tenantId: t.id, leadId: "lead-won", from: "contacted", to: "won" } });
    await sendEvent({ name: "lead/stage.changed", data: { tenantId: t.id, leadId: "lead-lost", from: "contacted", to: "lost" } });
    expect(await runsFor("lead-contacted")).toHaveLength(0);
    expect(await runsFor("lead-won")).toHaveLength(1);
    expect(await runsFor("lead-lost")).toHaveLength(1);
  });

  it("runs the same function through the Inngest SDK's test engine", async () => {
    const t = await newTenant();
    const engine = new InngestTestEngine({ function: recordUsageFn as never });
    const { result } = await engine.execute({
      events: [{ name: "usage/recorded", data: { tenantId: t.id, metric: "sdk", amount: 4 } }],
    } as never);
    expect(result).toBe(4);
    expect(await getUsage(t.id, "sdk")).toBe(4);
  });
});

describe("the runner's own table", () => {
  it("prunes finished runs past their history window and keeps unfinished and recent ones", async () => {
    const { getSystemDb } = await import("@/db/client");
    const { jobRuns } = await import("@/db/schema");
    const { pruneFinishedRuns } = await import("@/inngest/local/state");
    const { inArray } = await import("drizzle-orm");
    const db = await getSystemDb();
    const old = new Date(Date.now() - 8 * 24 * 3_600_000);
    const rows = await db.insert(jobRuns).values([
      { functionId: "prune-test", eventName: "e", event: { name: "e", data: {} }, status: "completed", updatedAt: old },
      { functionId: "prune-test", eventName: "e", event: { name: "e", data: {} }, status: "failed", updatedAt: old },
      { functionId: "prune-test", eventName: "e", event: { name: "e", data: {} }, status: "queued", updatedAt: old },
      { functionId: "prune-test", eventName: "e", event: { name: "e", data: {} }, status: "sleeping", updatedAt: old },
      { functionId: "prune-test", eventName: "e", event: { name: "e", data: {} }, status: "completed" },
    ]).returning({ id: jobRuns.id, status: jobRuns.status });
    const removed = await pruneFinishedRuns(new Date(Date.now() - 7 * 24 * 3_600_000));
    expect(removed).toBe(2);
    const left = await db.select({ status: jobRuns.status }).from(jobRuns).where(inArray(jobRuns.id, rows.map((r) => r.id)));
    expect(left.map((r) => r.status).sort()).toEqual(["completed", "queued", "sleeping"]);
  });

  it("still finds due runs, including a running one whose lock expired, among a long finished history", async () => {
    const { getSystemDb } = await import("@/db/client");
    const { jobRuns } = await import("@/db/schema");
    const { claimDueRuns } = await import("@/inngest/local/state");
    const db = await getSystemDb();
    const past = new Date(Date.now() - 60_000);
    await db.insert(jobRuns).values(Array.from({ length: 300 }, () => ({ functionId: "history", eventName: "e", event: { name: "e", data: {} }, status: "completed" as const, runAt: past })));
    const [stale] = await db.insert(jobRuns).values({ functionId: "due-test", eventName: "e", event: { name: "e", data: {} }, status: "running", runAt: past, lockedUntil: past }).returning({ id: jobRuns.id });
    const [locked] = await db.insert(jobRuns).values({ functionId: "due-test", eventName: "e", event: { name: "e", data: {} }, status: "running", runAt: past, lockedUntil: new Date(Date.now() + 60_000) }).returning({ id: jobRuns.id });
    const [queued] = await db.insert(jobRuns).values({ functionId: "due-test", eventName: "e", event: { name: "e", data: {} }, runAt: past }).returning({ id: jobRuns.id });
    const ids = (await claimDueRuns(["due-test", "history"], 50)).map((r) => r.id);
    expect(ids).toContain(stale.id);
    expect(ids).toContain(queued.id);
    expect(ids).not.toContain(locked.id);
  });
});
