import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq, lte } from "drizzle-orm";
import { NonRetriableError } from "inngest";
import { defineFunction } from "@/inngest/define";
import { sendEvent } from "@/inngest/dispatch";
import { drainJobs, useLocalFunctions } from "@/inngest/local/runner";
import { advanceClock, clock, resetClock, setClock } from "@/inngest/local/clock";
import { getSystemDb } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { claimDueRuns, renewLeases } from "@/inngest/local/state";
import { resetThrottles } from "@/inngest/local/throttle";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const log: string[] = [];
let failuresLeft = 0;

const sleeper = defineFunction(
  { id: "t-sleeper", triggers: [{ event: "t/start" }], cancelOn: [{ event: "t/reply", match: "data.leadId" }] },
  async ({ event, step }) => {
    const { leadId } = event.data as { leadId: string };
    await step.run("first", () => log.push(`first:${leadId}`));
    await step.sleep("wait-a-day", "1d");
    await step.run("second", () => log.push(`second:${leadId}`));
  },
);
const debounced = defineFunction(
  { id: "t-debounced", triggers: [{ event: "t/msg" }], debounce: { key: "event.data.conversationId", period: "3s" } },
  async ({ event, step }) => {
    const { text, conversationId } = event.data as { text: string; conversationId: string };
    await step.run("reply", () => log.push(`reply:${conversationId}:${text}`));
  },
);
const capped = defineFunction(
  { id: "t-capped", triggers: [{ event: "t/chat" }], debounce: { key: "event.data.conversationId", period: "3s", timeout: "5s" } },
  async ({ event, step }) => {
    const { text } = event.data as { text: string };
    await step.run("reply", () => log.push(`capped:${text}`));
  },
);
const flaky = defineFunction({ id: "t-flaky", triggers: [{ event: "t/flaky" }], retries: 3 }, async ({ step }) => {
  await step.run("once", () => log.push("once"));
  await step.run("sometimes", () => {
    if (failuresLeft-- > 0) throw new Error("provider down");
    log.push("sent");
  });
});
const ordered = defineFunction(
  { id: "t-ordered", triggers: [{ event: "t/ordered" }], concurrency: { key: "event.data.conversationId", limit: 1 } },
  async ({ event, step }) => {
    await step.run("handle", () => log.push(`ordered:${(event.data as { n: number }).n}`));
  },
);
const throttled = defineFunction(
  { id: "t-throttled", triggers: [{ event: "t/throttled" }], retries: 1, throttle: { key: "event.data.tenantId", limit: 2, period: "6s", burst: 1 } },
  async ({ event, step }) => {
    const { tenantId, fail } = event.data as { tenantId: string; fail?: boolean };
    await step.run("send", () => {
      if (fail && !log.includes("failed once")) {
        log.push("failed once");
        throw new Error("provider down");
      }
      log.push(`throttled:${tenantId}`);
    });
  },
);
const fatal = defineFunction({ id: "t-fatal", triggers: [{ event: "t/fatal" }] }, async () => {
  throw new NonRetriableError("bad input");
});

beforeEach(() => {
  log.length = 0;
  useLocalFunctions([sleeper, debounced, capped, flaky, fatal, ordered, throttled]);
  resetThrottles();
  setClock(new Date("2026-03-02T10:00:00Z"));
});
afterEach(() => resetClock());
afterAll(() => useLocalFunctions(null));

describe("in-process runner semantics", () => {
  it("sleeps durably and resumes without repeating finished steps", async () => {
    await sendEvent({ name: "t/start", data: { leadId: "L1" } });
    await drainJobs();
    expect(log).toEqual(["first:L1"]);
    advanceClock(23 * 3600_000);
    await drainJobs();
    expect(log).toEqual(["first:L1"]);
    advanceClock(3600_000);
    await drainJobs();
    expect(log).toEqual(["first:L1", "second:L1"]);
  });

  it("cancelOn stops a sleeping run for the matching lead only", async () => {
    await sendEvent([{ name: "t/start", data: { leadId: "A" } }, { name: "t/start", data: { leadId: "B" } }]);
    await drainJobs();
    await sendEvent({ name: "t/reply", data: { leadId: "A" } });
    advanceClock(86_400_000);
    await drainJobs();
    expect(log.sort()).toEqual(["first:A", "first:B", "second:B"]);
  });

  it("debounce runs once with the last event of a burst", async () => {
    for (const text of ["hoi", "heb je", "een automaat?"]) {
      await sendEvent({ name: "t/msg", data: { conversationId: "C1", text } });
      advanceClock(1000);
    }
    await drainJobs();
    expect(log).toEqual([]);
    advanceClock(3000);
    await drainJobs();
    expect(log).toEqual(["reply:C1:een automaat?"]);
  });

  it("a burst postpones its debounced run by at most the timeout, and the redelivered last event changes nothing", async () => {
    for (const text of ["a", "b", "c"]) {
      await sendEvent({ name: "t/chat", id: `chat-${text}`, data: { conversationId: "C2", text } });
      advanceClock(2000);
    }
    // Sent at 0, 2 and 4 s: without the 5 s cap the run would wait until 7 s.
    await sendEvent({ name: "t/chat", id: "chat-c", data: { conversationId: "C2", text: "c again" } });
    advanceClock(-500);
    await drainJobs();
    expect(log).toEqual(["capped:c"]);
  });

  it("takes over a run whose worker died once its renewed lease runs out", async () => {
    await sendEvent({ name: "t/flaky", data: {} });
    // A worker claims it and is killed before finishing.
    const [run] = await claimDueRuns(["t-flaky"], 1, 30_000);
    expect(run.status).toBe("running");
    advanceClock(20_000);
    expect(await drainJobs()).toBe(0);
    // While that worker lived it renewed the lease, so the run is still its own 30 s later.
    await renewLeases([run.id], 30_000);
    advanceClock(20_000);
    expect(await drainJobs()).toBe(0);
    advanceClock(11_000);
    await drainJobs();
    expect(log).toEqual(["once", "sent"]);
  });

  it("takes due runs in one statement: one at a time per concurrency key, in arrival order, never another process's functions", async () => {
    await sendEvent({ name: "t/ordered", data: { conversationId: "C1", n: 1 } });
    advanceClock(10);
    await sendEvent([{ name: "t/ordered", data: { conversationId: "C1", n: 2 } }, { name: "t/ordered", data: { conversationId: "C2", n: 3 } }]);
    await (await getSystemDb()).insert(jobRuns).values({ functionId: "t-elsewhere", eventName: "e", event: { name: "e", data: {} }, runAt: new Date(0) });

    const first = await claimDueRuns(["t-ordered"], 10);
    expect(first.map((r) => (r.event.data as { n: number }).n)).toEqual([1, 3]);
    expect(first.every((r) => r.status === "running")).toBe(true);
    // C1's second message is due, but waits while its first is running.
    expect(await claimDueRuns(["t-ordered"], 10)).toEqual([]);
    const waiting = await (await getSystemDb()).select().from(jobRuns).where(and(eq(jobRuns.status, "queued"), lte(jobRuns.runAt, clock.now())));
    expect(waiting.map((r) => r.functionId).sort()).toEqual(["t-elsewhere", "t-ordered"]);
    await drainJobs();
    expect(log).toEqual([]);
    // Once the leases run out, a limit of one takes the oldest due run.
    advanceClock(5 * 60_000 + 1);
    const [retaken] = await claimDueRuns(["t-ordered"], 1);
    expect((retaken.event.data as { n: number }).n).toBe(1);
  });

  it("retries a failing step with backoff and keeps earlier steps memoized", async () => {
    failuresLeft = 2;
    await sendEvent({ name: "t/flaky", data: {} });
    for (let i = 0; i < 4; i++) {
      await drainJobs();
      advanceClock(5000);
    }
    expect(log).toEqual(["once", "sent"]);
  });

  it("throttle: limit + burst runs start at once per key, then one every period ÷ limit; none dropped, retries not counted", async () => {
    const db = await getSystemDb();
    const started = (tenantId: string) => log.filter((l) => l === `throttled:${tenantId}`).length;
    await sendEvent([
      ...Array.from({ length: 5 }, () => ({ name: "t/throttled", data: { tenantId: "A" } })),
      { name: "t/throttled", data: { tenantId: "B", fail: true } },
      { name: "t/throttled", data: { tenantId: "B" } },
      { name: "t/throttled", data: { tenantId: "B" } },
    ]);
    await drainJobs();
    // Three of A's five (limit 2 + burst 1) and B's three, one of which failed and waits for its retry.
    expect([started("A"), started("B"), log.includes("failed once")]).toEqual([3, 2, true]);
    const waiting = await db.select({ runAt: jobRuns.runAt, event: jobRuns.event }).from(jobRuns)
      .where(and(eq(jobRuns.functionId, "t-throttled"), eq(jobRuns.status, "queued")));
    const inSeconds = (tenantId: string) => waiting.filter((r) => (r.event.data as { tenantId: string }).tenantId === tenantId)
      .map((r) => (r.runAt.getTime() - clock.now().getTime()) / 1000).sort((a, b) => a - b);
    // A's other two have the next free start times: one every 6 s ÷ 2.
    expect(inSeconds("A")).toEqual([3, 6]);
    // The retry comes after its backoff (1 s) although B has no start free before 3 s: it had started already.
    advanceClock(1_000);
    await drainJobs();
    expect([started("A"), started("B")]).toEqual([3, 3]);
    advanceClock(2_000);
    await drainJobs();
    expect(started("A")).toBe(4);
    advanceClock(3_000);
    await drainJobs();
    expect(started("A")).toBe(5);
  });

  it("a non-retriable error fails the run at once", async () => {
    await sendEvent({ name: "t/fatal", data: {} });
    await drainJobs();
    advanceClock(60_000);
    expect(await drainJobs()).toBe(0);
  });
});
