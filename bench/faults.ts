// npm run bench:faults [-- --quick] — WhatsApp traffic through injected faults against `next start` on PostgreSQL:
// the database restarted mid-burst, the Graph API failing, Claude timing out, the server killed between
// acknowledge and processing, Inngest unreachable. Meta's redelivery is simulated (every webhook is sent again
// until it gets a 2xx). Each scenario prints sent, stored, replied, duplicated and lost; exit 1 unless every
// scenario ends with 0 lost and 0 duplicated.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { ensureBuild, freshDatabase, startApp, type App } from "./lib/server";
import { startThrowawayPostgres } from "./lib/pg-cluster";
import { burst, outcomeLine, provisionDealer, settle, type Outcome } from "./lib/reliability";
import { startFakeGraph } from "../tests/fakes/graph-server";
import { carefulModel, startFakeAnthropic } from "../tests/fakes/anthropic-server";

const quick = process.argv.includes("--quick");
const messages = quick ? 24 : 120;
const rate = quick ? 8 : 12;
const burstMs = (messages / rate) * 1000;
const PORTS = { app: 3311, second: 3312, third: 3314, postgres: 54341, closed: 3319 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

ensureBuild();
const graph = await startFakeGraph();
const claude = await startFakeAnthropic();
const baseEnv = { META_GRAPH_URL: graph.url, ASSISTANT_DEBOUNCE_MS: "0" };
type Result = { name: string; outcome: Outcome; notes: string[]; seconds: number };

const redeliveryNote = (m: Map<number, number>) =>
  m.size === 0 ? "no redeliveries" : `redeliveries by answer: ${[...m].map(([s, n]) => `${s === 0 ? "refused/timeout" : s}×${n}`).join(", ")}`;

/** A sweep as the cron would start it, if webhooks are still unprocessed once they are old enough for it (60 s). */
async function sweepWhenStale(databaseUrl: string, ackedAt: number) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const unprocessed = async () => (await sql<{ n: number }[]>`select count(*)::int as n from webhook_inbox where status = 'received'`)[0].n;
  try {
    let pending = await unprocessed();
    while (pending > 0 && performance.now() < ackedAt + 61_000) {
      await sleep(1000);
      pending = await unprocessed();
    }
    if (pending === 0) return "every acknowledged webhook was processed without the sweeper";
    await sql`insert into job_runs (function_id, event_name, event, debounce_key)
      values ('sweep-inbox', 'inngest/scheduled.timer', ${sql.json({ name: "inngest/scheduled.timer", data: { cron: "fault script" } })}, ${`fault-script:${Date.now()}`})`;
    return `${pending} acknowledged webhooks still unprocessed after 60 s: sweep started`;
  } finally {
    await sql.end();
  }
}

async function databaseRestart(port: number): Promise<Result> {
  const started = performance.now();
  const pg = await startThrowawayPostgres(PORTS.postgres);
  try {
    const db = await freshDatabase("forecourt_faults_pg", pg.url);
    const app = await startApp({ port, databaseUrl: db, env: baseEnv });
    await provisionDealer(db);
    const redeliveries = new Map<number, number>();
    const sending = burst(app.url, messages, rate, redeliveries);
    await sleep(burstMs / 3);
    const down = quick ? 3000 : 8000;
    await pg.restart(down);
    const deliveries = await sending;
    const sweep = await sweepWhenStale(db, performance.now());
    const outcome = await settle(db, deliveries, graph, 120_000);
    await app.stop();
    return { name: "PostgreSQL restarted mid-burst", outcome, notes: [`database down ${down / 1000} s`, redeliveryNote(redeliveries), sweep], seconds: (performance.now() - started) / 1000 };
  } finally {
    await pg.stop();
  }
}

async function graphFailing(): Promise<Result> {
  const started = performance.now();
  const db = await freshDatabase("forecourt_faults_graph");
  const app = await startApp({ port: PORTS.app, databaseUrl: db, env: baseEnv });
  await provisionDealer(db);
  const each = quick ? 4000 : 10_000;
  const before = graph.requests.length;
  graph.failFor(each, { status: 500, code: 131000 });
  graph.failFor(each, { status: 429, code: 130429, message: "(#130429) Rate limit hit", retryAfter: 1 });
  const deliveries = await burst(app.url, messages, rate);
  const outcome = await settle(db, deliveries, graph, 120_000);
  const refused = graph.requests.slice(before).filter((r) => r.path.endsWith("/messages")).length - outcome.replied;
  await app.stop();
  return { name: "Graph API 500 then 429", outcome, notes: [`500 for ${each / 1000} s then 429 for ${each / 1000} s from the first reply`, `${refused} sends refused and retried`], seconds: (performance.now() - started) / 1000 };
}

async function claudeTimingOut(): Promise<Result> {
  const started = performance.now();
  const db = await freshDatabase("forecourt_faults_claude");
  const app = await startApp({ port: PORTS.app, databaseUrl: db, env: { ...baseEnv, ANTHROPIC_API_KEY: "faults-key", ANTHROPIC_BASE_URL: claude.url } });
  await provisionDealer(db);
  // Slower than the client's 4 s timeout, from the first call on for a while: the offline assistant answers instead.
  const slowMs = quick ? 5000 : 15_000;
  let slowUntil = 0;
  claude.use((req, call) => {
    slowUntil ||= performance.now() + slowMs;
    return { ...carefulModel(req, call), delayMs: performance.now() < slowUntil ? 6000 : 0 };
  });
  const deliveries = await burst(app.url, messages, rate);
  const outcome = await settle(db, deliveries, graph, 120_000);
  const engines = await replyEngines(db);
  await app.stop();
  return { name: "Claude timing out", outcome, notes: [`Claude answers after 6 s (timeout 4 s) for ${slowMs / 1000} s from the first call`, `replies by engine: ${engines}`], seconds: (performance.now() - started) / 1000 };
}

async function replyEngines(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const rows = await sql<{ engine: string; n: number }[]>`select coalesce(meta->>'engine', '?') as engine, count(*)::int as n from messages
    where direction = 'outbound' and sender_kind = 'assistant' group by 1 order by 1`;
  await sql.end();
  return rows.map((r) => `${r.engine} ${r.n}`).join(", ");
}

async function killedAfterAck(port: number): Promise<Result> {
  const started = performance.now();
  const db = await freshDatabase("forecourt_faults_kill");
  const app = await startApp({ port, databaseUrl: db, env: baseEnv });
  await provisionDealer(db);
  // Fast, so most acknowledged webhooks are still waiting for their hand-off when the process dies.
  const deliveries = await burst(app.url, messages, 50);
  await app.kill();
  const ackedAt = performance.now();
  const again = await startApp({ port, databaseUrl: db, env: baseEnv });
  const sweep = await sweepWhenStale(db, ackedAt);
  const outcome = await settle(db, deliveries, graph, 120_000);
  await again.stop();
  return { name: "killed (-9) between ack and processing", outcome, notes: ["kill -9 right after the last acknowledgement, then restarted", sweep], seconds: (performance.now() - started) / 1000 };
}

async function inngestUnavailable(port: number): Promise<Result> {
  const started = performance.now();
  const db = await freshDatabase("forecourt_faults_inngest");
  // Inngest mode with its API on a closed port: every hand-off (inngest.send) fails.
  const inngestEnv = {
    INNGEST_EVENT_KEY: "faults-event-key", INNGEST_SIGNING_KEY: `signkey-test-${randomBytes(32).toString("hex")}`,
    INNGEST_BASE_URL: `http://127.0.0.1:${PORTS.closed}`, INNGEST_EVENT_API_BASE_URL: `http://127.0.0.1:${PORTS.closed}`,
  };
  const app: App = await startApp({ port, databaseUrl: db, env: { ...baseEnv, ...inngestEnv } });
  await provisionDealer(db);
  const redeliveries = new Map<number, number>();
  const deliveries = await burst(app.url, messages, rate, redeliveries);
  const ackedAt = performance.now();
  await sleep(3000);
  const whileDown = await settle(db, deliveries, graph, 0, 0);
  await app.stop();
  // Inngest back: the same functions, sweeper included, run by the in-process runner on the same database.
  const again = await startApp({ port, databaseUrl: db, env: baseEnv });
  const sweep = await sweepWhenStale(db, ackedAt);
  const outcome = await settle(db, deliveries, graph, 120_000);
  await again.stop();
  return {
    name: "Inngest unreachable", outcome, seconds: (performance.now() - started) / 1000,
    notes: [`while down: acknowledged ${whileDown.acked}/${whileDown.sent}, ${whileDown.unprocessed} kept unprocessed in the inbox, ${redeliveryNote(redeliveries)}`, sweep],
  };
}

const results: Result[] = [];
const report = (r: Result) => {
  console.log(`\n${r.name}: ${outcomeLine(r.outcome)}`);
  results.push(r);
};
// The Graph outage would reach every scenario's replies, so those two run alone; the other three mostly wait
// (for the database, for the sweeper's 60 s threshold), so they run side by side, each with its own app.
for (const scenario of [graphFailing, claudeTimingOut]) report(await scenario());
await Promise.all([databaseRestart(PORTS.third).then(report), killedAfterAck(PORTS.app).then(report), inngestUnavailable(PORTS.second).then(report)]);
await graph.close();
await claude.close();

console.log(`\nFault injection — ${messages} WhatsApp messages per scenario from ${messages} shoppers at ${rate}/s, Meta-style redelivery, next start on PostgreSQL${quick ? " (quick)" : ""}`);
console.log(`${"scenario".padEnd(40)} ${["sent", "stored", "replied", "dup", "lost", "time"].map((h) => h.padStart(8)).join("")}`);
for (const r of results) {
  const o = r.outcome;
  console.log(`${r.name.padEnd(40)} ${[o.sent, o.stored, o.replied, o.duplicated, o.lost, `${r.seconds.toFixed(0)} s`].map((v) => String(v).padStart(8)).join("")}`);
  for (const n of r.notes) console.log(`  · ${n}`);
}
const failed = results.filter((r) => r.outcome.lost > 0 || r.outcome.duplicated > 0);
console.log(failed.length === 0 ? "\nevery scenario: 0 lost, 0 duplicated" : `\nFAILED: ${failed.map((r) => r.name).join(", ")}`);
process.exit(failed.length === 0 ? 0 : 1);
