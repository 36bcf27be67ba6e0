import { describe, expect, it } from "vitest";
import { leads } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { seedMarket } from "@/db/seed/market";
import { getAnalytics } from "@/lib/analytics";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

describe("the demo dealership's analytics funnel", () => {
  it("counts the seeded lost leads at the stages they reached: past New, some at a test drive or negotiating", { timeout: 120_000 }, async () => {
    const now = new Date();
    const { tenant } = await seedMarket("demo-nl", now);
    const a = await getAnalytics(tenant.id, tenant.timeZone, { from: new Date(now.getTime() - 61 * 86_400_000), to: new Date(now.getTime() + 60_000) });
    const stages = (await withTenant(tenant.id, (tx) => tx.select({ stage: leads.stage }).from(leads))).map((l) => l.stage);
    const count = (...of: string[]) => stages.filter((s) => of.includes(s)).length;
    const funnel = Object.fromEntries(a.funnel.map((f) => [f.label, f.value]));
    expect(a.lost).toBe(count("lost"));
    expect(a.lost).toBeGreaterThan(0);
    // Every lead past New, the lost ones included, was contacted.
    expect(funnel.contacted).toBe(stages.length - count("new"));
    // Beyond the open and won leads there: lost ones that had a test drive or were negotiating.
    expect(funnel.test_drive - count("test_drive", "negotiation", "won")).toBeGreaterThanOrEqual(2);
    expect(funnel.negotiation - count("negotiation", "won")).toBeGreaterThanOrEqual(1);
  });
});
