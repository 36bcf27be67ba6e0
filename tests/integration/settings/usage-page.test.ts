import { afterEach, describe, expect, it, vi } from "vitest";
import { withTenant } from "@/db/tenant";
import { tenants } from "@/db/schema";
import { eq } from "drizzle-orm";
import { ASSISTANT_REPLIES_METRIC, getPlanUsage } from "@/lib/plans";
import { addUsages } from "@/lib/usage";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { actAs, callPage } from "../security/sweep/call";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { default: UsagePage } = await import("@/app/(dashboard)/settings/usage/page");
const { quotaAlerts, quotaSentence } = await import("@/app/(dashboard)/settings/usage/quota-banner");

useTestDatabase();
afterEach(() => vi.useRealTimers());

/** A dealer in `locale` on 10 December 2026 with replies this month and last, and Claude's tokens this month. */
async function usagePage(locale: string) {
  const t = await createTestTenant({ locale });
  await withTenant(t.tenant.id, async (tx) => {
    await addUsages(tx, t.tenant.id, { [ASSISTANT_REPLIES_METRIC]: 120, model_input_tokens: 150_000, model_output_tokens: 150_000, model_cache_read_tokens: 1_600_000 }, new Date("2026-12-05T12:00:00Z"));
    await addUsages(tx, t.tenant.id, { [ASSISTANT_REPLIES_METRIC]: 310 }, new Date("2026-11-20T12:00:00Z"));
  });
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-10T12:00:00Z") });
  await actAs(t.owner.email);
  const page = await callPage(UsagePage as (props: unknown) => unknown, {}, {});
  expect(page.refused).toBe(false);
  return page.text;
}

describe("usage page", () => {
  it("names the months, the token counts and the plans' limits in the dealer's locale", async () => {
    const html = await usagePage("nl-NL");
    expect(html).toMatch(/plan · (<!-- -->)?december 2026<\/h2>/);
    expect(html).toContain("Claude this month: 1,8 mln. tokens read");
    expect(html).toMatch(/>nov<\/t[hd]>/);
    expect(html).toMatch(/>3\.000(<!-- -->)? assistant replies \/ month/);
    expect(html).toMatch(/>20\.000(<!-- -->)? assistant replies \/ month/);
    expect(html).not.toMatch(/December|Dec<|1\.8M|3,000/);
  });

  it("for a Norwegian dealer too", async () => {
    const html = await usagePage("nb-NO");
    expect(html).toMatch(/plan · (<!-- -->)?desember 2026<\/h2>/);
    expect(html).toContain("Claude this month: 1,8 mill. tokens read");
    expect(html).toMatch(/>20 000(<!-- -->)? assistant replies \/ month/);
  });

  it("warns of a limit near with its figures in the dealer's locale, once: the dashboard's banner, not the page again", async () => {
    const t = await createTestTenant({ locale: "nl-NL" });
    await withTenant(t.tenant.id, async (tx) => {
      await tx.update(tenants).set({ limits: { assistantRepliesPerMonth: 3_000 } }).where(eq(tenants.id, t.tenant.id));
      await addUsages(tx, t.tenant.id, { [ASSISTANT_REPLIES_METRIC]: 2_400 }, new Date());
    });
    const [alert] = quotaAlerts(await getPlanUsage(t.tenant.id));
    expect(quotaSentence(alert, "nl-NL")).toBe("2.400 of 3.000 assistant replies this month used (80%).");
    expect(quotaSentence(alert, "nb-NO")).toBe("2 400 of 3 000 assistant replies this month used (80 %).");
    await actAs(t.owner.email);
    const page = await callPage(UsagePage as (props: unknown) => unknown, {}, {});
    expect(page.text).not.toContain("See usage and plan");
  });
});
