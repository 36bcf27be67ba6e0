import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPglite } from "@/db/client";
import { migrate } from "@/db/migrate";

// Migrating PGlite takes seconds; do it once per run and let every test file load a copy.
export default async function setup() {
  process.env.FORECOURT_TEST = "1";
  const handle = await openPglite();
  await migrate(handle);
  const client = (handle.db as unknown as { $client: { dumpDataDir: (c?: "none" | "gzip") => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "forecourt-pglite-")), "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  process.env.FORECOURT_PGLITE_TEMPLATE = file;
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
