import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { appointments, leads, vehicles } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { getAnalytics } from "@/lib/analytics";
import { createBranch, type BranchInput } from "@/lib/branches";
import { assignLead, changeLeadStage } from "@/lib/leads/leads";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { actAs, callPage } from "../security/sweep/call";
import { seedLead, seedVehicle } from "./seed";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { default: AnalyticsPage } = await import("@/app/(dashboard)/analytics/page");

useTestDatabase();

const zuid = { name: "Showroom Zuid", street: "Zuidweg 1", city: "Utrecht" } as BranchInput;
const range = () => ({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) });

/** Main showroom: Bram (car at main), Cees (no car). Zuid: Anna (car at Zuid), Dirk (set on the lead, car at main). */
async function twoShowrooms() {
  const t = await createTestTenant();
  const branch = await createBranch({ tenantId: t.tenant.id, userId: t.owner.id }, t.tenant, zuid);
  const golf = await seedVehicle(t.tenant.id, { make: "Volkswagen", model: "Golf", price: 20000 });
  const polo = await seedVehicle(t.tenant.id, { make: "Volkswagen", model: "Polo", price: 15000 });
  await withTenant(t.tenant.id, (tx) => tx.update(vehicles).set({ branchId: branch.id }).where(eq(vehicles.id, golf.id)));
  const anna = await seedLead(t.tenant.id, t.channelId, { name: "Anna", phone: "31611111111", vehicleId: golf.id });
  const bram = await seedLead(t.tenant.id, t.channelId, { name: "Bram", phone: "31622222222", vehicleId: polo.id, source: "facebook" });
  const cees = await seedLead(t.tenant.id, t.channelId, { name: "Cees", phone: "31633333333" });
  const dirk = await seedLead(t.tenant.id, t.channelId, { name: "Dirk", phone: "31644444444", vehicleId: polo.id });
  await withTenant(t.tenant.id, async (tx) => {
    await tx.update(leads).set({ branchId: branch.id }).where(eq(leads.id, dirk.leadId));
    await assignLead(tx, t.tenant.id, anna.leadId, t.sales1.id);
    await changeLeadStage(tx, t.tenant.id, anna.leadId, "won", { wonAmount: 20000 });
    await changeLeadStage(tx, t.tenant.id, bram.leadId, "won", { wonAmount: 15000 });
    const drive = (leadId: string, branchId: string | null) => ({
      tenantId: t.tenant.id, leadId, branchId, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000),
    });
    // Booked at Zuid, at the main showroom by id, and with no showroom (the main one).
    await tx.insert(appointments).values([drive(anna.leadId, branch.id), drive(bram.leadId, t.branchId), drive(cees.leadId, null)]);
  });
  return { t, branch };
}

describe("analytics split by showroom", () => {
  it("filters every figure to the chosen showroom and compares all showrooms side by side", async () => {
    const { t, branch } = await twoShowrooms();
    const all = await getAnalytics(t.tenant.id, t.tenant.timeZone, range());
    expect(all.branch).toBe("all");
    expect(all.leadsBySource.reduce((s, x) => s + x.value, 0)).toBe(4);
    expect([all.wonDeals, all.revenue]).toEqual([2, 35000]);
    expect(all.testDrives.reduce((s, x) => s + x.value, 0)).toBe(3);
    expect(all.showrooms.map((s) => s.key)).toEqual(["main", branch.id]);
    expect(all.byBranch).toEqual([
      { key: "main", name: t.tenant.name, leads: 2, testDrives: 2, won: 1, revenue: 15000 },
      { key: branch.id, name: "Showroom Zuid", leads: 2, testDrives: 1, won: 1, revenue: 20000 },
    ]);

    const south = await getAnalytics(t.tenant.id, t.tenant.timeZone, range(), branch.id);
    expect(south.branch).toBe(branch.id);
    expect(south.leadsBySource).toEqual([{ label: "whatsapp", value: 2 }]);
    expect(south.funnel.find((f) => f.label === "won")?.value).toBe(1);
    expect([south.wonDeals, south.revenue]).toEqual([1, 20000]);
    expect(south.testDrives.reduce((s, x) => s + x.value, 0)).toBe(1);
    expect(south.reps).toEqual([
      { userId: t.sales1.id, name: "Sam Sales", leads: 1, won: 1, revenue: 20000, medianResponseSeconds: null },
      { userId: null, name: null, leads: 1, won: 0, revenue: 0, medianResponseSeconds: null },
    ]);
    expect(south.byBranch).toEqual(all.byBranch);

    const main = await getAnalytics(t.tenant.id, t.tenant.timeZone, range(), "main");
    expect(main.leadsBySource.map((x) => [x.label, x.value]).sort()).toEqual([["facebook", 1], ["whatsapp", 1]]);
    expect([main.wonDeals, main.revenue]).toEqual([1, 15000]);
    expect(main.testDrives.reduce((s, x) => s + x.value, 0)).toBe(2);
    expect(main.reps).toEqual([{ userId: null, name: null, leads: 2, won: 1, revenue: 15000, medianResponseSeconds: null }]);
  });

  it("never shows another dealer's showrooms or leads, and ignores another dealer's branch id", async () => {
    const { t } = await twoShowrooms();
    const rival = await twoShowrooms();
    const mine = await getAnalytics(t.tenant.id, t.tenant.timeZone, range());
    expect(mine.showrooms.map((s) => s.key)).not.toContain(rival.branch.id);
    expect(mine.byBranch.reduce((s, b) => s + b.leads, 0)).toBe(4);

    const foreign = await getAnalytics(t.tenant.id, t.tenant.timeZone, range(), rival.branch.id);
    expect(foreign.branch).toBe("all");
    expect(foreign.leadsBySource.reduce((s, x) => s + x.value, 0)).toBe(4);
    expect([foreign.wonDeals, foreign.revenue]).toEqual([2, 35000]);
  });

  it("the page offers the showroom picker with the counting rule, keeps ?branch= and compares showrooms", async () => {
    const { t, branch } = await twoShowrooms();
    await actAs(t.manager.email);
    const page = await callPage(AnalyticsPage as (props: unknown) => unknown, {}, { branch: branch.id });
    expect(page.refused).toBe(false);
    expect(page.text).toContain("Analytics · Showroom Zuid");
    expect(page.text).toContain("A lead counts for the showroom set on it");
    expect(page.text).toMatch(new RegExp(`<option value="${branch.id}" selected="">Showroom Zuid</option>`));
    expect(page.text).toContain("Leads, test drives and visits, won deals and revenue per showroom");
    expect(page.text).toContain(`branch=${branch.id}`);
  });
});
