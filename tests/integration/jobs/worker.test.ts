import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineFunction } from "@/inngest/define";
import { sendEvent } from "@/inngest/dispatch";
import { startLocalWorker, stopLocalWorker, useLocalFunctions } from "@/inngest/local/runner";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const done: string[] = [];
const gates = new Map<string, { open: () => void; opened: Promise<void> }>();
const gate = (name: string) => {
  if (!gates.has(name)) {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    gates.set(name, { open, opened });
  }
  return gates.get(name)!;
};

const oneAtATime = defineFunction(
  { id: "t-one-at-a-time", triggers: [{ event: "t/turn" }], concurrency: { key: "event.data.key", limit: 1 } },
  async ({ event, step }) => {
    const { name } = event.data as { name: string };
    await step.run("work", async () => {
      await gate(name).opened;
      done.push(name);
    });
  },
);

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe("the in-process worker", () => {
  beforeAll(() => {
    useLocalFunctions([oneAtATime]);
    // An interval far beyond the test: only the worker's own kicks can start a run.
    startLocalWorker(3_600_000);
  });
  afterAll(() => {
    stopLocalWorker();
    useLocalFunctions(null);
  });

  it("starts the run queued behind a one-at-a-time key as soon as the run holding the key ends", async () => {
    await sendEvent({ name: "t/turn", data: { key: "k1", name: "first" } });
    await sendEvent({ name: "t/turn", data: { key: "k1", name: "second" } });
    await sendEvent({ name: "t/turn", data: { key: "k2", name: "other" } });
    gate("other").open();
    expect(await until(() => done.includes("other"), 5_000)).toBe(true);
    // The second run with k1 waits for the first.
    gate("second").open();
    await new Promise((r) => setTimeout(r, 300));
    expect(done).not.toContain("second");
    gate("first").open();
    expect(await until(() => done.includes("second"), 5_000)).toBe(true);
    expect(done).toEqual(["other", "first", "second"]);
  });
});
