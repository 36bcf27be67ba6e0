import { createHash } from "node:crypto";
import { z } from "zod";
import { parseWholeNumber } from "@/lib/format/numbers";
import { xmlFeedRows } from "./feed-xml";

// The canonical feed of CONTRACTS §5 (JSON `{ vehicles: [...] }` or the same columns as CSV), one row at a time:
// invalid rows are reported with their row number and never abort the rest.

const known = ["external_id", "make", "model", "variant", "year", "mileage_km", "price", "currency", "fuel", "transmission", "body", "color", "doors", "seats", "power_hp", "description", "features", "images", "status"];
const nextYear = new Date().getUTCFullYear() + 1;
// Whole numbers as a spreadsheet may write them ("7.500", "14 950", "14950.00"): "7.500" is 7500, never 7.5.
const wholeOf = (v: unknown) => (v === "" || v === null ? undefined : typeof v === "string" ? (parseWholeNumber(v) ?? v) : v);
const wholeNumber = (min: number, max: number) => z.number({ error: (i) => (i.input === undefined ? "is required" : "must be a whole number, like 7500") })
  .int("must be a whole number, like 7500").min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const int = (min: number, max: number) => z.preprocess(wholeOf, wholeNumber(min, max));
const optInt = (min: number, max: number) => z.preprocess(wholeOf, wholeNumber(min, max).optional());
const list = z.preprocess((v) => (typeof v === "string" ? v.split("|").map((s) => s.trim()).filter(Boolean) : v ?? []), z.array(z.string().max(2000)).max(60));
const aliases = (map: Record<string, string>) => z.preprocess((v) => (typeof v === "string" ? (map[v.trim().toLowerCase()] ?? v.trim().toLowerCase()) : v), z.string());

const row = z.object({
  external_id: z.coerce.string().trim().min(1, "external_id is required").max(100),
  make: z.string().trim().min(1, "make is required").max(60),
  model: z.string().trim().min(1, "model is required").max(60),
  variant: z.string().trim().max(120).nullish(),
  year: int(1950, nextYear),
  mileage_km: int(0, 3_000_000),
  price: int(0, 1_000_000_000_000),
  currency: z.string().trim().length(3).optional(),
  fuel: aliases({ benzine: "petrol", bensin: "petrol", gasoline: "petrol", elektrisch: "electric", ev: "electric", hybride: "hybrid" }).pipe(z.enum(["petrol", "diesel", "hybrid", "electric", "lpg", "other"])),
  transmission: aliases({ automaat: "automatic", automatic: "automatic", auto: "automatic", matic: "automatic", at: "automatic", handgeschakeld: "manual", mt: "manual" }).pipe(z.enum(["manual", "automatic"])),
  body: aliases({ stationwagen: "estate", combi: "estate", wagon: "estate", "station wagon": "estate" }).pipe(z.enum(["hatchback", "sedan", "estate", "suv", "mpv", "coupe", "convertible", "van", "pickup", "other"])),
  color: z.string().trim().max(40).nullish(),
  doors: optInt(1, 9), seats: optInt(1, 60), power_hp: optInt(1, 2000),
  description: z.string().max(10_000).nullish(),
  features: list,
  images: list.pipe(z.array(z.string().url("images must be URLs"))),
  status: aliases({ booking: "reserved", verkocht: "sold", solgt: "sold", terjual: "sold" }).pipe(z.enum(["available", "reserved", "sold", "draft"])).default("available"),
});

export type FeedVehicle = {
  externalId: string; make: string; model: string; variant: string | null; year: number; mileageKm: number; price: number; currency: string;
  fuel: string; transmission: string; body: string; color: string | null; doors: number | null; seats: number | null; powerHp: number | null;
  description: string | null; features: string[]; images: string[]; status: "available" | "reserved" | "sold" | "draft"; extra: Record<string, unknown>;
};
export type RowError = { rowNumber: number; reason: string };

export function normalizeFeedRow(raw: Record<string, unknown>, rowNumber: number, currency: string): { ok: true; vehicle: FeedVehicle } | { ok: false; error: RowError } {
  const r = row.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, error: { rowNumber, reason: `${i.path.join(".") || "row"}: ${i.message}` } };
  }
  const d = r.data;
  return {
    ok: true,
    vehicle: {
      externalId: d.external_id, make: d.make, model: d.model, variant: d.variant ?? null, year: d.year, mileageKm: d.mileage_km, price: d.price,
      currency: (d.currency ?? currency).toUpperCase(), fuel: d.fuel, transmission: d.transmission, body: d.body, color: d.color ?? null,
      doors: d.doors ?? null, seats: d.seats ?? null, powerHp: d.power_hp ?? null, description: d.description ?? null, features: d.features,
      images: d.images, status: d.status, extra: Object.fromEntries(Object.entries(raw).filter(([k]) => !known.includes(k))),
    },
  };
}

/** A stable hash of what the feed says about a car: unchanged rows are recognised without a write. */
export function contentHash(v: FeedVehicle): string {
  const ordered = Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(JSON.stringify(ordered)).digest("hex");
}

function parseCsv(text: string): Record<string, string>[] {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records: string[][] = [];
  let field = "";
  let rec: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { rec.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      rec.push(field); field = "";
      if (rec.some((f) => f !== "")) records.push(rec);
      rec = [];
    } else field += c;
  }
  rec.push(field);
  if (rec.some((f) => f !== "")) records.push(rec);
  const [header, ...rows] = records;
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ""])));
}

export type FeedFormat = "json" | "csv" | "xml";
export type ParsedFeed = { ok: true; format: FeedFormat; rows: Record<string, unknown>[] } | { ok: false; error: string };

/** A declared type wins, otherwise the first character tells JSON and XML from CSV. */
export function detectFeedFormat(body: string, contentType = ""): FeedFormat {
  const first = body.trimStart()[0];
  if (contentType.includes("json")) return "json";
  if (contentType.includes("xml")) return "xml";
  if (contentType.includes("csv")) return "csv";
  return first === "{" || first === "[" ? "json" : first === "<" ? "xml" : "csv";
}

export function parseFeed(body: string, contentType = ""): ParsedFeed {
  const format = detectFeedFormat(body, contentType);
  if (format === "xml") {
    const rows = xmlFeedRows(body);
    return rows.ok ? { ok: true, format: "xml", rows: rows.value } : rows;
  }
  if (format === "json") {
    let value: unknown;
    try { value = JSON.parse(body); } catch (e) { return { ok: false, error: `Malformed JSON: ${(e as Error).message}` }; }
    const rows = Array.isArray(value) ? value : (value as { vehicles?: unknown })?.vehicles;
    if (!Array.isArray(rows)) return { ok: false, error: 'Expected { "vehicles": [ … ] }' };
    return { ok: true, format: "json", rows: rows.map((r) => (r && typeof r === "object" ? r as Record<string, unknown> : {})) };
  }
  const rows = parseCsv(body);
  if (rows.length === 0 || !("external_id" in rows[0])) return { ok: false, error: "CSV needs a header row with external_id, make, model, …" };
  return { ok: true, format: "csv", rows };
}
