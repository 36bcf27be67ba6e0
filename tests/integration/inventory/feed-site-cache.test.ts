import { describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant";
import { inventoryImports } from "@/db/schema";
import { cachedForTenant, invalidateCatalog } from "@/lib/catalog/cache";
import { applyFeed } from "@/lib/inventory/sync";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const car = (price: number) => ({
  external_id: "F1", make: "Toyota", model: "Corolla", year: 2021, mileage_km: 42000, price, fuel: "hybrid", transmission: "automatic", body: "estate",
});

describe("a feed and the dealer site's cache", () => {
  it("a feed that changes no car keeps the site's cached reads; one that changes a car clears them", async () => {
    const t = await createTestTenant();
    const tenantId = t.tenant.id;
    const apply = async (price: number) => {
      const [imp] = await withTenant(tenantId, (tx) => tx.insert(inventoryImports).values({ tenantId, source: "feed" }).returning());
      return applyFeed(tenantId, imp.id, [{ rowNumber: 1, raw: car(price) }], "snapshot", "EUR");
    };
    let loads = 0;
    const read = () => cachedForTenant(tenantId, "facets", async () => "stamp", async () => ++loads);
    expect((await apply(21950)).counts.created).toBe(1);
    expect(await read()).toBe(1);

    expect((await apply(21950)).counts.unchanged).toBe(1);
    expect(await read()).toBe(1);

    expect((await apply(20950)).counts.updated).toBe(1);
    expect(await read()).toBe(2);
    invalidateCatalog(tenantId);
  });
});
