import type { BusinessHoursJson, VehicleImage } from "@/db/schema";
import { absoluteImageUrl } from "./images";
import { carName } from "./whatsapp";

type PublicCar = {
  code: string; slug: string; make: string; model: string; variant: string | null; year: number; mileageKm: number; price: number; currency: string;
  fuel: string; transmission: string; body: string; color: string | null; doors: number | null; seats: number | null; powerHp: number | null;
  description: string | null; images: VehicleImage[]; status: string;
};
type Dealer = { name: string; phone: string | null; address: { street?: string; city?: string; postalCode?: string; country?: string } | null; geo: { lat: number; lng: number } | null; businessHours: BusinessHoursJson };

const fuelType: Record<string, string> = { petrol: "Gasoline", diesel: "Diesel", hybrid: "Hybrid", electric: "Electric", lpg: "LPG", other: "Other" };
const schemaDays: Record<string, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

function postalAddress(a: Dealer["address"]) {
  if (!a) return undefined;
  return { "@type": "PostalAddress", streetAddress: a.street, addressLocality: a.city, postalCode: a.postalCode, addressCountry: a.country };
}

/** schema.org AutoDealer for the dealership. */
export function dealerJsonLd(d: Dealer, origin: string) {
  const hours = Object.entries(d.businessHours)
    .filter(([day]) => day in schemaDays)
    .flatMap(([day, spans]) => (spans as { open: string; close: string }[]).map((s) => ({ "@type": "OpeningHoursSpecification", dayOfWeek: schemaDays[day], opens: s.open, closes: s.close })));
  return {
    "@context": "https://schema.org", "@type": "AutoDealer", "@id": `${origin}/#dealer`, name: d.name, url: `${origin}/`,
    telephone: d.phone ?? undefined, address: postalAddress(d.address),
    geo: d.geo ? { "@type": "GeoCoordinates", latitude: d.geo.lat, longitude: d.geo.lng } : undefined,
    openingHoursSpecification: hours.length ? hours : undefined,
  };
}

/** schema.org Car with its Offer; a reserved car is offered with limited availability. */
export function carJsonLd(v: PublicCar, origin: string, dealerName: string) {
  const url = `${origin}/cars/${v.slug}`;
  return {
    "@context": "https://schema.org", "@type": "Car", "@id": url, url, name: carName(v), sku: v.code,
    brand: { "@type": "Brand", name: v.make }, model: v.model, vehicleConfiguration: v.variant ?? undefined,
    vehicleModelDate: String(v.year), bodyType: v.body, color: v.color ?? undefined, fuelType: fuelType[v.fuel] ?? v.fuel,
    vehicleTransmission: v.transmission === "automatic" ? "Automatic" : "Manual",
    mileageFromOdometer: { "@type": "QuantitativeValue", value: v.mileageKm, unitCode: "KMT" },
    numberOfDoors: v.doors ?? undefined, seatingCapacity: v.seats ?? undefined,
    vehicleEngine: v.powerHp ? { "@type": "EngineSpecification", enginePower: { "@type": "QuantitativeValue", value: v.powerHp, unitCode: "BHP" } } : undefined,
    description: v.description ?? undefined, image: v.images.map((i) => absoluteImageUrl(origin, i)),
    itemCondition: "https://schema.org/UsedCondition",
    offers: {
      "@type": "Offer", price: v.price, priceCurrency: v.currency, url, itemCondition: "https://schema.org/UsedCondition",
      availability: v.status === "reserved" ? "https://schema.org/LimitedAvailability" : "https://schema.org/InStock",
      seller: { "@type": "AutoDealer", "@id": `${origin}/#dealer`, name: dealerName },
    },
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so a description can never close the script element. */
export const jsonLdScript = (data: unknown) => JSON.stringify(data).replace(/</g, "\\u003c");
