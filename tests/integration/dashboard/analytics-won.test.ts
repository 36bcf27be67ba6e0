import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { leads } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { getAnalytics } from "@/lib/analytics";
import { assignLead, changeLeadStage } from "@/lib/leads/leads";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { actAs, callPage } from "../security/sweep/call";
import { seedLead } from "./seed";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { default: AnalyticsPage } = await import("@/app/(dashboard)/analytics/page");

useTestDatabase();

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const last30Days = () => ({ from: daysAgo(30), to: new Date(Date.now() + 60_000) });

/**
 * Sam's lead came in 40 days ago and is won today; Sara's came in and is won this period; an unassigned one came in
 * this period and is won today; Sam's other lead of 40 days ago was won 35 days ago.
 */
async function dealsAcrossThePeriod() {
  const t = await createTestTenant();
  const old = await seedLead(t.tenant.id, t.channelId, { name: "Oud", phone: "31611111111" });
  const fresh = await seedLead(t.tenant.id, t.channelId, { name: "Nieuw", phone: "31622222222" });
  const walkIn = await seedLead(t.tenant.id, t.channelId, { name: "Binnenloper", phone: "31633333333" });
  const earlier = await seedLead(t.tenant.id, t.channelId, { name: "Eerder", phone: "31644444444" });
  await withTenant(t.tenant.id, async (tx) => {
    await assignLead(tx, t.tenant.id, old.leadId, t.sales1.id);
    await assignLead(tx, t.tenant.id, earlier.leadId, t.sales1.id);
    await assignLead(tx, t.tenant.id, fresh.leadId, t.sales2.id);
    await changeLeadStage(tx, t.tenant.id, old.leadId, "won", { wonAmount: 20000 });
    await changeLeadStage(tx, t.tenant.id, fresh.leadId, "won", { wonAmount: 15000 });
    await changeLeadStage(tx, t.tenant.id, walkIn.leadId, "won", { wonAmount: 5000 });
    await changeLeadStage(tx, t.tenant.id, earlier.leadId, "won", { wonAmount: 30000 });
    await tx.update(leads).set({ createdAt: daysAgo(40) }).where(eq(leads.id, old.leadId));
    await tx.update(leads).set({ createdAt: daysAgo(40), wonAt: daysAgo(35) }).where(eq(leads.id, earlier.leadId));
  });
  return t;
}

describe("analytics: what won means", () => {
  it("counts a deal by the day it was won in the headline, reps and showrooms, and the funnel by the period's leads", async () => {
    const t = await dealsAcrossThePeriod();
    const a = await getAnalytics(t.tenant.id, t.tenant.timeZone, last30Days());

    expect([a.wonDeals, a.revenue]).toEqual([3, 40000]);
    expect(a.reps).toEqual([
      { userId: t.sales2.id, name: "Sara Sales", leads: 1, won: 1, revenue: 15000, medianResponseSeconds: null },
      { userId: t.sales1.id, name: "Sam Sales", leads: 0, won: 1, revenue: 20000, medianResponseSeconds: null },
      { userId: null, name: null, leads: 1, won: 1, revenue: 5000, medianResponseSeconds: null },
    ]);
    expect(a.byBranch).toEqual([{ key: "main", name: t.tenant.name, leads: 2, testDrives: 0, won: 3, revenue: 40000 }]);
    expect(a.reps.reduce((s, r) => s + r.won, 0)).toBe(a.wonDeals);
    expect(a.reps.reduce((s, r) => s + r.revenue, 0)).toBe(a.revenue);

    // The funnel is the period's two leads, both won; the lead of 40 days ago is not in it.
    expect(a.funnel.find((f) => f.label === "new")?.value).toBe(2);
    expect(a.funnel.find((f) => f.label === "won")?.value).toBe(2);
  });

  it("the page says what the funnel and the reps count and names the deals nobody is assigned", async () => {
    const t = await dealsAcrossThePeriod();
    await actAs(t.manager.email);
    const page = await callPage(AnalyticsPage as (props: unknown) => unknown, {}, {});
    expect(page.refused).toBe(false);
    expect(page.text).toContain("Leads that came in during the period, by how far they got so far, a lost one by how far it got before; 0 of them lost.");
    expect(page.text).toContain("won deals and revenue closed in it, whenever the lead came in");
    expect(page.text).toContain("Test drives &amp; visits booked");
    expect(page.text).toContain("Not assigned");
  });
});
