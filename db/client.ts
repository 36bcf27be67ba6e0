import path from "node:path";
import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";
import { env } from "@/lib/env";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

type DbHandle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

// One handle per process: Next.js may load this module in several bundles, and a PGlite
// directory must never be opened twice.
const holder = globalThis as unknown as { __forecourtDb?: Promise<DbHandle> };

export async function openPostgres(url: string, max = 10): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max, onnotice: () => {}, prepare: true });
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (dataDir) fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const client = await PGlite.create(dataDir ? path.resolve(dataDir) : undefined, { extensions: { pg_trgm }, loadDataDir });
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

async function openFromEnv(): Promise<DbHandle> {
  const e = env();
  const handle = e.DATABASE_URL ? await openPostgres(e.DATABASE_URL) : await openPglite(e.PGLITE_DIR);
  const { migrate } = await import("./migrate");
  await migrate(handle);
  return handle;
}

export async function getDbHandle(): Promise<DbHandle> {
  holder.__forecourtDb ??= openFromEnv().catch((err) => {
    holder.__forecourtDb = undefined;
    throw err;
  });
  return holder.__forecourtDb;
}

/** The system connection: only for work that has no tenant yet (routing webhooks, auth, workers). */
export async function getSystemDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests install their own database (PGlite in memory or a fresh PostgreSQL database). */
export function installDbHandle(handle: DbHandle | undefined) {
  holder.__forecourtDb = handle ? Promise.resolve(handle) : undefined;
}

export type { DbHandle };
