import { describe, expect, it, vi } from "vitest";
import { appointments } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { getAnalytics } from "@/lib/analytics";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { actAs, callPage } from "../security/sweep/call";
import { seedLead } from "./seed";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { default: AnalyticsPage } = await import("@/app/(dashboard)/analytics/page");

useTestDatabase();

const range = () => ({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) });

/** Five bookings made today: one still booked, one done, one a no-show and two the shopper cancelled. */
async function bookingsWithCancellations() {
  const t = await createTestTenant();
  const lead = await seedLead(t.tenant.id, t.channelId, { name: "Eva", phone: "31655555555" });
  const statuses = ["booked", "completed", "no_show", "cancelled", "cancelled"] as const;
  await withTenant(t.tenant.id, (tx) => tx.insert(appointments).values(statuses.map((status) => ({
    tenantId: t.tenant.id, leadId: lead.leadId, status, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000),
  }))));
  return t;
}

describe("analytics: test drives and visits booked", () => {
  it("counts the bookings that still stand in the headline and per showroom, and the cancelled ones beside them", async () => {
    const t = await bookingsWithCancellations();
    const a = await getAnalytics(t.tenant.id, t.tenant.timeZone, range());
    expect(a.bookings).toEqual({ standing: 3, cancelled: 2 });
    expect(a.byBranch.map((b) => b.testDrives)).toEqual([3]);
    // The chart by status still shows every booking, the cancelled too.
    expect(a.testDrives.find((d) => d.label === "cancelled")?.value).toBe(2);
    expect(a.testDrives.reduce((s, d) => s + d.value, 0)).toBe(5);
  });

  it("the page's headline says how many cancelled bookings it leaves out", async () => {
    const t = await bookingsWithCancellations();
    await actAs(t.manager.email);
    const page = await callPage(AnalyticsPage as (props: unknown) => unknown, {}, {});
    expect(page.text).toMatch(/Test drives &amp; visits booked<\/dt><dd[^>]*>3<\/dd><dd[^>]*>Not counting 2 cancelled<\/dd>/);
  });
});
