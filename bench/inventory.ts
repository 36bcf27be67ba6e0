// npm run bench:inventory — a 10,000-vehicle snapshot, then the same snapshot with 5 % changed (prices and
// mileage), 2 % removed and 1 % new, on PostgreSQL; prints durations and the rows each import wrote.
import postgres from "postgres";
import { freshDatabase } from "./lib/server";

const size = Number(process.env.BENCH_VEHICLES ?? 10_000);
const databaseUrl = await freshDatabase("forecourt_bench_inventory");
process.env.DATABASE_URL = databaseUrl;
const { provisionTenant } = await import("../lib/tenancy/provision");
const { applyFeed } = await import("../lib/inventory/sync");
const { withTenant } = await import("../db/tenant");
const { inventoryImports } = await import("../db/schema");
const { getDbHandle } = await import("../db/client");

const p = await provisionTenant({ tenant: { slug: "bench-inventory", name: "Bench", currency: "EUR", limits: { vehicles: size * 2 } }, staff: [{ email: "o@bench-inv.test", name: "O", role: "owner" }] });
const makes = [["Volkswagen", "Golf"], ["Toyota", "Yaris"], ["Kia", "Niro"], ["Skoda", "Octavia"], ["Peugeot", "208"]];
const car = (i: number) => ({
  external_id: `B-${i}`, make: makes[i % 5][0], model: makes[i % 5][1], variant: "1.0", year: 2015 + (i % 10), mileage_km: 10_000 + i,
  price: 10_000 + (i % 300) * 100, fuel: "petrol", transmission: i % 2 ? "automatic" : "manual", body: "hatchback", color: "grey",
  features: ["Airco", "Navigatie"], images: [`https://img.example.com/${i}.jpg`], status: "available",
});
const v1 = Array.from({ length: size }, (_, i) => car(i));
const v2 = v1
  .filter((_, i) => i % 50 !== 0) // 2 % removed
  .map((c, i) => (i % 20 === 0 ? { ...c, price: c.price - 500, mileage_km: c.mileage_km + 1200 } : c)) // 5 % changed
  .concat(Array.from({ length: size / 100 }, (_, i) => car(size + i))); // 1 % new

const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const writes = async () => {
  await sql`select pg_stat_force_next_flush()`.catch(() => {});
  const [r] = await sql`select coalesce(sum(n_tup_ins),0)::int as ins, coalesce(sum(n_tup_upd),0)::int as upd from pg_stat_user_tables where relname = 'vehicles'`;
  return r as { ins: number; upd: number };
};
async function run(label: string, rows: Record<string, unknown>[]) {
  const [imp] = await withTenant(p.tenant.id, (tx) => tx.insert(inventoryImports).values({ tenantId: p.tenant.id, source: "bench", format: "json" }).returning());
  const before = await writes();
  const started = performance.now();
  const r = await applyFeed(p.tenant.id, imp.id, rows.map((raw, i) => ({ rowNumber: i + 1, raw })), "snapshot", "EUR");
  const ms = performance.now() - started;
  await new Promise((res) => setTimeout(res, 600));
  const after = await writes();
  console.log(`${label.padEnd(28)} ${(ms / 1000).toFixed(2)} s   ${JSON.stringify(r.counts)}   vehicles rows inserted ${after.ins - before.ins}, updated ${after.upd - before.upd}`);
  return { ms, counts: r.counts, updated: after.upd - before.upd };
}

console.log(`\nInventory import benchmark — ${size} vehicles on PostgreSQL`);
const first = await run("first import (snapshot v1)", v1);
const second = await run("second import (v2, 5 % changed)", v2);
const expectedUpdates = second.counts.updated + second.counts.removed;
console.log(`\nratio second/first import: ${((second.ms / first.ms) * 100).toFixed(1)} % (the diff skips ${second.counts.unchanged} unchanged cars)`);
console.log(`second import ${(second.ms / 1000).toFixed(2)} s (target ≤ 3 s); vehicle UPDATEs ${second.updated} for ${expectedUpdates} changed or removed cars (unchanged rows must get none)`);
await sql.end();
await (await getDbHandle()).close();
process.exit(second.ms <= 3000 && second.updated <= expectedUpdates ? 0 : 1);
