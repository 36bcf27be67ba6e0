import { describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant";
import { countFacets, searchListingWithFacets } from "@/lib/inventory/facets";
import { searchListing, type VehicleFilters } from "@/lib/inventory/search";
import { addStock } from "../../helpers/stock";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const lot = [
  { make: "Volkswagen", model: "Golf", fuel: "diesel", body: "hatchback", transmission: "manual" },
  { make: "Volkswagen", model: "Golf", fuel: "petrol", body: "hatchback", transmission: "automatic" },
  { make: "Volkswagen", model: "Passat", fuel: "diesel", body: "estate", transmission: "automatic" },
  { make: "Toyota", model: "Yaris", fuel: "hybrid", body: "hatchback", transmission: "automatic" },
  { make: "Toyota", model: "RAV4", fuel: "hybrid", body: "suv", transmission: "automatic" },
  { make: "Skoda", model: "Octavia", fuel: "diesel", body: "estate", transmission: "manual" },
  { make: "Skoda", model: "Octavia", fuel: "diesel", body: "estate", transmission: "manual", status: "sold" as const },
];

describe("dealer site facet counts", () => {
  it("counts each facet's options under the other filters, never its own", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, lot);
    const other = await createTestTenant();
    await addStock(other.tenant.id, lot);
    const facets = (f: VehicleFilters) => withTenant(t.tenant.id, (tx) => countFacets(tx, t.tenant.id, f));

    expect(await facets({})).toEqual({
      makes: [{ value: "Skoda", count: 1 }, { value: "Toyota", count: 2 }, { value: "Volkswagen", count: 3 }],
      models: [],
      fuels: [{ value: "diesel", count: 3 }, { value: "hybrid", count: 2 }, { value: "petrol", count: 1 }],
      bodies: [{ value: "estate", count: 2 }, { value: "hatchback", count: 3 }, { value: "suv", count: 1 }],
    });
    // Diesel chosen: the makes count their diesels, the fuels still offer every fuel (with the other filters: none).
    const diesel = await facets({ fuel: "diesel" });
    expect(diesel.makes).toEqual([{ value: "Skoda", count: 1 }, { value: "Volkswagen", count: 2 }]);
    expect(diesel.fuels).toEqual([{ value: "diesel", count: 3 }, { value: "hybrid", count: 2 }, { value: "petrol", count: 1 }]);
    expect(diesel.bodies).toEqual([{ value: "estate", count: 2 }, { value: "hatchback", count: 1 }]);
    // A make with a model: makes are counted without the model, models within the make; filters without counts apply to all.
    const golf = await facets({ make: "volkswagen", model: "Golf", transmission: "automatic" });
    expect(golf.makes).toEqual([{ value: "Toyota", count: 2 }, { value: "Volkswagen", count: 2 }]);
    expect(golf.models).toEqual([{ value: "Golf", count: 1 }, { value: "Passat", count: 1 }]);
    expect(golf.fuels).toEqual([{ value: "petrol", count: 1 }]);
    expect(golf.bodies).toEqual([{ value: "hatchback", count: 1 }]);
    expect((await facets({ q: "octavia" })).makes).toEqual([{ value: "Skoda", count: 1 }]);
  });

  it("reads a listing page, its total and its counts in one statement, as the search and the counts apart would", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, lot);
    const other = await createTestTenant();
    await addStock(other.tenant.id, lot);
    const both = (f: VehicleFilters) => withTenant(t.tenant.id, (tx) => searchListingWithFacets(tx, t.tenant.id, f));
    const apart = (f: VehicleFilters) => withTenant(t.tenant.id, async (tx) => {
      const { limit, offset, sort, ...filters } = f;
      return { ...(await searchListing(tx, t.tenant.id, f)), facets: await countFacets(tx, t.tenant.id, filters) };
    });
    for (const f of [
      {}, { fuel: "diesel" }, { make: "volkswagen", model: "Golf", transmission: "automatic" }, { q: "octavia" }, { body: "estate", maxPrice: 99_999, sort: "price_asc" as const },
      { fuel: "diesel", limit: 2, offset: 2 }, { fuel: "diesel", limit: 2, offset: 4 }, { make: "Tesla" }, { q: "golf", fuel: "hybrid" },
    ]) {
      const one = await both(f);
      expect(one, JSON.stringify(f)).toEqual(await apart(f));
    }
    const page = await both({ fuel: "diesel", limit: 2, offset: 2 });
    expect([page.vehicles.length, page.total]).toEqual([1, 3]);
    expect(page.facets.makes).toEqual([{ value: "Skoda", count: 1 }, { value: "Volkswagen", count: 2 }]);
  });
});
