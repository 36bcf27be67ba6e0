import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { saveProfileAction } from "@/app/(dashboard)/settings/actions";
import { withTenant } from "@/db/tenant";
import { tenants, type BusinessHoursJson } from "@/db/schema";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { actAs } from "../security/sweep/call";

// The action reads the session cookie through next/headers; actAs signs in for real and supplies it.
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);

useTestDatabase();

type Tenant = Awaited<ReturnType<typeof createTestTenant>>;

/** The profile form as the settings page fills it for this dealership, with `changes` typed over it. */
function profileForm(t: Tenant, changes: Record<string, string>) {
  const f = new FormData();
  const week = Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].flatMap((d) => [[`${d}Open`, "09:00"], [`${d}Close`, "18:00"]]));
  const fields = {
    name: t.tenant.name, phone: "", street: "Hoofdstraat 1", city: "Utrecht", postalCode: "3511 AA", locale: "nl-NL", currency: "EUR",
    timeZone: "Europe/Amsterdam", primaryColor: "#0b4f8a", ...week, satOpen: "10:00", satClose: "16:00", sunOpen: "", sunClose: "", ...changes,
  };
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

const storedHours = async (tenantId: string) =>
  (await withTenant(tenantId, (tx) => tx.select({ hours: tenants.businessHours }).from(tenants).where(eq(tenants.id, tenantId))))[0].hours;

describe("dealership profile", () => {
  it("refuses a day that closes before it opens, or has only an opening time, and saves nothing", async () => {
    const t = await createTestTenant();
    const before = await storedHours(t.tenant.id);
    await actAs(t.manager.email);
    const r = await saveProfileAction(null, profileForm(t, { satOpen: "17:00", satClose: "09:30", sunOpen: "10:00", sunClose: "", city: "Amersfoort" }));
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: { satClose: "Closing time must be after opening time.", sunClose: "Fill in both times, or neither when closed." },
    });
    expect(await storedHours(t.tenant.id)).toEqual(before);
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select({ address: tenants.address }).from(tenants).where(eq(tenants.id, t.tenant.id)));
    expect(row.address?.city).not.toBe("Amersfoort");
  });

  it("saves valid hours, a day left empty as closed, and keeps the dealer's exceptions", async () => {
    const t = await createTestTenant();
    const exceptions = [{ date: "2026-12-25", closed: true }];
    await withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ businessHours: { ...t.tenant.businessHours, exceptions } as BusinessHoursJson }).where(eq(tenants.id, t.tenant.id)));
    await actAs(t.manager.email);
    expect(await saveProfileAction(null, profileForm(t, { satOpen: "09:30", satClose: "17:00", sunOpen: "11:00", sunClose: "15:00", friOpen: "", friClose: "" }))).toEqual({ ok: true });
    expect(await storedHours(t.tenant.id)).toMatchObject({
      mon: [{ open: "09:00", close: "18:00" }], fri: [], sat: [{ open: "09:30", close: "17:00" }], sun: [{ open: "11:00", close: "15:00" }], exceptions,
    });
  });
});
