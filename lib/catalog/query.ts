import type { VehicleFilters } from "@/lib/inventory/search";
import { parseAmount, parseWholeNumber } from "@/lib/format/numbers";

export const PAGE_SIZE = 24;
export const FUELS = ["petrol", "diesel", "hybrid", "electric", "lpg", "other"] as const;
export const TRANSMISSIONS = ["manual", "automatic"] as const;
export const BODIES = ["hatchback", "sedan", "estate", "suv", "mpv", "coupe", "convertible", "van", "pickup", "other"] as const;
export const SORTS = ["newest", "price_asc", "price_desc", "mileage_asc", "year_desc"] as const;
export type Sort = (typeof SORTS)[number];

export type ListingQuery = {
  q?: string; make?: string; model?: string; fuel?: string; transmission?: string; body?: string;
  minPrice?: number; maxPrice?: number; minYear?: number; maxKm?: number; sort: Sort; page: number;
  /** A branch id, or "main" for the main showroom. */
  branch?: string;
};

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const first = (p: Params, k: string): string | undefined => {
  const v = p instanceof URLSearchParams ? p.get(k) ?? undefined : p[k];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s.slice(0, 80) : undefined;
};
const whole = (s: string | undefined, max: number): number | undefined => {
  const n = s ? parseWholeNumber(s) : null;
  return n !== null && n >= 0 && n <= max ? n : undefined;
};
/** A price as shoppers type it: "20.000", or with a currency or unit, "€ 20.000", "20k", "150 jt", "Rp 150.000.000". */
const amount = (s: string | undefined, max: number): number | undefined => {
  const plain = whole(s, max);
  if (plain !== undefined || !s || !/[^\d.,\s]/.test(s)) return plain;
  const n = parseAmount(s);
  return n !== null && Number.isSafeInteger(n) && n >= 0 && n <= max ? n : undefined;
};
const oneOf = <T extends string>(list: readonly T[], s: string | undefined): T | undefined =>
  list.includes(s?.toLowerCase() as T) ? (s!.toLowerCase() as T) : undefined;

const branchParam = (s: string | undefined) => (s === "main" || (s && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) ? s.toLowerCase() : undefined);

/** The listing's URL parameters (CONTRACTS §4) → a query; anything unknown or malformed is dropped, never an error. */
export function parseListingQuery(p: Params): ListingQuery {
  return {
    q: first(p, "q"), make: first(p, "make"), model: first(p, "model"),
    fuel: oneOf(FUELS, first(p, "fuel")), transmission: oneOf(TRANSMISSIONS, first(p, "transmission")), body: oneOf(BODIES, first(p, "body")),
    minPrice: amount(first(p, "minPrice"), 1e12), maxPrice: amount(first(p, "maxPrice"), 1e12),
    minYear: whole(first(p, "minYear"), 3000), maxKm: whole(first(p, "maxKm"), 1e8),
    sort: oneOf(SORTS, first(p, "sort")) ?? "newest",
    page: Math.min(Math.max(whole(first(p, "page"), 10_000) ?? 1, 1), 10_000),
    branch: branchParam(first(p, "branch")),
  };
}

/**
 * A model narrows only the make it belongs to. Changing the make leaves the old make's model in the URL (a plain GET
 * form cannot know the new make's models), and that model alone would empty the results: one that none of the make's
 * public cars has is dropped, and a kept one takes the stock's spelling so the model select shows it.
 */
export function keepModelOfMake(q: ListingQuery, modelsOfMake: { value: string }[]): ListingQuery {
  if (!q.make || !q.model) return q;
  const wanted = q.model.toLowerCase();
  const model = modelsOfMake.find((m) => m.value.toLowerCase() === wanted)?.value;
  return { ...q, model };
}

export function toVehicleFilters(q: ListingQuery, pageSize = PAGE_SIZE): VehicleFilters {
  const { page, branch, ...rest } = q;
  const at = branch === "main" ? { atMainShowroom: true } : branch ? { branchId: branch } : {};
  return { ...rest, ...at, limit: pageSize, offset: (page - 1) * pageSize };
}

const order: (keyof ListingQuery)[] = ["q", "branch", "make", "model", "fuel", "transmission", "body", "minPrice", "maxPrice", "minYear", "maxKm", "sort", "page"];

/** The canonical query string of a listing state; defaults (newest, page 1) are left out so equal states share a URL. */
export function listingHref(q: ListingQuery, change: Partial<ListingQuery> = {}): string {
  const next: ListingQuery = { ...q, ...change };
  const sp = new URLSearchParams();
  for (const k of order) {
    const v = next[k];
    if (v === undefined || v === "" || (k === "sort" && v === "newest") || (k === "page" && v === 1)) continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `/?${s}` : "/";
}

/**
 * Listing states worth a search engine's index: the plain listing and its pages, and landing pages by make, model,
 * fuel, body, gearbox or showroom. A free-text search, a price, year or mileage bound or another order is for people.
 */
export const indexable = (q: ListingQuery) =>
  !q.q && q.minPrice === undefined && q.maxPrice === undefined && q.minYear === undefined && q.maxKm === undefined && q.sort === "newest";

/** Keeps a non-default ?lang= on the site's own links. */
export function withLang(href: string, lang: string, defaultLang: string): string {
  if (lang === defaultLang) return href;
  return `${href}${href.includes("?") ? "&" : "?"}lang=${lang}`;
}
