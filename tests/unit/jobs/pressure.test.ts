import { describe, expect, it } from "vitest";
import { noteIngress, runnerWidth } from "@/inngest/local/pressure";

function spin(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) { /* keep the event loop busy */ }
}

describe("foreground first: the in-process runner's width", () => {
  it("is full when no webhook arrived recently, however busy the loop", () => {
    spin(150);
    expect(runnerWidth(32)).toBe(32);
  });

  it("drops to one run while webhooks arrive and the loop is saturated", () => {
    runnerWidth(32); // take a sample, so the next one covers only the busy spell
    spin(150);
    noteIngress();
    expect(runnerWidth(32)).toBe(1);
  });

  it("is full again while webhooks arrive but the loop has room", async () => {
    runnerWidth(32);
    await new Promise((r) => setTimeout(r, 150));
    noteIngress();
    expect(runnerWidth(32)).toBe(32);
  });
});
