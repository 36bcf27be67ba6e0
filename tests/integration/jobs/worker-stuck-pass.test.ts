import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defineFunction } from "@/inngest/define";
import { sendEvent } from "@/inngest/dispatch";
import { startLocalWorker, stopLocalWorker, useLocalFunctions } from "@/inngest/local/runner";
import { useTestDatabase } from "../../helpers/db";

// The worker's first claim never answers, as a query on a half-open connection would not.
let hangNextClaim = true;
vi.mock("@/inngest/local/state", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/inngest/local/state")>();
  return {
    ...real,
    claimDueRuns: (...args: Parameters<typeof real.claimDueRuns>) => {
      if (hangNextClaim) {
        hangNextClaim = false;
        return new Promise<never>(() => {});
      }
      return real.claimDueRuns(...args);
    },
  };
});

useTestDatabase();

const done: string[] = [];
const work = defineFunction({ id: "t-after-stuck-pass", triggers: [{ event: "t/stuck" }] }, async ({ event }) => {
  done.push((event.data as { name: string }).name);
});

describe("the in-process worker when a pass never ends", () => {
  beforeAll(() => useLocalFunctions([work]));
  afterAll(() => {
    stopLocalWorker();
    useLocalFunctions(null);
  });

  it("gives the pass up after the limit, says so, and runs what is due", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    startLocalWorker(50, { stuckPassMs: 400 });
    await sendEvent({ name: "t/stuck", data: { name: "queued while stuck" } });
    await new Promise((r) => setTimeout(r, 200));
    expect(done).toEqual([]);
    await expect.poll(() => done, { timeout: 5_000 }).toEqual(["queued while stuck"]);
    expect(errors.mock.calls.some((c) => /last pass has not ended after \d+ s; starting another/.test(String(c[0])))).toBe(true);
    errors.mockRestore();
  });
});
