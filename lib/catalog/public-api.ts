import type { ListedVehicle } from "./data";
import { absoluteImageUrl } from "./images";

/** The only shape a vehicle leaves the public API in (CONTRACTS §4): no plate, stock code, cost price or anything internal. */
export function publicVehicle(v: ListedVehicle, origin: string) {
  return {
    code: v.code, slug: v.slug, make: v.make, model: v.model, variant: v.variant, year: v.year, mileageKm: v.mileageKm, price: v.price, currency: v.currency,
    fuel: v.fuel, transmission: v.transmission, body: v.body, color: v.color, status: v.status, url: `${origin}/cars/${v.slug}`,
    images: v.images.map((img) => absoluteImageUrl(origin, img)),
  };
}

export const publicApiHeaders = { "Cache-Control": "public, max-age=30, stale-while-revalidate=60", "Access-Control-Allow-Origin": "*" };
