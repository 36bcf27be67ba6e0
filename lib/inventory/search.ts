import { and, asc, desc, eq, getTableColumns, gte, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { vehicles } from "@/db/schema";
import { featureKindSqlPattern, isFeatureKind } from "./feature-words";

export type VehicleFilters = {
  q?: string;
  make?: string;
  /** Any of these makes ("BMW of Audi"). */
  makes?: string[];
  model?: string;
  /** `model` as a shopper names it (the assistant): also whole words of the stock's model or the start of a variant. */
  modelAsNamed?: boolean;
  fuel?: string;
  transmission?: string;
  body?: string;
  color?: string;
  minPrice?: number;
  maxPrice?: number;
  minYear?: number;
  maxYear?: number;
  maxKm?: number;
  /** Equipment it must list: kinds of lib/inventory/feature-words ("towbar"), or words its feature list or variant contains. */
  features?: string[];
  branchId?: string;
  /** Cars at the main showroom: without a branch, or in the tenant's default one. */
  atMainShowroom?: boolean;
  statuses?: ("available" | "reserved" | "sold" | "draft")[];
  sort?: "newest" | "price_asc" | "price_desc" | "mileage_asc" | "year_desc";
  limit?: number;
  offset?: number;
};

export const PUBLIC_STATUSES = ["available", "reserved"] as const;

/** A value matched as itself by ILIKE: its % and _ are no wildcards. */
const literal = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/** The conditions of the filters a listing counts its options by (lib/inventory/facets), as vehicleConditions applies them. */
export const facetConditions = {
  make: (make: string) => ilike(vehicles.make, literal(make)),
  model: (model: string) => ilike(vehicles.model, literal(model)),
  fuel: (fuel: string) => eq(vehicles.fuel, fuel),
  body: (body: string) => eq(vehicles.body, body),
};

/** One WHERE for the catalog, the public API and the assistant: structured filters, full text and typo-tolerant make/model. */
export function vehicleConditions(tenantId: string, f: VehicleFilters): SQL[] {
  const c: SQL[] = [eq(vehicles.tenantId, tenantId), inArray(vehicles.status, f.statuses ?? [...PUBLIC_STATUSES])];
  if (f.make) c.push(facetConditions.make(f.make));
  if (f.makes?.length) c.push(or(...f.makes.map((m) => ilike(vehicles.make, literal(m))))!);
  // The catalog's and the API's model is the stock's own. A shopper's is also found as whole words of the stock's model
  // ("Octavia" is the stock's "Octavia Combi", "Innova" its "Kijang Innova"), or where a variant begins with it ("e-Niro"
  // is a Niro whose variant is "e-Niro 64 kWh", "Polestar 2" the make Polestar's "2").
  if (f.model && !f.modelAsNamed) c.push(facetConditions.model(f.model));
  if (f.model && f.modelAsNamed) {
    const m = literal(f.model);
    c.push(or(
      ilike(sql`' ' || ${vehicles.model} || ' '`, `% ${m} %`), ilike(vehicles.variant, m), ilike(vehicles.variant, `${m} %`),
      ilike(sql`${vehicles.make} || ' ' || ${vehicles.model}`, m),
    )!);
  }
  if (f.fuel) c.push(facetConditions.fuel(f.fuel));
  if (f.transmission) c.push(eq(vehicles.transmission, f.transmission));
  if (f.body) c.push(facetConditions.body(f.body));
  if (f.color) c.push(ilike(vehicles.color, literal(f.color)));
  if (f.minPrice !== undefined) c.push(gte(vehicles.price, f.minPrice));
  if (f.maxPrice !== undefined) c.push(lte(vehicles.price, f.maxPrice));
  if (f.minYear !== undefined) c.push(gte(vehicles.year, f.minYear));
  if (f.maxYear !== undefined) c.push(lte(vehicles.year, f.maxYear));
  if (f.maxKm !== undefined) c.push(lte(vehicles.mileageKm, f.maxKm));
  for (const want of f.features ?? []) {
    // The variant names some equipment too ("2.0 TDI 4x4", "xDrive20d").
    const listed = sql`array_to_string(${vehicles.features}, ' ; ') || ' ; ' || coalesce(${vehicles.variant}, '')`;
    c.push(isFeatureKind(want) ? sql`${listed} ~* ${featureKindSqlPattern(want)}` : sql`${listed} ilike ${`%${literal(want)}%`}`);
  }
  if (f.branchId) c.push(eq(vehicles.branchId, f.branchId));
  if (f.atMainShowroom) c.push(sql`(${vehicles.branchId} is null or ${vehicles.branchId} in (select id from branches where tenant_id = ${tenantId} and is_default))`);
  const q = f.q?.trim();
  if (q) {
    c.push(sql`(${vehicles.searchVector} @@ plainto_tsquery('simple', ${q})
      or lower(${vehicles.make} || ' ' || ${vehicles.model}) % lower(${q})
      or ${vehicles.code} = upper(${q.startsWith("#") ? q : `#${q}`}))`);
  }
  return c;
}

const orderings = {
  // A draft has no publishing date yet: it counts from when it was added, rather than topping the list forever.
  newest: [sql`coalesce(${vehicles.publishedAt}, ${vehicles.createdAt}) desc`, desc(vehicles.id)],
  price_asc: [asc(vehicles.price), asc(vehicles.id)],
  price_desc: [desc(vehicles.price), asc(vehicles.id)],
  mileage_asc: [asc(vehicles.mileageKm), asc(vehicles.id)],
  year_desc: [desc(vehicles.year), asc(vehicles.id)],
};

/** The ORDER BY of a sort, ending in the id so pages never overlap. */
export const listingOrder = (sort: VehicleFilters["sort"]) => orderings[sort ?? "newest"];

/** What a result card and the public API show of a car: a listing page reads and keeps only these columns. */
export const listingColumns = {
  id: vehicles.id, code: vehicles.code, slug: vehicles.slug, make: vehicles.make, model: vehicles.model, variant: vehicles.variant,
  year: vehicles.year, mileageKm: vehicles.mileageKm, price: vehicles.price, currency: vehicles.currency, fuel: vehicles.fuel,
  transmission: vehicles.transmission, body: vehicles.body, color: vehicles.color, status: vehicles.status, images: vehicles.images,
};

export function searchVehicles(tx: Tx, tenantId: string, f: VehicleFilters) {
  return searchWith(tx, tenantId, f, getTableColumns(vehicles));
}

/** The same search, reading only `listingColumns` (the dealer site's result pages and its public API). */
export function searchListing(tx: Tx, tenantId: string, f: VehicleFilters) {
  return searchWith(tx, tenantId, f, listingColumns);
}

async function searchWith<T extends Partial<ReturnType<typeof getTableColumns<typeof vehicles>>>>(tx: Tx, tenantId: string, f: VehicleFilters, fields: T) {
  const where = and(...vehicleConditions(tenantId, f));
  const order = listingOrder(f.sort);
  const [limit, offset] = [f.limit ?? 24, f.offset ?? 0];
  if (f.q?.trim()) {
    // A text search reads every match anyway, so its page carries the total instead of filtering twice. A page past
    // the last match has no row to carry it: the count below answers that one.
    const rows = await tx.select({ vehicle: fields, total: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(vehicles).where(where).orderBy(...order).limit(limit).offset(offset);
    if (rows.length > 0 || offset === 0) return { vehicles: rows.map((r) => r.vehicle), total: rows[0]?.total ?? 0 };
  }
  const [rows, [{ total }]] = await Promise.all([
    firstMatches(tx, tenantId, f, fields),
    tx.select({ total: sql<number>`count(*)::int` }).from(vehicles).where(where),
  ]);
  return { vehicles: rows, total };
}

/** The first matches only, without a total, reading just `fields`: for a caller that shows a few (the assistant's three). */
export async function firstMatches<T extends Partial<ReturnType<typeof getTableColumns<typeof vehicles>>>>(tx: Tx, tenantId: string, f: VehicleFilters, fields: T) {
  const rows = await tx.select({ vehicle: fields }).from(vehicles).where(and(...vehicleConditions(tenantId, f)))
    .orderBy(...listingOrder(f.sort)).limit(f.limit ?? 24).offset(f.offset ?? 0);
  return rows.map((r) => r.vehicle);
}

export async function findVehicleByCode(tx: Tx, tenantId: string, code: string) {
  const [row] = await tx.select().from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.code, code.toUpperCase()))).limit(1);
  return row ?? null;
}
