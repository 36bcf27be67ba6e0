import { describe, expect, it } from "vitest";
import { BURST_PER_SECOND, ingressPerSecond, noteIngress, runnerWidth } from "@/inngest/local/pressure";

function spin(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) { /* keep the event loop busy */ }
}
const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const burst = (n: number) => noteIngress(n);
const quietSecond = () => idle(1100);

describe("foreground first: the in-process runner's width", () => {
  it("counts webhooks over the last second only", async () => {
    await quietSecond();
    burst(30);
    expect(ingressPerSecond()).toBe(30);
    expect(ingressPerSecond(Date.now() + 1500)).toBe(0);
  });

  it("is full when no burst arrives, however busy the loop", async () => {
    await quietSecond();
    runnerWidth(32);
    spin(150);
    burst(BURST_PER_SECOND / 2);
    expect(runnerWidth(32)).toBe(32);
  });

  it("starts a burst at one run and gives way entirely while the loop stays saturated", async () => {
    await quietSecond();
    expect(runnerWidth(32)).toBe(32);
    burst(BURST_PER_SECOND);
    spin(150);
    expect(runnerWidth(32)).toBe(1);
    spin(150);
    expect(runnerWidth(32)).toBe(0);
    burst(BURST_PER_SECOND);
    spin(150);
    expect(runnerWidth(32)).toBe(0);
  });

  it("widens one run per sample while the burst leaves room, and halves when the loop saturates", async () => {
    await quietSecond();
    runnerWidth(32);
    burst(BURST_PER_SECOND);
    expect(runnerWidth(32)).toBe(1);
    for (const expected of [2, 3, 4]) {
      await idle(120);
      expect(runnerWidth(32)).toBe(expected);
    }
    // Samples come at most every 100 ms: calls in between keep the width.
    expect(runnerWidth(32)).toBe(4);
    burst(BURST_PER_SECOND);
    spin(150);
    expect(runnerWidth(32)).toBe(2);
  });

  it("is full again once the burst is over", async () => {
    burst(BURST_PER_SECOND);
    spin(150);
    runnerWidth(32);
    await quietSecond();
    expect(runnerWidth(32)).toBe(32);
  });
});
