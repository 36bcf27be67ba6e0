import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { vehicles } from "@/db/schema";
import { searchVehicles, type VehicleFilters } from "@/lib/inventory/search";
import { addStock } from "../../helpers/stock";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const golfs = Array.from({ length: 5 }, (_, i) => ({ make: "Volkswagen", model: "Golf", year: 2015 + i, price: 15000 + i * 1000 }));

describe("inventory search: the page and its total", () => {
  it("gives the same cars and total for a text search as for the same filters without text, on every page", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [...golfs, { make: "Kia", model: "Picanto" }, { make: "Volkswagen", model: "Golf", status: "sold" }]);
    const other = await createTestTenant();
    await addStock(other.tenant.id, golfs);
    const search = (f: VehicleFilters) => withTenant(t.tenant.id, (tx) => searchVehicles(tx, t.tenant.id, { sort: "price_asc", ...f }));
    const ids = (r: { vehicles: { id: string }[] }) => r.vehicles.map((v) => v.id);

    const all = await search({ model: "Golf" });
    expect(all.total).toBe(5);
    for (const [offset, count] of [[0, 2], [2, 2], [4, 1]] as const) {
      const text = await search({ q: "golf", limit: 2, offset });
      expect(text.total).toBe(5);
      expect(ids(text)).toEqual(ids(all).slice(offset, offset + count));
    }
    // Past the last match: no car to carry the total, which is still told.
    expect(await search({ q: "golf", limit: 2, offset: 10 })).toEqual({ vehicles: [], total: 5 });
    expect(await search({ q: "golf", maxPrice: 16000 })).toMatchObject({ total: 2 });
    expect(await search({ q: "no such car anywhere" })).toEqual({ vehicles: [], total: 0 });
  });
});

describe("inventory search: equipment", () => {
  it("finds a kind of equipment however the listing spells it, a dealer's own word as written, and only the tenant's cars", async () => {
    const t = await createTestTenant();
    const [estate, hatch, german, , superb] = await addStock(t.tenant.id, [
      { make: "Skoda", model: "Octavia", features: ["Trekhaak (afneembaar)", "Navigatiesysteem"] },
      { make: "Volkswagen", model: "Golf", features: ["Stoelverwarming voor", "Pack Comfort"] },
      { make: "Audi", model: "A4", features: ["Sitzheizung", "Alu-Felgen"] },
      { make: "Kia", model: "Picanto", features: [] },
      { make: "Skoda", model: "Superb", variant: "2.0 TDI 4x4 Style", features: [] },
    ]);
    const other = await createTestTenant();
    await addStock(other.tenant.id, [{ make: "Volvo", model: "V60", features: ["Trekhaak"] }]);
    const codes = async (features: string[]) =>
      (await withTenant(t.tenant.id, (tx) => searchVehicles(tx, t.tenant.id, { features, sort: "price_asc" }))).vehicles.map((v) => v.code).sort();

    expect(await codes(["towbar"])).toEqual([estate.code]);
    // The variant names equipment too.
    expect(await codes(["allWheelDrive"])).toEqual([superb.code]);
    expect(await codes(["heatedSeats"])).toEqual([hatch.code, german.code].sort());
    expect(await codes(["heatedSeats", "alloyWheels"])).toEqual([german.code]);
    // "AC" is a whole word: "Pack Comfort" has none.
    expect(await codes(["climate"])).toEqual([]);
    // A word no kind knows is looked for as written, its % no wildcard.
    expect(await codes(["pack comfort"])).toEqual([hatch.code]);
    expect(await codes(["100%"])).toEqual([]);
  });
});

describe("inventory search: a model by its name", () => {
  it("finds a model a shopper names as whole words of the stock's model or the start of a variant; the catalog's only as it is", async () => {
    const t = await createTestTenant();
    const [octavia, innova, niro] = await addStock(t.tenant.id, [
      { make: "Skoda", model: "Octavia Combi" },
      { make: "Toyota", model: "Kijang Innova" },
      { make: "Kia", model: "Niro", variant: "e-Niro 64 kWh" },
      { make: "Volkswagen", model: "Golf" },
    ]);
    const codes = async (model: string, modelAsNamed = true) =>
      (await withTenant(t.tenant.id, (tx) => searchVehicles(tx, t.tenant.id, { model, modelAsNamed }))).vehicles.map((v) => v.code);
    expect(await codes("Octavia")).toEqual([octavia.code]);
    expect(await codes("innova")).toEqual([innova.code]);
    expect(await codes("e-Niro")).toEqual([niro.code]);
    expect(await codes("Gol")).toEqual([]);
    expect(await codes("Golf%")).toEqual([]);
    // The catalog's model filter is the stock's own model.
    expect(await codes("Octavia", false)).toEqual([]);
    expect(await codes("octavia combi", false)).toEqual([octavia.code]);
    // Any of several makes.
    const ofMakes = await withTenant(t.tenant.id, (tx) => searchVehicles(tx, t.tenant.id, { makes: ["skoda", "Kia"] }));
    expect(ofMakes.vehicles.map((v) => v.code).sort()).toEqual([octavia.code, niro.code].sort());
  });
});

describe("inventory search: newest first", () => {
  it("places a draft by when it was added, not above every published car", async () => {
    const t = await createTestTenant();
    const [draft] = await addStock(t.tenant.id, [{ make: "Kia", model: "Picanto", status: "draft" }, ...golfs.slice(0, 2)]);
    await withTenant(t.tenant.id, (tx) => tx.update(vehicles).set({ createdAt: new Date(Date.now() - 86_400_000) }).where(eq(vehicles.id, draft.id)));
    const { vehicles: found } = await withTenant(t.tenant.id, (tx) => searchVehicles(tx, t.tenant.id, { statuses: ["available", "draft"] }));
    expect(found.map((v) => v.id).at(-1)).toBe(draft.id);
    expect(found).toHaveLength(3);
  });
});
