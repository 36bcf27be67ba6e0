import { describe, expect, it } from "vitest";
import { assistantMayAnswer, limitsFor, quotaStatus, roomProblem } from "@/lib/plans/catalog";

describe("plan rules", () => {
  it("levels: ok below 80 %, warning from 80 %, reached at 100 %", () => {
    expect(quotaStatus(79, 100).level).toBe("ok");
    expect(quotaStatus(80, 100).level).toBe("warning");
    expect(quotaStatus(100, 100).level).toBe("reached");
    expect(quotaStatus(0, 0).level).toBe("reached");
  });

  it("at the limit new conversations go to people; ongoing ones get a small grace", () => {
    expect(assistantMayAnswer(quotaStatus(99, 100), false)).toBe(true);
    expect(assistantMayAnswer(quotaStatus(100, 100), false)).toBe(false);
    expect(assistantMayAnswer(quotaStatus(100, 100), true)).toBe(true);
    expect(assistantMayAnswer(quotaStatus(110, 100), true)).toBe(false);
  });

  it("overrides replace numeric limits only, unknown plans fall back to the default", () => {
    expect(limitsFor("starter", { vehicles: 75, customDomain: 1, seats: -1 })).toMatchObject({ vehicles: 75, seats: 3, customDomain: false });
    expect(limitsFor("nonsense").vehicles).toBe(limitsFor("growth").vehicles);
  });

  it("room problems name the limit and what to do", () => {
    expect(roomProblem("vehicles", 49, 50)).toBeNull();
    expect(roomProblem("vehicles", 50, 50)).toMatch(/allows 50 vehicles in stock and you have 50\. Mark sold cars/);
    expect(roomProblem("vehicles", 40, 50, 11)).not.toBeNull();
  });
});
