// `npm test`: unit + integration on PGlite, integration again on PostgreSQL when TEST_DATABASE_URL is
// set, then the Playwright suite against a production build when Chromium is available, then the fault
// injection and a short soak when PostgreSQL's server binaries are there too.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findChromium } from "../tests/helpers/chromium";
import { postgresBinaries } from "../bench/lib/pg-cluster";

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
// Named again at the very end, so the last lines of a long log say what failed and why, and what passed only
// when tried again (CI retries once: see vitest.config.ts and playwright.config.ts).
const failures: string[] = [];
const flaky: string[] = [];
const firstLine = (message: unknown) => String(message ?? "").split("\n").find((l) => l.trim())?.trim().slice(0, 300) ?? "";
const out = path.resolve("tests/artifacts");
fs.mkdirSync(out, { recursive: true });

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${label}: ${r.status === 0 ? "ok" : `exit ${r.status}`} in ${Math.round((Date.now() - started) / 1000)} s ===`);
  return r.status === 0;
}

type VitestFile = { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[] };
type PlaywrightSuite = { title: string; specs?: { title: string; tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[] }[]; suites?: PlaywrightSuite[] };

function addVitest(stage: string, file: string) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const f of (j.testResults ?? []) as VitestFile[]) {
    const where = path.relative(process.cwd(), f.name);
    const tests = f.assertionResults ?? [];
    // A test that passed on a retry keeps the errors of the tries before.
    for (const t of tests.filter((t) => t.failureMessages?.length))
      (t.status === "failed" ? failures : flaky).push(`${stage} · ${where} › ${t.fullName}\n    ${firstLine(t.failureMessages![0])}`);
    if (f.status === "failed" && !tests.some((t) => t.status === "failed")) failures.push(`${stage} · ${where} (did not run)\n    ${firstLine(f.message)}`);
  }
  total.passed += j.numPassedTests ?? 0;
  // A file that fails to load has no failed tests but a failed suite; count it.
  total.failed += Math.max(j.numFailedTests ?? 0, j.numFailedTestSuites ?? 0);
  total.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function addPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  const walk = (suite: PlaywrightSuite, trail: string[]) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests)
        if (t.status === "unexpected" || t.status === "flaky")
          (t.status === "flaky" ? flaky : failures).push(`e2e · [${t.projectName}] ${[...trail, spec.title].join(" › ")}\n    ${firstLine(t.results.find((r) => r.error)?.error?.message)}`);
    for (const child of suite.suites ?? []) walk(child, [...trail, child.title]);
  };
  for (const suite of (report.suites ?? []) as PlaywrightSuite[]) walk(suite, [suite.title]);
  const s = report.stats ?? {};
  total.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  total.failed += s.unexpected ?? 0;
  total.skipped += s.skipped ?? 0;
}

const vitest = "node_modules/.bin/vitest";
let ok = true;
for (const f of ["vitest-pglite.json", "vitest-postgres.json", "playwright.json"]) fs.rmSync(path.join(out, f), { force: true });

ok = run("unit + integration (PGlite)", vitest, ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest-pglite.json`]) && ok;
addVitest("PGlite", `${out}/vitest-pglite.json`);

if (process.env.TEST_DATABASE_URL) {
  ok = run("integration (PostgreSQL)", vitest, ["run", "tests/integration", "--reporter=default", "--reporter=json", `--outputFile.json=${out}/vitest-postgres.json`], { TEST_DB_ENGINE: "postgres" }) && ok;
  addVitest("PostgreSQL", `${out}/vitest-postgres.json`);
} else {
  console.log("\n(integration on PostgreSQL skipped: set TEST_DATABASE_URL to run it)");
}

// The offline assistant on the evaluation set: prints its figures table and counts as one test.
const evalPassed = run("assistant evaluation (offline, eval set)", "node_modules/.bin/tsx", ["scripts/eval-assistant.ts"]);
ok = evalPassed && ok;
total[evalPassed ? "passed" : "failed"] += 1;
if (!evalPassed) failures.push("assistant evaluation (see its table above)");

if (findChromium() && process.env.SKIP_E2E !== "1") {
  const e2ePassed = run("end to end (Playwright, Chromium)", "node_modules/.bin/playwright", ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` });
  ok = e2ePassed && ok;
  addPlaywright(`${out}/playwright.json`);
  // A suite that never started (the build failed, the server did not come up) reports no test: it still counts.
  const report = fs.existsSync(`${out}/playwright.json`) ? JSON.parse(fs.readFileSync(`${out}/playwright.json`, "utf8")) : {};
  if (!e2ePassed && !report.stats?.unexpected) {
    total.failed += 1;
    failures.push(`e2e (did not run)\n    ${firstLine(report.errors?.[0]?.message) || "see the output above"}`);
  }
} else {
  console.log("\n(e2e skipped: no Chromium found — `apt-get install chromium` or set PLAYWRIGHT_CHROMIUM)");
}

// Shortened here (full length by hand: `npm run bench:faults`, `npm run bench:soak`); each counts as one test.
// They need a cluster of their own to restart, and reuse the e2e stage's production build when there is one.
if (process.env.TEST_DATABASE_URL && postgresBinaries() && process.env.SKIP_RELIABILITY !== "1") {
  const env = { BENCH_DATABASE_URL: process.env.TEST_DATABASE_URL, ...(fs.existsSync(".next-e2e/BUILD_ID") ? { BENCH_DIST_DIR: ".next-e2e" } : {}) };
  for (const [label, args] of [["fault injection (quick)", ["bench/faults.ts", "--quick"]], ["soak (1 minute)", ["bench/soak.ts", "--minutes", "1"]]] as const) {
    const passed = run(label, "node_modules/.bin/tsx", [...args], env);
    ok = passed && ok;
    total[passed ? "passed" : "failed"] += 1;
    if (!passed) failures.push(`${label} (see its report above)`);
  }
} else {
  console.log("\n(fault injection and soak skipped: they need TEST_DATABASE_URL and PostgreSQL's server binaries)");
}

if (flaky.length) console.log(`\npassed only when tried again (flaky):\n${flaky.map((f) => `  ${f}`).join("\n")}`);
if (failures.length) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(ok && total.failed === 0 ? 0 : 1);
