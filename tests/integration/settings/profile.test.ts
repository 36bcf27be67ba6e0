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

// Next year's December: always ahead, never too far ahead to plan.
const next = new Date().getUTCFullYear() + 1;

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

  it("saves closed days and special hours with the weekly hours, and a later save of the form keeps them", async () => {
    const t = await createTestTenant();
    await actAs(t.manager.email);
    const rows = {
      exceptionsListed: "true",
      "exceptions.0.date": `${next}-12-25`, "exceptions.0.kind": "closed", "exceptions.0.label": "Eerste kerstdag",
      "exceptions.3.date": `${next}-12-24`, "exceptions.3.kind": "hours", "exceptions.3.open": "09:00", "exceptions.3.close": "16:00", "exceptions.3.label": "",
      // Added and left blank: no row.
      "exceptions.4.date": "", "exceptions.4.kind": "closed", "exceptions.4.label": "",
    };
    expect(await saveProfileAction(null, profileForm(t, { ...rows, satOpen: "09:30", satClose: "17:00" }))).toEqual({ ok: true });
    const stored = await storedHours(t.tenant.id);
    expect(stored).toMatchObject({ mon: [{ open: "09:00", close: "18:00" }], sat: [{ open: "09:30", close: "17:00" }], sun: [] });
    expect(stored.exceptions).toEqual([{ date: `${next}-12-24`, open: "09:00", close: "16:00" }, { date: `${next}-12-25`, closed: true, label: "Eerste kerstdag" }]);

    // The page lists them again; changing only the weekly hours keeps them.
    expect(await saveProfileAction(null, profileForm(t, { ...rows, satOpen: "10:00", satClose: "15:00" }))).toEqual({ ok: true });
    expect(await storedHours(t.tenant.id)).toMatchObject({ sat: [{ open: "10:00", close: "15:00" }], exceptions: stored.exceptions });

    // Every row removed: the list is empty, the weekly hours stay.
    expect(await saveProfileAction(null, profileForm(t, { exceptionsListed: "true" }))).toEqual({ ok: true });
    const cleared = await storedHours(t.tenant.id);
    expect(cleared.exceptions).toBeUndefined();
    expect(cleared.mon).toEqual([{ open: "09:00", close: "18:00" }]);
  });

  it("names each bad closed-day row and saves nothing", async () => {
    const t = await createTestTenant();
    const before = await storedHours(t.tenant.id);
    await actAs(t.manager.email);
    const r = await saveProfileAction(null, profileForm(t, {
      exceptionsListed: "true",
      "exceptions.0.date": `${next}-12-25`, "exceptions.0.kind": "closed",
      "exceptions.1.date": `${next}-12-25`, "exceptions.1.kind": "closed",
      "exceptions.2.date": "2020-01-01", "exceptions.2.kind": "closed",
      "exceptions.5.date": `${next}-12-31`, "exceptions.5.kind": "hours", "exceptions.5.open": "16:00", "exceptions.5.close": "09:00",
      "exceptions.6.date": "not a date", "exceptions.6.kind": "closed",
    }));
    expect(r).toEqual({
      ok: false, error: "Check the highlighted fields.",
      fieldErrors: {
        "exceptions.1.date": "This date is already in the list.",
        "exceptions.2.date": "This date has passed: remove the row.",
        "exceptions.5.close": "Closing time must be after opening time.",
        "exceptions.6.date": "Enter a real date.",
      },
    });
    expect(await storedHours(t.tenant.id)).toEqual(before);
  });
});
