import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// A throwaway PostgreSQL cluster of the script's own (never the shared test server), so a fault scenario can
// restart it. As root the server must run as the postgres user, like scripts/start-test-postgres.sh does it.

export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const version = fs.readdirSync(root).sort((a, b) => Number(a) - Number(b)).at(-1);
  const bin = version ? path.join(root, version, "bin") : null;
  return bin && fs.existsSync(path.join(bin, "pg_ctl")) ? bin : null;
}

export async function startThrowawayPostgres(port: number) {
  const bin = postgresBinaries();
  if (!bin) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "forecourt-faults-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  // Async so the webhook driver keeps sending while the server goes down and comes back.
  const run = async (tool: string, args: string[]) => {
    const cmd = [path.join(bin, tool), ...args];
    if (asRoot) await promisify(execFile)("su", ["postgres", "-c", cmd.map((a) => `'${a}'`).join(" ")]);
    else await promisify(execFile)(cmd[0], cmd.slice(1));
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const ctl = (action: string, extra: string[] = []) => run("pg_ctl", ["-D", `${dir}/data`, "-o", options, "-l", `${dir}/server.log`, action, "-w", ...extra]);
  await run("initdb", ["-D", `${dir}/data`, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  await ctl("start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** Fast shutdown (every connection is cut), down for `downMs`, then up again. */
    restart: async (downMs: number) => {
      await ctl("stop", ["-m", "fast"]);
      await new Promise((r) => setTimeout(r, downMs));
      await ctl("start");
    },
    stop: async () => {
      await ctl("stop", ["-m", "immediate"]).catch(() => { /* already down */ });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
