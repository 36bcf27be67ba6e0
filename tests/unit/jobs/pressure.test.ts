import { describe, expect, it } from "vitest";
import { BURST_PER_SECOND, ingressPerSecond, noteIngress, runnerWidth } from "@/inngest/local/pressure";

function spin(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) { /* keep the event loop busy */ }
}
const burst = (n: number) => { for (let i = 0; i < n; i++) noteIngress(); };
const quietSecond = () => new Promise((r) => setTimeout(r, 1100));

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

  it("drops to one run during a burst on a saturated loop", async () => {
    await quietSecond();
    runnerWidth(32); // a fresh sample, so the next one covers only the busy spell
    spin(150);
    burst(BURST_PER_SECOND);
    expect(runnerWidth(32)).toBe(1);
  });

  it("stays full during a burst while the loop has room", async () => {
    await quietSecond();
    runnerWidth(32);
    await new Promise((r) => setTimeout(r, 150));
    burst(BURST_PER_SECOND);
    expect(runnerWidth(32)).toBe(32);
  });
});
