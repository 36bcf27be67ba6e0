import { describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
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

describe("analytics: the reps table", () => {
  it("gives a rep's median first response past an hour in hours and minutes, and under one in minutes", async () => {
    const t = await createTestTenant();
    const slow = await seedLead(t.tenant.id, t.channelId, { name: "Bram", phone: "31655550001" });
    const quick = await seedLead(t.tenant.id, t.channelId, { name: "Noor", phone: "31655550002" });
    await withTenant(t.tenant.id, async (tx) => {
      await tx.update(leads).set({ assignedUserId: t.sales1.id, firstResponseBy: "staff", firstResponseAt: sql`${leads.createdAt} + interval '185 minutes'` }).where(eq(leads.id, slow.leadId));
      await tx.update(leads).set({ assignedUserId: t.sales2.id, firstResponseBy: "staff", firstResponseAt: sql`${leads.createdAt} + interval '7 minutes'` }).where(eq(leads.id, quick.leadId));
    });
    await actAs(t.manager.email);
    const page = await callPage(AnalyticsPage as (props: unknown) => unknown, {}, {});
    expect(page.text).toMatch(/>3 h 05 min</);
    expect(page.text).toMatch(/>7 min</);
    expect(page.text).not.toMatch(/>185 min</);
  });
});
