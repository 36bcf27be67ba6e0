// npm run bench:soak [-- --minutes N] — N minutes (default 10) of steady mixed traffic against `next start` on
// PostgreSQL: WhatsApp webhooks (each answered by the assistant), dealer-site browsing and dashboard reads.
// Prints error rate and latency percentiles per interval, RSS and database connections at start and end, and
// the lost/duplicated count of the webhooks; exit 1 when anything is lost or duplicated or errors exceed 1 %.
import http from "node:http";
import postgres from "postgres";
import { percentile } from "./lib/load";
import { ensureBuild, freshDatabase, startApp } from "./lib/server";
import { deliverLikeMeta, nextShopper, outcomeLine, provisionDealer, settle, type Delivery } from "./lib/reliability";
import { startFakeGraph } from "../tests/fakes/graph-server";

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const minutes = Number(arg("--minutes") ?? 10);
const port = 3313;
// Offered per 10 s: webhooks, site pages, dashboard pages — a steady load a 2-core machine carries.
const rates = { webhook: 10, site: 15, dashboard: 5 };
const intervalMs = Math.min(60_000, Math.max(10_000, (minutes * 60_000) / 10));

ensureBuild();
const graph = await startFakeGraph();
const databaseUrl = await freshDatabase("forecourt_bench_soak");
const app = await startApp({ port, databaseUrl, env: { META_GRAPH_URL: graph.url, ASSISTANT_DEBOUNCE_MS: "0" } });
const { sessionToken } = await provisionDealer(databaseUrl);
const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const slugs = (await sql<{ slug: string }[]>`select slug from vehicles`).map((r) => r.slug);
const dbConnections = async () => (await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = current_database()`)[0].n - 1;

type Kind = keyof typeof rates;
type Sample = { kind: Kind; ms: number; ok: boolean };
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const siteHost = `faults.localhost:${port}`;
const sitePaths = (i: number) => (i % 3 === 0 ? "/" : i % 3 === 1 ? `/?make=Toyota&sort=price_asc&page=${1 + (i % 2)}` : `/cars/${slugs[i % slugs.length]}`);
const dashboardPaths = ["/", "/inbox", "/inventory", "/pipeline"];

function get(path: string, headers: Record<string, string>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ agent, host: "127.0.0.1", port, method: "GET", path, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: performance.now() - started, ok: res.statusCode === 200 }));
    });
    req.on("error", () => resolve({ ms: performance.now() - started, ok: false }));
    req.setTimeout(10_000, () => req.destroy());
    req.end();
  });
}

const send: Record<Kind, (i: number) => Promise<{ ms: number; ok: boolean }>> = {
  site: (i) => get(sitePaths(i), { host: siteHost }),
  dashboard: (i) => get(dashboardPaths[i % dashboardPaths.length], { host: `localhost:${port}`, cookie: `fc_session=${sessionToken}` }),
  // Meta's side: a first answer that is not 2xx counts as an error, and the redelivery goes on until acknowledged.
  webhook: async () => {
    const d = await deliverLikeMeta(app.url, nextShopper());
    deliveries.push(d);
    return { ms: d.ackMs, ok: d.acked && d.attempts === 1 };
  },
};

const deliveries: Delivery[] = [];
// Warm-up (not measured): the first request of each page loads its code.
for (let i = 0; i < 6; i++) await Promise.all([send.site(i), send.dashboard(i)]);
await send.webhook(0);
let interval: Sample[] = [];
const all: Sample[] = [];
const pending: Promise<void>[] = [];
const rows: string[] = [];
const rss: number[] = [app.rss()];
const connections: number[] = [await dbConnections()];
const started = performance.now();
const totalMs = minutes * 60_000;

function summarizeInterval(at: number) {
  const line = (Object.keys(rates) as Kind[]).map((k) => {
    const s = interval.filter((x) => x.kind === k);
    const ms = s.filter((x) => x.ok).map((x) => x.ms).sort((a, b) => a - b);
    return `${k} ${s.length} err ${s.filter((x) => !x.ok).length} p50 ${percentile(ms, 50).toFixed(0)} p95 ${percentile(ms, 95).toFixed(0)} p99 ${percentile(ms, 99).toFixed(0)}`;
  }).join(" | ");
  const row = `${(at / 60_000).toFixed(1).padStart(5)} min  ${line}  rss ${(rss.at(-1)! / 1048576).toFixed(0)} MiB  db conns ${connections.at(-1)}`;
  rows.push(row);
  console.log(row);
  interval = [];
}

console.log(`soak: ${minutes} min at ${rates.webhook / 10} webhooks/s, ${rates.site / 10} site pages/s, ${rates.dashboard / 10} dashboard pages/s`);
// One 10 s cycle with each kind spread evenly over it.
const sequence = (Object.keys(rates) as Kind[])
  .flatMap((k) => Array.from({ length: rates[k] }, (_, j) => ({ k, at: (j + 0.5) / rates[k] })))
  .sort((a, b) => a.at - b.at)
  .map((x) => x.k);
let nextReport = started + intervalMs;
for (let i = 0; performance.now() - started < totalMs; i++) {
  const due = started + (i * 10_000) / sequence.length;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  const kind = sequence[i % sequence.length];
  pending.push(send[kind](i).then((r) => { const s = { kind, ...r }; interval.push(s); all.push(s); }));
  if (performance.now() >= nextReport) {
    rss.push(app.rss());
    connections.push(await dbConnections());
    summarizeInterval(performance.now() - started);
    nextReport += intervalMs;
  }
}
await Promise.all(pending);
rss.push(app.rss());
connections.push(await dbConnections());
// Requests still in flight at the last report get a row of their own only when there are enough of them.
if (interval.length >= sequence.length) summarizeInterval(performance.now() - started);
const outcome = await settle(databaseUrl, deliveries, graph, 120_000);
await sql.end();
agent.destroy();
await app.stop();
await graph.close();

const errors = all.filter((s) => !s.ok).length;
const errorRate = all.length ? errors / all.length : 0;
const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
// Growth trend: least-squares slope of RSS over the run's samples, ignoring the first (warm-up) one.
const tail = rss.slice(1);
const xs = tail.map((_, i) => i * (intervalMs / 60_000));
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);
const slope = tail.length > 1 ? xs.reduce((s, x, i) => s + (x - mean(xs)) * (tail[i] - mean(tail)), 0) / xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) : 0;
console.log(`\nSoak — ${minutes} min of mixed traffic, next start on PostgreSQL (a shared 2-core machine: figures are pessimistic)`);
console.log(`requests ${all.length}, errors ${errors} (${(errorRate * 100).toFixed(2)} %; a webhook counts as an error when its first delivery was not acknowledged)`);
console.log(`RSS start ${mib(rss[0])}, end ${mib(rss.at(-1)!)}, trend ${(slope / 1048576).toFixed(1)} MiB/min; database connections start ${connections[0]}, end ${connections.at(-1)}, max ${Math.max(...connections)}`);
console.log(`webhooks: ${outcomeLine(outcome)}`);
process.exit(outcome.lost === 0 && outcome.duplicated === 0 && errorRate <= 0.01 ? 0 : 1);
