import { and, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { vehicles } from "@/db/schema";
import { facetConditions, vehicleConditions, type VehicleFilters } from "./search";

export type Facet = { value: string; count: number };
export type FacetCounts = { makes: Facet[]; models: Facet[]; fuels: Facet[]; bodies: Facet[] };

const columns = { make: vehicles.make, model: vehicles.model, fuel: vehicles.fuel, body: vehicles.body };
type Counted = keyof typeof columns;
const lists = { make: "makes", model: "models", fuel: "fuels", body: "bodies" } as const;

/**
 * Each facet's options counted under every other filter but never its own, so a shopper who chose diesel sees how many
 * diesels each make has and can still switch fuel. The model belongs to its make: makes are counted without it (another
 * make drops the model from the address), and models, only with a make chosen, within that make. One scan of the
 * matching cars: a grouping set per facet, its count filtered by the other facets' conditions.
 */
export async function countFacets(tx: Tx, tenantId: string, f: VehicleFilters): Promise<FacetCounts> {
  const { make, model, fuel, body, ...rest } = f;
  const chosen: Partial<Record<Counted, string>> = { make, model, fuel, body };
  const applied = (...own: Counted[]) =>
    and(...(Object.keys(columns) as Counted[]).filter((k) => !own.includes(k) && chosen[k]).map((k) => facetConditions[k](chosen[k]!))) ?? sql`true`;
  const under: Record<Counted, SQL> = { make: applied("make", "model"), model: applied("model"), fuel: applied("fuel"), body: applied("body") };
  const sets: Counted[] = make ? ["make", "model", "fuel", "body"] : ["make", "fuel", "body"];
  const whichSet = (then: (k: Counted) => SQL) => sql`case ${sql.join(sets.map((k) => sql`when grouping(${columns[k]}) = 0 then ${then(k)}`), sql` `)} end`;
  const rows = await tx.select({
    facet: whichSet((k) => sql`${k}::text`).mapWith(String),
    value: whichSet((k) => sql`${columns[k]}`).mapWith(String),
    count: whichSet((k) => sql`count(*) filter (where ${under[k]})::int`).mapWith(Number),
  }).from(vehicles).where(and(...vehicleConditions(tenantId, rest)))
    .groupBy(sql`grouping sets (${sql.join(sets.map((k) => sql`(${columns[k]})`), sql`, `)})`).orderBy(sql`2`);
  const out: FacetCounts = { makes: [], models: [], fuels: [], bodies: [] };
  for (const r of rows) if (r.count > 0) out[lists[r.facet as Counted]].push({ value: r.value, count: r.count });
  return out;
}
