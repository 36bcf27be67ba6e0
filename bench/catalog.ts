// npm run bench:catalog — the public dealer site under load: listing and vehicle pages (warm cache), an uncached filtered
// search page, and the search query alone, on `next start` with PostgreSQL and one tenant of 10,000 cars. The framework's
// own ceiling (a trivial route handler) is measured in the same run and every figure is printed with its ratio to it.
import { closedLoop, fmt, percentile, visitAll, type RequestSpec } from "./lib/load";
import { ensureBuild, freshDatabase, startApp } from "./lib/server";

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const fleet = Number(process.env.BENCH_VEHICLES ?? 10_000);
const port = 3302;

ensureBuild();
const databaseUrl = await freshDatabase("forecourt_bench_catalog");
process.env.DATABASE_URL = databaseUrl;
const app = await startApp({ port, databaseUrl });
const { provisionTenant } = await import("../lib/tenancy/provision");
const { createVehicles } = await import("../lib/inventory/vehicles");
const { searchVehicles } = await import("../lib/inventory/search");
const { withTenant } = await import("../db/tenant");
const { getDbHandle } = await import("../db/client");

const p = await provisionTenant({
  tenant: { slug: "bench-site", name: "Bench Motors", locale: "nl-NL", currency: "EUR", timeZone: "Europe/Amsterdam", country: "NL", phone: "+31201234567", limits: { vehicles: fleet * 2 } },
  staff: [{ email: "owner@bench-site.test", name: "Owner", role: "owner" }],
});
const tenantId = p.tenant.id;
const makes = [["Volkswagen", "Golf"], ["Volkswagen", "Polo"], ["Toyota", "Yaris"], ["Kia", "Picanto"], ["Peugeot", "208"], ["Tesla", "Model 3"], ["BMW", "3 Serie"], ["Ford", "Focus"]] as const;
const fuels = ["petrol", "diesel", "hybrid", "electric"] as const;
const bodies = ["hatchback", "sedan", "estate", "suv"] as const;
console.log(`seeding ${fleet} vehicles…`);
const slugs: string[] = [];
for (let i = 0; i < fleet; i += 2000) {
  const batch = Array.from({ length: Math.min(2000, fleet - i) }, (_, j) => {
    const n = i + j;
    const [make, model] = makes[n % makes.length];
    return {
      make, model, variant: `Trim ${n % 7}`, year: 2012 + (n % 13), mileageKm: 5000 + ((n * 7919) % 200_000), price: 6000 + ((n * 104_729) % 60_000), currency: "EUR",
      fuel: fuels[n % 4], transmission: n % 3 ? "automatic" : "manual", body: bodies[n % 4], color: ["black", "white", "grey", "blue"][n % 4],
      description: `Nette ${make} ${model}, dealeronderhouden.`, features: ["Airco", "Navigatie"], status: "available" as const, source: "seed",
    };
  });
  const rows = await withTenant(tenantId, (tx) => createVehicles(tx, tenantId, batch, { source: "seed" }));
  slugs.push(...rows.slice(0, 50).map((r) => r.slug));
}

const host = { host: `bench-site.localhost:${port}` };
const baseline = (): RequestSpec => ({ method: "GET", path: "/api/health" });
const listing = (i: number): RequestSpec => ({ method: "GET", path: i % 2 ? "/" : "/?make=Volkswagen&sort=price_asc", headers: host });
const vehicle = (i: number): RequestSpec => ({ method: "GET", path: `/cars/${slugs[i % slugs.length]}`, headers: host });
// A new price bound each time: no cache can answer, every request runs the search.
const uncached = (i: number): RequestSpec => ({ method: "GET", path: `/?q=golf&maxPrice=${20_000 + i}&fuel=petrol`, headers: host });

console.log("warming up…");
// "Cached" is measured warm: every distinct listing and vehicle page of the runs below is visited once first.
await visitAll(app.url, connections, [...[0, 1].map(listing), ...slugs.map((_, i) => vehicle(i))]);
await closedLoop(app.url, connections, 3, baseline);
await closedLoop(app.url, connections, 3, listing);
await closedLoop(app.url, connections, 3, vehicle);

const base = await closedLoop(app.url, connections, seconds, baseline);
const list = await closedLoop(app.url, connections, seconds, listing);
const car = await closedLoop(app.url, connections, seconds, vehicle);
const search = await closedLoop(app.url, connections, seconds, uncached);

const queryMs: number[] = [];
for (let i = 0; i < 300; i++) {
  const started = performance.now();
  await withTenant(tenantId, (tx) => searchVehicles(tx, tenantId, { q: i % 2 ? "golf" : "toyota yaris", maxPrice: 20_000 + i, fuel: "petrol", limit: 24 }));
  queryMs.push(performance.now() - started);
}
queryMs.sort((a, b) => a - b);
await app.stop();
await (await getDbHandle()).close();

const line = (label: string, s: typeof base) =>
  `${label.padEnd(34)} ${fmt(s.perSecond, 0).padStart(6)} req/s   p50 ${fmt(s.p50)} ms   p95 ${fmt(s.p95)} ms   p99 ${fmt(s.p99)} ms   errors ${s.errors}   ${fmt((s.perSecond / base.perSecond) * 100, 0)} % of baseline`;
console.log(`\nCatalog benchmark — ${fleet} vehicles, ${seconds} s per run, ${connections} connections, next start on PostgreSQL`);
console.log(line("trivial route handler (baseline)", base));
console.log(line("listing page", list));
console.log(line("vehicle page", car));
console.log(line("filtered search page, uncached", search));
console.log(`search query alone (in-process, 300 runs): p50 ${fmt(percentile(queryMs, 50))} ms   p95 ${fmt(percentile(queryMs, 95))} ms`);
console.log(`targets: listing and vehicle ≥ 80 % of baseline with p99 ≤ 50 ms; uncached search page p95 ≤ 150 ms; query p95 ≤ 20 ms`);
process.exit(list.errors + car.errors + search.errors === 0 ? 0 : 1);
