import type { BusinessHoursJson } from "@/db/schema";

export type Fuel = "petrol" | "diesel" | "hybrid" | "electric" | "lpg" | "other";
export type Body = "hatchback" | "sedan" | "estate" | "suv" | "mpv" | "coupe" | "convertible" | "van" | "pickup" | "other";

export type ModelSpec = {
  make: string;
  model: string;
  variants: string[];
  body: Body;
  fuels: Fuel[];
  automaticShare: number;
  // price of a one-year-old car in the market's currency; older and higher-mileage cars cost less
  basePrice: number;
  powerHp: number;
  seats: number;
  doors: number;
};

export type MarketSpec = {
  slug: "demo-nl" | "demo-no" | "demo-id";
  tenant: {
    name: string;
    locale: string;
    currency: string;
    timeZone: string;
    country: string;
    phone: string;
    address: { street: string; city: string; postalCode: string; country: string };
    geo: { lat: number; lng: number };
    businessHours: BusinessHoursJson;
    branding: { primaryColor: string; accentColor: string };
    financing: { ratePct: number; termMonths: number; downPaymentPct: number };
  };
  phoneNumberId: string;
  ownerWhatsApp: string;
  fonnteDevice?: string;
  staffNames: [string, string, string, string];
  customerNames: string[];
  phonePrefix: string;
  // digits after the prefix in a valid mobile number of the market
  phoneDigits: number;
  emailDomain: string;
  models: ModelSpec[];
  colors: string[];
  plate: (r: import("./random").Random) => string;
  stockPrefix: string;
  priceStep: number;
  mileagePerYear: number;
  features: string[];
  describe: (v: { make: string; model: string; year: number; mileageKm: number; fuel: Fuel; color: string }) => string;
  conversation: {
    customerAsks: (car: string) => string[];
    assistantAnswers: (car: string, code: string, price: string) => string[];
    staffLine: string;
  };
  lostReasons: string[];
};
