import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import postgres from "postgres";

// Benchmarks run the production build (`next start`) on real PostgreSQL, as the issues ask.
export const PG_ADMIN = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:54329/postgres";
// CI points this at the build the e2e stage already made (`.next-e2e`) instead of building twice.
const distDir = process.env.BENCH_DIST_DIR ?? ".next-bench";

export function ensureBuild() {
  if (fs.existsSync(`${distDir}/BUILD_ID`) && process.env.BENCH_REBUILD !== "1") return;
  console.log("building the app (next build)…");
  const r = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: distDir } });
  if (r.status !== 0) throw new Error("next build failed");
}

export async function freshDatabase(name: string, admin = PG_ADMIN) {
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists ${name} with (force)`);
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

// `next start` forks the actual server, so the app runs in its own process group: stopping, killing and
// measuring it covers every process in that group.
function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the ")" of the command name: state, ppid, pgrp, …
      const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch { /* exited meanwhile */ }
  }
  return pids;
}

function groupRss(pgid: number) {
  let bytes = 0;
  for (const pid of groupPids(pgid)) {
    try { bytes += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024; } catch { /* exited */ }
  }
  return bytes;
}

/** CPU seconds (user + system) a process has used so far; 0 once it has exited. Linux counts in 1/100 s. */
function cpuSeconds(pid: number | string): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch { return 0; /* exited meanwhile */ }
}

/**
 * CPU seconds used so far by this machine's PostgreSQL processes, or null when none runs here (a remote server).
 * Taken before and after a run, it shows the database's share of the work, steadier than latency on a shared machine.
 */
export function localPostgresCpu(): number | null {
  let total = 0;
  let found = false;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
    } catch { continue; }
    found = true;
    total += cpuSeconds(entry);
  }
  return found ? total : null;
}

const signalGroup = (proc: ChildProcess, signal: NodeJS.Signals) => {
  try { process.kill(-proc.pid!, signal); } catch { /* already gone */ }
};
const running = new Set<ChildProcess>();
process.on("exit", () => { for (const p of running) signalGroup(p, "SIGKILL"); });

/** `cpu`: CPU seconds the app's processes have used so far. */
export type App = { proc: ChildProcess; url: string; log: () => string; rss: () => number; cpu: () => number; stop: () => Promise<void>; kill: () => Promise<void> };

export async function startApp(o: { port: number; databaseUrl: string; env?: Record<string, string> }): Promise<App> {
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the app when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const proc = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(o.port)], {
    env: { ...process.env, NEXT_DIST_DIR: distDir, DATABASE_URL: o.databaseUrl, ROOT_DOMAIN: `localhost:${o.port}`, NODE_ENV: "production", ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.add(proc);
  let log = "";
  proc.stdout!.on("data", (d) => (log += d));
  proc.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${o.port}`;
  const waitGone = async (signal: NodeJS.Signals) => {
    signalGroup(proc, signal);
    const hard = setTimeout(() => signalGroup(proc, "SIGKILL"), 5000);
    await exited;
    // The forked server may outlive the CLI by a moment.
    for (let i = 0; i < 50 && groupPids(proc.pid!).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    clearTimeout(hard);
    running.delete(proc);
  };
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
    log: () => log,
    rss: () => groupRss(proc.pid!),
    cpu: () => groupPids(proc.pid!).reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    stop: () => waitGone("SIGTERM"),
    // kill -9: no graceful shutdown, no `after()` callbacks, nothing flushed.
    kill: () => waitGone("SIGKILL"),
  };
}
