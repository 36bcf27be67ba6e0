export const languages = ["nl", "nb", "de", "en", "id"] as const;
export type Lang = (typeof languages)[number];

export type Intent =
  | "browse" | "specific_vehicle" | "price_negotiation" | "financing" | "test_drive" | "trade_in"
  | "opening_hours" | "location" | "handover" | "greeting" | "thanks" | "opt_out" | "other";

export type Entities = {
  make?: string;
  model?: string;
  minPrice?: number;
  maxPrice?: number;
  fuel?: "petrol" | "diesel" | "hybrid" | "electric" | "lpg";
  transmission?: "manual" | "automatic";
  body?: "hatchback" | "sedan" | "estate" | "suv" | "mpv" | "coupe" | "convertible" | "van" | "pickup";
  minYear?: number;
  maxKm?: number;
  color?: string;
  vehicleCode?: string;
  date?: string;
  time?: string;
};

export type Understanding = { language: Lang; intents: Intent[]; entities: Entities };

export function langFromLocale(locale: string): Lang {
  const l = locale.slice(0, 2).toLowerCase();
  if (l === "no" || l === "nb" || l === "nn") return "nb";
  return (languages as readonly string[]).includes(l) ? (l as Lang) : "en";
}
