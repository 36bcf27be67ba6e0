export const languages = ["nl", "nb", "de", "en", "id"] as const;
export type Lang = (typeof languages)[number];
/** Each language by its English name, as the dashboard and the prompt name it. */
export const languageNames: Record<Lang, string> = { nl: "Dutch", nb: "Norwegian", de: "German", en: "English", id: "Indonesian" };

export const intents = [
  "browse", "specific_vehicle", "price_negotiation", "financing", "test_drive", "trade_in",
  "opening_hours", "location", "handover", "greeting", "thanks", "opt_out", "other",
] as const;
export type Intent = (typeof intents)[number];

// The vehicle vocabulary of CONTRACTS §5.
export type Fuel = "petrol" | "diesel" | "hybrid" | "electric" | "lpg" | "other";
export type Transmission = "manual" | "automatic";
export type Body = "hatchback" | "sedan" | "estate" | "suv" | "mpv" | "coupe" | "convertible" | "van" | "pickup" | "other";

export type DayPart = "morning" | "afternoon" | "evening";

export type TradeIn = { make?: string; model?: string; year?: number; km?: number };

export type Entities = {
  make?: string;
  /** Every make named when a shopper names several without a model ("BMW of Audi"): a search for any of them. */
  makes?: string[];
  model?: string;
  minPrice?: number;
  maxPrice?: number;
  fuel?: Fuel;
  transmission?: Transmission;
  body?: Body;
  minYear?: number;
  maxYear?: number;
  maxKm?: number;
  /** English colour name: black, white, grey, silver, blue, red, green, brown, beige, yellow, orange. */
  color?: string;
  /** Equipment asked for: kinds of lib/inventory/feature-words ("towbar", "heatedSeats"); Claude may pass its own words. */
  features?: string[];
  /** Which cars first: "jullie goedkoopste auto", "low mileage", "mobil terbaru" (a search's order, not a filter). */
  order?: "cheapest" | "dearest" | "newest" | "leastKm";
  /** "#A01" form. */
  vehicleCode?: string;
  /** yyyy-mm-dd in the tenant's time zone. */
  date?: string;
  /** "HH:MM", 24-hour. */
  time?: string;
  /** "tomorrow afternoon": the part of the day, when no time is given. */
  dayPart?: DayPart;
  /** "na vijven", "after 5pm": the local hour from which the shopper can come, when no time is given. */
  afterHour?: number;
  tradeIn?: TradeIn;
};

export type Understanding = {
  language: Lang;
  /** Strongest first; never empty ("other" when nothing was recognised). */
  intents: Intent[];
  entities: Entities;
  /** 0..1: how sure the offline understanding is about the primary intent. */
  confidence: number;
  /** The name the shopper gives for themselves ("Ik heet Jan de Vries"), if any. */
  name?: string;
  /** A version named right after the model ("golf GTE", "Yaris GR"), as written; the stock may not have it. */
  version?: string;
  /** A fuel the shopper said no to ("geen diesel"): no car of it is offered. */
  refusedFuel?: Fuel;
};

/** A make and model; `variants`, the versions of it in the dealer's stock ("1.5 Ultimate CVT"), where read from it. */
export type KnownModel = { make: string; model: string; variants?: string[] };

export type UnderstandContext = {
  defaultLang: Lang;
  now: Date;
  timeZone: string;
  knownMakes?: string[];
  knownModels?: KnownModel[];
};

export function langFromLocale(locale: string): Lang {
  const l = locale.slice(0, 2).toLowerCase();
  if (l === "no" || l === "nb" || l === "nn") return "nb";
  return (languages as readonly string[]).includes(l) ? (l as Lang) : "en";
}
