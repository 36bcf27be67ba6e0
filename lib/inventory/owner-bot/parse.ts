// The one-line vehicle format owners type on WhatsApp, e.g.
// `B1234XYZ | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam`, optionally followed by the fuel and the body
// (`| Diesel | SUV`, any order) when the name does not say them.
import { bodyWords, firstMatch, fuelWords } from "@/lib/assistant/understand/vocabulary";
import type { Body, Fuel } from "@/lib/assistant/types";

export type ParsedLine = {
  plate: string; make: string; model: string; variant: string | null; year: number; price: number; mileageKm: number;
  transmission: "manual" | "automatic"; color: string | null; fuel: Fuel; body: Body;
};

/** 185jt → 185 000 000 · 45rb → 45 000 · 18,5k → 18 500 · 1,2M → 1 200 000 · 249.900 → 249 900. */
export function parseShorthandAmount(raw: string): number | null {
  const m = /^\s*(\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?)\s*(jt|juta|rb|ribu|k|m|mio|mill)?\.?\s*(?:km|kr|eur|€|rp)?\s*$/i.exec(raw.replace(/^(rp\.?|€|kr)\s*/i, ""));
  if (!m) return null;
  const unit = (m[2] ?? "").toLowerCase();
  let digits = m[1];
  if (!unit && /^\d{1,3}([.,\s]\d{3})+$/.test(digits)) digits = digits.replace(/[.,\s]/g, "");
  else digits = digits.replace(/\s/g, "").replace(",", ".");
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  const factor = ["jt", "juta", "m", "mio", "mill"].includes(unit) ? 1_000_000 : ["rb", "ribu", "k"].includes(unit) ? 1000 : 1;
  return Math.round(n * factor);
}

const colours: Record<string, string> = {
  hitam: "black", putih: "white", silver: "silver", perak: "silver", abu: "grey", "abu-abu": "grey", merah: "red", biru: "blue", hijau: "green", coklat: "brown",
  zwart: "black", wit: "white", grijs: "grey", zilver: "silver", rood: "red", blauw: "blue", groen: "green", svart: "black", hvit: "white", grå: "grey", rød: "red", blå: "blue",
  black: "black", white: "white", grey: "grey", gray: "grey", red: "red", blue: "blue", green: "green", brown: "brown",
};

export function parseTransmission(raw: string): "manual" | "automatic" | null {
  const t = raw.trim().toLowerCase();
  if (/^(at|a\/t|matic|automatic|auto|automaat|automatgir|automat|automatik|otomatis|cvt|e-cvt|dsg|dct|edc|s[- ]?tronic|tiptronic|steptronic)$/.test(t)) return "automatic";
  if (/^(mt|m\/t|manual|manuell|manuelt|handgeschakeld|handbak|schakel|schaltgetriebe|handschaltung|schalter)$/.test(t)) return "manual";
  return null;
}

// Models sold only as electric cars, whose names say no fuel ("Kia EV6", "Volkswagen ID.3", "Peugeot e-208").
const electricOnly = /^(?:tesla|polestar)\b|\b(?:e-(?:208|2008|c4|up|golf|niro|soul)|(?:corsa|mokka)-e|ev\d+|id\.\s?\d|id\. buzz|eq[a-z]|e-?tron|ioniq [56]|leaf|zoe|spring|enyaq|born|bz4x|taycan|i[3-7]|ix\d?|mg4|atto 3|dolphin|ariya|mach-e|ex30|ex40|c40|e:ny1|air ev|binguo)\b/i;

export type LineError = "format" | "name" | "year" | "price" | "mileage" | "transmission" | "fuel";

export function parseVehicleLine(line: string, now = new Date()): { ok: true; vehicle: ParsedLine } | { ok: false; error: LineError } {
  const parts = line.split("|").map((p) => p.trim());
  if (parts.length < 6) return { ok: false, error: "format" };
  const [plate, name, yearRaw, priceRaw, kmRaw, gearRaw, colourRaw, ...extras] = parts;
  const words = name.split(/\s+/).filter(Boolean);
  if (!plate || words.length < 2) return { ok: false, error: "name" };
  const year = Number(yearRaw);
  if (!Number.isInteger(year) || year < 1950 || year > now.getUTCFullYear() + 1) return { ok: false, error: "year" };
  const price = parseShorthandAmount(priceRaw);
  if (!price) return { ok: false, error: "price" };
  const mileageKm = parseShorthandAmount(kmRaw);
  if (mileageKm === null) return { ok: false, error: "mileage" };
  const transmission = parseTransmission(gearRaw);
  if (!transmission) return { ok: false, error: "transmission" };
  let fuel = firstMatch(fuelWords, name) ?? (electricOnly.test(name) ? "electric" : undefined);
  let body = firstMatch(bodyWords, name);
  for (const extra of extras.filter(Boolean)) {
    const asFuel = firstMatch(fuelWords, extra);
    const asBody = firstMatch(bodyWords, extra);
    if (!asFuel && !asBody) return { ok: false, error: "fuel" };
    fuel = asFuel ?? fuel;
    body = asBody ?? body;
  }
  return {
    ok: true,
    vehicle: {
      plate: plate.toUpperCase().replace(/\s+/g, " "), make: words[0], model: words[1], variant: words.slice(2).join(" ") || null, year, price, mileageKm,
      transmission, color: colourRaw ? (colours[colourRaw.toLowerCase()] ?? colourRaw.toLowerCase()) : null,
      // Petrol when nothing says otherwise, the most common case; the recap shows it before anything is published.
      fuel: fuel ?? "petrol", body: body ?? "other",
    },
  };
}

const compact = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** Finds a car by plate or public code, tolerating spaces, case and one or two typos. */
export function fuzzyFindVehicle<T extends { plate: string | null; code: string }>(ref: string, list: T[]): { match: T | null; suggestions: T[] } {
  const r = compact(ref);
  const exact = list.find((v) => compact(v.code) === r || (v.plate && compact(v.plate) === r));
  if (exact) return { match: exact, suggestions: [] };
  const scored = list
    .map((v) => ({ v, d: Math.min(distance(r, compact(v.code)), v.plate ? distance(r, compact(v.plate)) : 99) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d);
  return { match: null, suggestions: scored.slice(0, 3).map((x) => x.v) };
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length][b.length];
}
