import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { vehicles } from "@/db/schema";
import { groundingStock } from "@/lib/assistant/context";
import { checkGrounding } from "@/lib/assistant/grounding";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";

useTestDatabase();

/** Many cars of makes no reply names: a reply must be checked without reading them. */
const filler = Array.from({ length: 40 }, (_, i) => ({ make: "Skoda", model: i % 2 ? "Octavia" : "Fabia", year: 2015 + (i % 8), price: 9000 + i * 250 }));

describe("grounding against the cars a reply names", () => {
  it("gives the same verdict as checking against the whole stock, reading only the cars named", async () => {
    const t = await createTestTenant();
    const lot = await addStock(t.tenant.id);
    await addStock(t.tenant.id, filler);
    const other = await createTestTenant();
    const [porsche] = await addStock(other.tenant.id, [{ make: "Porsche", model: "911", price: 80000 }]);
    const offered = ["available", "reserved"] as const;
    const { stock, models } = await withTenant(t.tenant.id, async (tx) => ({
      stock: await tx.select({ code: vehicles.code, make: vehicles.make, model: vehicles.model, year: vehicles.year, price: vehicles.price }).from(vehicles)
        .where(and(eq(vehicles.tenantId, t.tenant.id), inArray(vehicles.status, [...offered]))),
      models: await tx.selectDistinct({ make: vehicles.make, model: vehicles.model }).from(vehicles)
        .where(and(eq(vehicles.tenantId, t.tenant.id), inArray(vehicles.status, [...offered]))),
    }));
    const [yaris, picanto, golf, , , sold208] = lot;
    const replies = [
      `*${yaris.code}* Toyota Yaris · 2021 · *€ 18.950*\n*${picanto.code}* Kia Picanto · 2019 · *€ 11.950*`,
      `*${yaris.code}* Toyota Yaris · 2021 · *€ 17.500*`,
      `De ${golf.code} kost 21.950 euro.`,
      "The Kia Picanto costs €18,950.",
      "We also have a Toyota Corolla from 2020.",
      "Including a Porsche 911 at €80.000",
      `Kijk eens naar de *${porsche.code}*!`,
      `De *${sold208.code}* Peugeot 208 voor € 19.950`,
      "Toyota is reliable, and the Yaris from 2021 is € 18.950.",
      "Volkswagen Golf\n€ 21.950",
      "Een Skoda Octavia voor € 9.250? Of iets anders voor € 12.950.",
      "Hallo! Waarmee kan ik u helpen?",
      "Iets groters?\nWe hebben er een voor € 32.950, en een voor € 99.999.",
      `Bekijk hem hier: https://bench.example/cars/toyota-yaris-1796209462190 of bel 0031201234567 (€ 18.950, #${yaris.code.slice(1)})`,
    ];
    for (const text of replies) {
      const named = await withTenant(t.tenant.id, (tx) => groundingStock(tx, t.tenant.id, text, models));
      const subset = checkGrounding(text, { stock: named, knownModels: models, currency: "EUR", locale: "nl-NL" });
      expect(subset, text).toEqual(checkGrounding(text, { stock, currency: "EUR", locale: "nl-NL" }));
      expect(named.length, text).toBeLessThan(stock.length);
      expect(named.every((v) => stock.some((s) => s.code === v.code)), text).toBe(true);
    }
    // A code from another dealer or a sold car is not in stock, however it is written.
    expect(checkGrounding(replies[6], { stock: [], knownModels: models, currency: "EUR", locale: "nl-NL" }).violations).toEqual([{ kind: "unknown_code", text: porsche.code }]);
  });
});
