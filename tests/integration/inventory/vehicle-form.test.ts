import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { vehicleEvents, vehicles } from "@/db/schema";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { actAs, callAction, callPage } from "../security/sweep/call";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { saveVehicleAction, setStatusAction } = await import("@/app/(dashboard)/inventory/actions");
const { default: InventoryPage } = await import("@/app/(dashboard)/inventory/page");
const { default: VehiclePage } = await import("@/app/(dashboard)/inventory/[id]/page");
type Page = (props: unknown) => unknown;

useTestDatabase();

const form = (fields: Record<string, string>) => { const f = new FormData(); for (const [k, v] of Object.entries(fields)) f.set(k, v); return f; };
type Vehicle = typeof vehicles.$inferSelect;
const carNow = async (tenantId: string, id: string) => (await withTenant(tenantId, (tx) => tx.select().from(vehicles).where(eq(vehicles.id, id))))[0];

/** Every hidden input and selected option of the rendered edit form: what the browser posts when nothing is touched. */
function renderedFormFields(html: string) {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[m[1]] = m[2];
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected=""/.exec(m[2]);
    if (selected) fields[m[1]] = selected[1];
  }
  return fields;
}
const typedFields = (v: Vehicle) => ({ make: v.make, model: v.model, year: String(v.year), mileageKm: String(v.mileageKm), price: String(v.price) });

describe("vehicle edit form", () => {
  it("saving a form opened before “Mark reserved” keeps the car reserved", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{ status: "available" }]);
    await actAs(t.manager.email);
    const page = await callPage(VehiclePage as Page, { id: car.id });
    expect(page.how).toBe("rendered");
    const loaded = renderedFormFields(page.text);
    expect(loaded).toMatchObject({ id: car.id, status: "available" });

    await setStatusAction(form({ id: car.id, status: "reserved" }));
    const saved = await saveVehicleAction(null, form({ ...loaded, ...typedFields(car), description: "Eerste eigenaar, dealeronderhouden." }));
    expect(saved).toEqual({ ok: true });

    const after = await carNow(t.tenant.id, car.id);
    expect(after).toMatchObject({ status: "reserved", description: "Eerste eigenaar, dealeronderhouden." });
    const statusEvents = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicleEvents).where(eq(vehicleEvents.type, "status_changed")));
    expect(statusEvents.map((e) => `${e.old?.status} → ${e.new?.status}`)).toEqual(["available → reserved"]);
  });

  it("a status picked in the form's own select is saved, even over one set meanwhile", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{ status: "available" }]);
    await actAs(t.manager.email);
    const loaded = renderedFormFields((await callPage(VehiclePage as Page, { id: car.id })).text);
    await setStatusAction(form({ id: car.id, status: "reserved" }));
    expect(await saveVehicleAction(null, form({ ...loaded, ...typedFields(car), status: "sold" }))).toEqual({ ok: true });
    expect((await carNow(t.tenant.id, car.id)).status).toBe("sold");

    // Freshly opened after that, the form shows the car as sold and saving it keeps it sold.
    const reopened = renderedFormFields((await callPage(VehiclePage as Page, { id: car.id })).text);
    expect(reopened.status).toBe("sold");
    expect(await saveVehicleAction(null, form({ ...reopened, ...typedFields(car), price: "17.500" }))).toEqual({ ok: true });
    expect(await carNow(t.tenant.id, car.id)).toMatchObject({ status: "sold", price: 17500 });
  });

  it("saves prices and mileages typed with thousand separators at their full amount", async () => {
    const t = await createTestTenant({ locale: "id-ID", currency: "IDR" });
    const [car] = await addStock(t.tenant.id, [{ price: 100_000_000, currency: "IDR" }]);
    await actAs(t.manager.email);
    const loaded = renderedFormFields((await callPage(VehiclePage as Page, { id: car.id })).text);
    expect(await saveVehicleAction(null, form({ ...loaded, ...typedFields(car), price: "150.000.000", mileageKm: "85.000" }))).toEqual({ ok: true });
    expect(await carNow(t.tenant.id, car.id)).toMatchObject({ price: 150_000_000, mileageKm: 85_000 });

    const r = await saveVehicleAction(null, form({ ...loaded, ...typedFields(car), price: "14,5" }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { price: expect.stringMatching(/whole/i) } });
    expect((await carNow(t.tenant.id, car.id)).price).toBe(150_000_000);
  });
});

describe("inventory search", () => {
  it("a search longer than the box allows, or given twice, lists cars instead of failing", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [{ make: "Kia", model: "Picanto" }, { make: "Toyota", model: "Yaris" }]);
    await actAs(t.manager.email);
    const long = await callPage(InventoryPage as Page, {}, { q: `Kia ${"x".repeat(100)}` });
    expect(long.how).toBe("rendered");
    expect(long.text).toContain('maxLength="80"');
    const twice = await callPage(InventoryPage as Page, {}, { q: ["Yaris", "Kia"] } as never);
    expect(twice.how).toBe("rendered");
    expect(twice.text).toContain("Yaris");
    expect(twice.text).not.toContain("Picanto");
  });
});
