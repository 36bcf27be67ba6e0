// npm run bench:webhooks — WhatsApp webhook acknowledgement throughput and latency against `next start` on
// PostgreSQL, with the framework's own ceiling (an empty route handler) measured in the same run.
import postgres from "postgres";
import { closedLoop, fmt, openLoop, type RequestSpec } from "./lib/load";
import { ensureBuild, freshDatabase, startApp } from "./lib/server";
import { startFakeGraph } from "../tests/fakes/graph-server";
import { signMeta, wamid, whatsappText } from "../tests/fakes/whatsapp-payloads";

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const offered = Number(process.env.BENCH_RATE ?? 200);
const phoneNumberId = "100000000000099";

ensureBuild();
const databaseUrl = await freshDatabase("forecourt_bench_webhooks");
process.env.DATABASE_URL = databaseUrl;
// The assistant's replies to these messages go out through a fake Graph API, as in production they would.
const graph = await startFakeGraph();
const app = await startApp({ port: 3301, databaseUrl, env: { META_GRAPH_URL: graph.url } });
const { provisionTenant } = await import("../lib/tenancy/provision");
const { getDbHandle } = await import("../db/client");
await provisionTenant({
  tenant: { slug: "bench", name: "Bench Motors", locale: "nl-NL", currency: "EUR", timeZone: "Europe/Amsterdam", country: "NL" },
  staff: [{ email: "owner@bench.test", name: "Owner", role: "owner" }],
  channels: [{ provider: "whatsapp_cloud", name: "WhatsApp", externalId: phoneNumberId, credentials: { accessToken: "bench-token" } }],
});

const sentIds: string[] = [];
const webhook = (i: number): RequestSpec => {
  const id = wamid();
  sentIds.push(id);
  const raw = JSON.stringify(whatsappText({ phoneNumberId, from: `3161${String(1_000_000 + (i % 500)).slice(1)}00`, text: `Is de auto nog beschikbaar? (${i})`, id }));
  return { method: "POST", path: "/api/webhooks/whatsapp", headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw) }, body: raw };
};
const empty = (): RequestSpec => ({ method: "GET", path: "/api/health" });

const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
console.log(`\nwarming up…`);
await closedLoop(app.url, connections, 3, empty);
await closedLoop(app.url, connections, 3, webhook);
// The warm-up's own backlog is worked off first, so the baseline does not share the loop with it.
for (let i = 0; i < 300; i++) {
  const [r] = await sql`select count(*)::int as n from job_runs where status in ('queued', 'running') and run_at <= now()`;
  if (r.n === 0) break;
  await new Promise((r) => setTimeout(r, 1000));
}
const rssStart = app.rss();

const base = await closedLoop(app.url, connections, seconds, empty);
const max = await closedLoop(app.url, connections, seconds, webhook);
const fixed = await openLoop(app.url, offered, seconds, webhook);

// Acknowledged is persisted; the in-process runner works the backlog off once the burst ends. Wait for it, then count.
const acked = max.ok + fixed.ok + 0;
const drainStarted = Date.now();
let stored = 0;
let duplicates = 0;
for (let i = 0; i < 600; i++) {
  const [r] = await sql`select count(*)::int as n, count(distinct provider_message_id)::int as d from messages where direction = 'inbound'`;
  stored = r.d;
  duplicates = r.n - r.d;
  if (stored >= sentIds.length - (max.errors + fixed.errors)) break;
  await new Promise((r) => setTimeout(r, 1000));
}
const drainSeconds = (Date.now() - drainStarted) / 1000;
const warm = sentIds.length - acked - max.errors - fixed.errors;
const lost = Math.max(0, acked + warm - stored);
const peakRss = app.rss();
await sql.end();
await app.stop();
await graph.close();
await (await getDbHandle()).close();

const line = (label: string, s: typeof base) =>
  `${label.padEnd(34)} ${fmt(s.perSecond, 0).padStart(6)} req/s   p50 ${fmt(s.p50)} ms   p95 ${fmt(s.p95)} ms   p99 ${fmt(s.p99)} ms   errors ${s.errors}`;
console.log(`\nWhatsApp webhook benchmark — ${seconds} s per run, ${connections} connections, next start on PostgreSQL`);
console.log(line("empty route handler (baseline)", base));
console.log(line("webhook, max sustained", max));
console.log(line(`webhook, fixed ${offered}/s offered`, fixed));
console.log(`\nthroughput ratio to the empty handler: ${fmt((max.perSecond / base.perSecond) * 100)} % (target ≥ 70 %)`);
console.log(`ack p99 at ${offered}/s: ${fmt(fixed.p99)} ms (target ≤ 50 ms)`);
console.log(`messages acknowledged ${acked + warm}, stored ${stored}, duplicates ${duplicates}, lost ${lost} (targets: 0 and 0)`);
console.log(`backlog processed ${fmt(drainSeconds, 0)} s after the last acknowledgement; assistant replies sent to the fake Graph API by then: ${graph.sent.length}`);
console.log(`RSS at start ${fmt(rssStart / 1048576, 0)} MiB, at end ${fmt(peakRss / 1048576, 0)} MiB`);
process.exit(lost === 0 && duplicates === 0 ? 0 : 1);
