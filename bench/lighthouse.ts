// npm run bench:lighthouse — Lighthouse (mobile emulation, its default) on the demo dealer site's listing and one vehicle
// page, served by `next start` on PostgreSQL with the demo data: a warm-up visit, then the median of three runs. Prints
// the four category scores against the targets and every audit that failed. Uses Debian's Chromium (CHROME_PATH or
// /usr/bin/chromium); nothing is downloaded.
import fs from "node:fs";
import http from "node:http";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { ensureBuild, freshDatabase, startApp } from "./lib/server";

const port = Number(process.env.BENCH_PORT ?? 3303);
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const targets = { performance: 95, accessibility: 95, "best-practices": 95, seo: 100 } as const;
const flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

if (!fs.existsSync(chromePath)) throw new Error(`No Chromium at ${chromePath}: apt-get install chromium, or set CHROME_PATH.`);
ensureBuild();
const databaseUrl = await freshDatabase("forecourt_bench_lighthouse");
process.env.DATABASE_URL = databaseUrl;
const app = await startApp({ port, databaseUrl });
const { ensureDemoData } = await import("../db/seed");
const { getDbHandle } = await import("../db/client");
console.log("seeding the demo dealers…");
await ensureDemoData();

// Chromium resolves *.localhost to loopback by itself (CONTRACTS §1).
const site = `http://demo-nl.localhost:${port}`;
// Node does not resolve *.localhost, so the bench itself asks 127.0.0.1 with the Host header.
const listingHtml = await new Promise<string>((resolve, reject) => {
  const req = http.request({ host: "127.0.0.1", port, path: "/", headers: { host: `demo-nl.localhost:${port}` } }, (res) => {
    let body = "";
    res.on("data", (c) => (body += c));
    res.on("end", () => resolve(body));
  });
  req.on("error", reject);
  req.end();
});
const car = /href="(\/cars\/[^"?]+)"/.exec(listingHtml)?.[1];
if (!car) throw new Error("the demo listing shows no car");
const pages = [["listing", `${site}/`], ["vehicle page", `${site}${car}`]] as const;
const reports = "tests/artifacts/lighthouse";
fs.mkdirSync(reports, { recursive: true });

/** What an audit points at (a URL, a console message, an element), one line each. */
function itemsOf(details: unknown): string[] {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  return items.map((i) => {
    const node = i.node as { snippet?: string } | undefined;
    return String(i.description ?? i.url ?? node?.snippet ?? JSON.stringify(i)).slice(0, 160);
  });
}

const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags });
let missed = 0;
try {
  for (const [label, url] of pages) {
    // A warm-up pass first, as every other benchmark has: the first visit of a freshly started server pays once for
    // what a live site has long done (loading the route's code, resizing each photo to its widths). Then the median
    // of RUNS runs by performance score, as Lighthouse's own guidance on variance suggests.
    await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: Object.keys(targets) });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      runs.push(run);
    }
    const byPerformance = runs.map((r) => ({ r, p: r.lhr.categories.performance?.score ?? 0 })).sort((a, b) => a.p - b.p);
    const result = byPerformance[Math.floor(byPerformance.length / 2)].r;
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const file = `${reports}/${label.replace(/\W+/g, "-")}.json`;
    fs.writeFileSync(file, typeof result.report === "string" ? result.report : result.report.join("\n"));
    console.log(`\n${label}: ${url} (median of ${RUNS} runs; performance ${byPerformance.map((x) => Math.round(x.p * 100)).join(", ")}; its report: ${file})`);
    for (const [id, target] of Object.entries(targets)) {
      const score = Math.round((categories[id]?.score ?? 0) * 100);
      if (score < target) missed++;
      console.log(`  ${categories[id]?.title.padEnd(16)} ${String(score).padStart(3)}   target ≥ ${target}   ${score >= target ? "ok" : "MISSED"}`);
    }
    const failed = Object.values(categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => audits[r.id]))
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual");
    for (const a of failed) {
      console.log(`  failed: ${a.id} (${Math.round((a.score ?? 0) * 100)}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ""}`);
      for (const item of itemsOf(a.details).slice(0, 3)) console.log(`    ${item}`);
    }
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
    console.log(`  ${metrics.map((m) => `${m.replace(/-/g, " ")} ${audits[m]?.displayValue ?? "?"}`).join(" · ")}`);
  }
} finally {
  await chrome.kill();
  await app.stop();
  await (await getDbHandle()).close();
}
console.log(`\nLighthouse, mobile emulation; targets: performance ≥ 95, accessibility ≥ 95, best practices ≥ 95, SEO 100`);
process.exit(missed ? 1 : 0);
