import { describe, expect, it } from "vitest";
import { evaluateCondition, evaluateKey } from "@/inngest/local/expressions";

const event = { name: "lead/stage.changed", data: { to: "won", tenantId: "t1", flag: true } };

describe("the runner's expressions", () => {
  it("compares with == and != and joins with && and ||", () => {
    expect(evaluateCondition("event.data.to == 'won'", { event })).toBe(true);
    expect(evaluateCondition("event.data.to != 'won'", { event })).toBe(false);
    expect(evaluateCondition("event.data.to == 'lost' || event.data.to == 'won'", { event })).toBe(true);
    expect(evaluateCondition("event.data.to == 'lost' || event.data.to == 'new'", { event })).toBe(false);
    expect(evaluateCondition("event.data.to == 'won' && event.data.tenantId == 't1' || event.data.to == 'x'", { event })).toBe(true);
    expect(evaluateCondition("event.data.flag == true", { event })).toBe(true);
    expect(evaluateCondition("event.data.missing == true", { event })).toBe(false);
  });

  it("builds keys from paths and literals", () => {
    expect(evaluateKey("event.data.tenantId + '-' + event.data.to", { event })).toBe("t1-won");
  });
});
