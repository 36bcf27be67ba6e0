import type { CarFacts, MarketSpec, ModelRow } from "./market";
import { wonPlanRows } from "./plan";
import { createRandom, type Random } from "./random";
import type { DemoVehicle, VehicleStatus } from "./types";

export const VEHICLES_PER_TENANT = 48;

const priceRange: Record<DemoVehicle["currency"], [number, number]> = {
  EUR: [4_950, 79_950],
  NOK: [79_900, 599_900],
  IDR: [90_000_000, 650_000_000],
};

// Fixed positions keep the lot's mix stable: three sold (one per won lead), four reserved, two drafts just entered.
const soldAt = [5, 19, 33];
const reservedAt = [9, 23, 37, 41];
const draftAt = [46, 47];

function statusOf(index: number): VehicleStatus {
  if (soldAt.includes(index)) return "sold";
  if (reservedAt.includes(index)) return "reserved";
  if (draftAt.includes(index)) return "draft";
  return "available";
}

function chooseYear(r: Random, m: ModelRow, spec: MarketSpec, thisYear: number): number {
  const [minAge, maxAge] = spec.pricing.ages;
  const year = thisYear - r.int(minAge, maxAge);
  return Math.min(Math.max(year, m.since), m.until ?? thisYear - 1, thisYear - 1);
}

/** What a dealer would ask: depreciation by age, adjusted for mileage against the market's yearly average. */
function askingPrice(r: Random, spec: MarketSpec, newPrice: number, age: number, mileageKm: number, currency: DemoVehicle["currency"]): number {
  const { firstYearRetention, yearlyRetention, kmPerYear, round } = spec.pricing;
  const expectedKm = age * kmPerYear;
  const mileageFactor = Math.min(1.1, Math.max(0.88, 1 - (0.3 * (mileageKm - expectedKm)) / expectedKm));
  const raw = newPrice * firstYearRetention * yearlyRetention ** (age - 1) * mileageFactor * r.between(0.96, 1.04);
  const [min, max] = priceRange[currency];
  return Math.min(max, Math.max(min, round(raw)));
}

function pickFeatures(r: Random, spec: MarketSpec, car: CarFacts): string[] {
  const pool = spec.features.filter(([, applies]) => !applies || applies(car)).map(([label]) => label);
  const chosen = new Set(r.shuffle(pool).slice(0, r.int(5, 10)));
  return pool.filter((label) => chosen.has(label));
}

function createdDaysAgoOf(r: Random, index: number, status: VehicleStatus): number {
  if (status === "sold") return wonPlanRows[soldAt.indexOf(index)].daysAgo + r.int(10, 35);
  if (status === "reserved") return r.int(30, 90);
  if (status === "draft") return r.int(0, 2);
  return r.chance(0.3) ? r.int(61, 150) : r.int(3, 60);
}

export function buildVehicles(spec: MarketSpec, now: Date): DemoVehicle[] {
  const r = createRandom(`${spec.tenant.slug}:vehicles`);
  const { currency, country } = spec.tenant;
  const thisYear = now.getUTCFullYear();
  const order = r.shuffle(spec.models);
  const plates = new Set<string>();

  return Array.from({ length: VEHICLES_PER_TENANT }, (_, i) => {
    const m = order[i % order.length];
    const trim = r.pick(m.trims);
    const year = chooseYear(r, m, spec, thisYear);
    const age = Math.max(1, thisYear - year);
    const mileageKm = Math.round(age * spec.pricing.kmPerYear * r.between(0.55, 1.35)) + r.int(0, 999);
    const color = m.body === "van" ? "white" : r.pick(spec.colors);
    const facts: CarFacts = { make: m.make, model: m.model, variant: trim.variant, year, mileageKm, fuel: trim.fuel, transmission: trim.transmission, body: m.body, color, seats: m.seats };
    const price = askingPrice(r, spec, trim.newPrice, age, mileageKm, currency);
    const status = statusOf(i);
    const createdDaysAgo = createdDaysAgoOf(r, i, status);

    let plate = spec.plate(r, facts);
    while (plates.has(plate)) plate = spec.plate(r, facts);
    plates.add(plate);

    const vehicle: DemoVehicle = {
      externalId: `dms-${country.toLowerCase()}-${2001 + i}`,
      plate,
      stockCode: `${spec.stockPrefix}-${1040 + i}`,
      ...facts,
      price,
      costPrice: spec.pricing.roundCost(price * r.between(0.82, 0.9)),
      currency,
      doors: m.doors,
      powerHp: trim.powerHp,
      description: spec.describe(facts, r),
      features: pickFeatures(r, spec, facts),
      status,
      createdDaysAgo,
    };
    if (status === "sold") vehicle.soldDaysAgo = wonPlanRows[soldAt.indexOf(i)].closedDaysAgo;
    if (status === "available" && createdDaysAgo > 30 && i % 5 === 2) {
      const earlier = spec.pricing.round(price * r.between(1.04, 1.08));
      if (earlier > price) vehicle.priceHistory = [{ price: earlier, daysAgo: r.int(3, 25) }];
    }
    return vehicle;
  });
}
