import { withTenant } from "@/db/tenant";
import { createVehicle, type VehicleInput } from "@/lib/inventory/vehicles";

const base: VehicleInput = {
  make: "Volkswagen", model: "Golf", variant: "1.5 TSI", year: 2020, mileageKm: 60000, price: 21950, currency: "EUR",
  fuel: "petrol", transmission: "manual", body: "hatchback", color: "grey", status: "available", source: "manual",
};

/** A small, known lot: automatic and manual, cheap and dear, so filters have something to prove. */
export const demoLot: Partial<VehicleInput>[] = [
  { make: "Toyota", model: "Yaris", year: 2021, price: 18950, transmission: "automatic", fuel: "hybrid", plate: "K-123-AB", costPrice: 15000 },
  { make: "Kia", model: "Picanto", year: 2019, price: 11950, transmission: "automatic", fuel: "petrol", plate: "J-456-CD", costPrice: 9000 },
  { make: "Volkswagen", model: "Golf", year: 2020, price: 21950, transmission: "manual", plate: "G-789-EF", costPrice: 18000 },
  { make: "Volkswagen", model: "Polo", year: 2018, price: 12950, transmission: "manual", plate: "H-111-GH", costPrice: 10000 },
  { make: "Tesla", model: "Model 3", year: 2021, price: 32950, transmission: "automatic", fuel: "electric", body: "sedan", plate: "L-222-JK", costPrice: 29000 },
  { make: "Peugeot", model: "208", year: 2022, price: 19950, transmission: "automatic", plate: "N-333-LM", costPrice: 17000, status: "sold" },
];

export async function addStock(tenantId: string, lot: Partial<VehicleInput>[] = demoLot) {
  return withTenant(tenantId, async (tx) => {
    const out = [];
    for (const v of lot) out.push(await createVehicle(tx, tenantId, { ...base, ...v } as VehicleInput, { source: "manual" }));
    return out;
  });
}
