import { and, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { vehicles } from "@/db/schema";
import { facetConditions, listingColumns, listingOrder, vehicleConditions, type VehicleFilters } from "./search";

export type Facet = { value: string; count: number };
export type FacetCounts = { makes: Facet[]; models: Facet[]; fuels: Facet[]; bodies: Facet[] };

const columns = { make: vehicles.make, model: vehicles.model, fuel: vehicles.fuel, body: vehicles.body };
type Counted = keyof typeof columns;

type Group = Record<Counted, string> & Record<`${Counted}_n`, number>;

/**
 * Each facet's options counted under every other filter but never its own, so a shopper who chose diesel sees how many
 * diesels each make has and can still switch fuel. The model belongs to its make: makes are counted without it (another
 * make drops the model from the address), and models, only with a make chosen, within that make. The matching cars are
 * grouped by all four columns, each group counted under each facet's filters (`groupColumns`), and summed here.
 */
export async function countFacets(tx: Tx, tenantId: string, f: VehicleFilters): Promise<FacetCounts> {
  const { make, model, fuel, body, ...rest } = f;
  const groups = await tx.select(groupColumns(f)).from(vehicles).where(and(...vehicleConditions(tenantId, rest))).groupBy(...Object.values(columns));
  return summed(groups, f);
}

/**
 * A listing page's cars, total and facet counts from one scan of the cars that match its filters other than the facets
 * (a CTE named as the table, so the same conditions, columns and order read it): the page is the rows among them that
 * match the facets too; the first row carries the groups `countFacets` would read. A page with no row asks again.
 */
export async function searchListingWithFacets(tx: Tx, tenantId: string, f: VehicleFilters) {
  const { make, model, fuel, body, ...rest } = f;
  const [limit, offset] = [f.limit ?? 24, f.offset ?? 0];
  const matching = tx.$with("vehicles").as(tx.select().from(vehicles).where(and(...vehicleConditions(tenantId, rest))));
  const g = groupColumns(f);
  const groups = sql`(select coalesce(json_agg(g), '[]'::json) from (select ${sql.join(
    (Object.keys(g) as (keyof typeof g)[]).map((k) => sql`${g[k]} as ${sql.identifier(k)}`), sql`, `,
  )} from ${vehicles} group by ${sql.join(Object.values(columns), sql`, `)}) g)`;
  const order = listingOrder(f.sort);
  const rows = await tx.with(matching).select({
    vehicle: listingColumns, total: sql<number>`count(*) over ()`.mapWith(Number),
    groups: sql<Group[] | null>`case when row_number() over (order by ${sql.join(order, sql`, `)}) = ${offset + 1} then ${groups} end`,
  }).from(matching).where(and(...facetFilters(f))).orderBy(...order).limit(limit).offset(offset);
  const first = rows.find((r) => r.groups);
  if (!first) {
    const [facets, [{ total }]] = await Promise.all([
      countFacets(tx, tenantId, f),
      tx.select({ total: sql<number>`count(*)::int` }).from(vehicles).where(and(...vehicleConditions(tenantId, f))),
    ]);
    return { vehicles: [], total, facets };
  }
  return { vehicles: rows.map((r) => r.vehicle), total: first.total, facets: summed(first.groups!, f) };
}

const facetFilters = (f: VehicleFilters) => (Object.keys(columns) as Counted[]).flatMap((k) => (f[k] ? [facetConditions[k](f[k])] : []));

/** A group's four columns and its count under each facet's filters: the others', never its own. */
function groupColumns(f: VehicleFilters) {
  const applied = (...own: Counted[]) =>
    and(...(Object.keys(columns) as Counted[]).filter((k) => !own.includes(k) && f[k]).map((k) => facetConditions[k](f[k]!))) ?? sql`true`;
  const count = (under: SQL) => sql<number>`count(*) filter (where ${under})::int`.mapWith(Number);
  return { ...columns, make_n: count(applied("make", "model")), model_n: count(applied("model")), fuel_n: count(applied("fuel")), body_n: count(applied("body")) };
}

function summed(groups: Group[], f: VehicleFilters): FacetCounts {
  const sums: Record<Counted, Map<string, number>> = { make: new Map(), model: new Map(), fuel: new Map(), body: new Map() };
  const add = (k: Counted, value: string, n: number) => sums[k].set(value, (sums[k].get(value) ?? 0) + n);
  for (const g of groups) {
    add("make", g.make, g.make_n);
    if (f.make) add("model", g.model, g.model_n);
    add("fuel", g.fuel, g.fuel_n);
    add("body", g.body, g.body_n);
  }
  const list = (k: Counted): Facet[] =>
    [...sums[k]].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, count]) => ({ value, count }));
  return { makes: list("make"), models: list("model"), fuels: list("fuel"), bodies: list("body") };
}
