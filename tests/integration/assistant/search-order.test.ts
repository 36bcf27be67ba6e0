import { describe, expect, it } from "vitest";
import { searchInventoryTool } from "@/lib/assistant/tools";
import type { Entities } from "@/lib/assistant/types";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock, demoLot } from "../../helpers/stock";

useTestDatabase();

// The demo lot with a mileage each, so an order by mileage has something to prove (the sold 208 has the fewest km).
const km: Record<string, number> = { Yaris: 45000, Picanto: 80000, Golf: 60000, Polo: 30000, "Model 3": 20000, "208": 5000 };
const lot = demoLot.map((v) => ({ ...v, mileageKm: km[v.model!] }));

async function searcher() {
  const t = await createTestTenant();
  await addStock(t.tenant.id, lot);
  return async (entities: Record<string, unknown>) => {
    const { vehicles } = await searchInventoryTool({ tenant: t.tenant, leadId: null, contactId: "", conversationId: "" }, entities as Entities, 3);
    return vehicles.map((v) => `${v.make} ${v.model}`);
  };
}

describe("the order of a stock search", () => {
  it("follows the order asked for, among the cars for sale", async () => {
    const search = await searcher();
    expect(await search({ order: "cheapest" })).toEqual(["Kia Picanto", "Volkswagen Polo", "Toyota Yaris"]);
    expect(await search({ order: "dearest" })).toEqual(["Tesla Model 3", "Volkswagen Golf", "Toyota Yaris"]);
    expect(await search({ order: "leastKm", transmission: "automatic" })).toEqual(["Tesla Model 3", "Toyota Yaris", "Kia Picanto"]);
    expect(await search({ order: "leastKm" })).toEqual(["Tesla Model 3", "Volkswagen Polo", "Toyota Yaris"]);
    // Without an order: within a budget the dearest first (the most car for it), else the newest.
    expect(await search({ maxPrice: 20000 })).toEqual(["Toyota Yaris", "Volkswagen Polo", "Kia Picanto"]);
    expect((await search({}))[0]).toMatch(/Toyota Yaris|Tesla Model 3/);
  });

  it("takes an order the model made up as no order, without failing", async () => {
    const search = await searcher();
    const unordered = await search({});
    const inBudget = await search({ maxPrice: 20000 });
    for (const junk of ["constructor", "toString", "__proto__", "hasOwnProperty", "random", 42, {}, null]) {
      expect(await search({ order: junk })).toEqual(unordered);
      expect(await search({ order: junk, maxPrice: 20000 })).toEqual(inBudget);
    }
  });
});

describe("a model not in stock", () => {
  it("is answered with the same model line first, then other models", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [
      { make: "Mitsubishi", model: "Pajero Sport", year: 2023, price: 45000 },
      { make: "Mitsubishi", model: "Xpander", year: 2021, price: 21000 },
    ]);
    const ctx = { tenant: t.tenant, leadId: null, contactId: "", conversationId: "" };
    const cross = await searchInventoryTool(ctx, { make: "Mitsubishi", model: "Xpander Cross" }, 3);
    expect(cross.relaxed).toBe("model");
    expect(cross.vehicles.map((v) => v.model)).toEqual(["Xpander"]);
    // A one-word model has no line: the make's other models.
    const outlander = await searchInventoryTool(ctx, { make: "Mitsubishi", model: "Outlander" }, 3);
    expect(outlander.vehicles.map((v) => v.model).sort()).toEqual(["Pajero Sport", "Xpander"]);
  });
});
