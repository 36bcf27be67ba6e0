import { afterEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { leads } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { actAs, callPage } from "../security/sweep/call";
import { seedLead } from "./seed";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { default: AnalyticsPage } = await import("@/app/(dashboard)/analytics/page");

useTestDatabase();
afterEach(() => vi.useRealTimers());

/** The rows of the leads-per-day chart's table: [day label, count]. */
function leadsPerDay(html: string): string[][] {
  const table = html.match(/<table><caption>New leads per day<\/caption>[\s\S]*?<\/table>/)?.[0] ?? "";
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((r) => [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]));
}

describe("analytics days", () => {
  it("run in the dealer's calendar: just after local midnight the range ends today there, and a lead of that night counts on it", async () => {
    const t = await createTestTenant({ timeZone: "Asia/Jakarta" });
    const late = await seedLead(t.tenant.id, t.channelId, { name: "Ayu", phone: "6281200000001" });
    // 01:30 on 11 March in Jakarta is still 10 March in UTC.
    await withTenant(t.tenant.id, (tx) => tx.update(leads).set({ createdAt: new Date("2026-03-10T18:30:00Z") }).where(eq(leads.id, late.leadId)));
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-10T20:00:00Z") });
    await actAs(t.manager.email);

    const page = await callPage(AnalyticsPage as (props: unknown) => unknown, {}, {});
    expect(page.text).toMatch(/name="from"[^>]*value="2026-02-09"|value="2026-02-09"[^>]*name="from"/);
    expect(page.text).toMatch(/name="to"[^>]*value="2026-03-11"|value="2026-03-11"[^>]*name="to"/);
    const rows = leadsPerDay(page.text);
    expect(rows).toHaveLength(31);
    expect(rows.at(-1)).toEqual([expect.stringContaining("11"), "1"]);

    // The same night as a chosen range: the lead is in 11 March, not in 10 March.
    expect(leadsPerDay((await callPage(AnalyticsPage as (props: unknown) => unknown, {}, { from: "2026-03-10", to: "2026-03-10" })).text)).toEqual([[expect.stringContaining("10"), "0"]]);
    // A date that does not exist is ignored like a missing one, not an error.
    const odd = await callPage(AnalyticsPage as (props: unknown) => unknown, {}, { from: "2026-13-45", to: "2026-02-31" });
    expect(odd.refused).toBe(false);
    expect(leadsPerDay(odd.text)).toHaveLength(31);
  });
});
