import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import postgres from "postgres";

// Benchmarks run the production build (`next start`) on real PostgreSQL, as the issues ask.
export const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:54329/postgres";
const distDir = ".next-bench";

export function ensureBuild() {
  if (fs.existsSync(`${distDir}/BUILD_ID`) && process.env.BENCH_REBUILD !== "1") return;
  console.log("building the app (next build)…");
  const r = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: distDir } });
  if (r.status !== 0) throw new Error("next build failed");
}

export async function freshDatabase(name: string) {
  const admin = postgres(PG_ADMIN, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startApp(o: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<{ proc: ChildProcess; url: string; rss: () => number; stop: () => Promise<void> }> {
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the app when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const proc = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(o.port)], {
    env: { ...process.env, NEXT_DIST_DIR: distDir, DATABASE_URL: o.databaseUrl, ROOT_DOMAIN: `localhost:${o.port}`, NODE_ENV: "production", ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout!.on("data", (d) => (log += d));
  proc.stderr!.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${o.port}`;
  for (let i = 0; i < 240; i++) {
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (proc.exitCode !== null) throw new Error(`app exited:\n${log}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  // Touch a page that needs the database so migrations and boot are done before measuring.
  await fetch(`${url}/sign-in`);
  return {
    proc, url,
    rss: () => {
      try { return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, "utf8"))?.[1] ?? 0) * 1024; } catch { return 0; }
    },
    stop: () => new Promise((resolve) => { proc.once("exit", () => resolve()); proc.kill("SIGTERM"); setTimeout(() => proc.kill("SIGKILL"), 5000); }),
  };
}
