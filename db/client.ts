import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";
import { env } from "@/lib/env";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** `background`: a pool of its own for the in-process runner's work, when the handle has one. */
type DbHandle = { db: Db; background?: Db; kind: "postgres" | "pglite"; close: () => Promise<void> };

// One handle per process: Next.js may load this module in several bundles, and a PGlite
// directory must never be opened twice. The same goes for the marker of background work.
const holder = globalThis as unknown as { __forecourtDb?: Promise<DbHandle>; __forecourtBackground?: AsyncLocalStorage<true> };
const backgroundWork = (holder.__forecourtBackground ??= new AsyncLocalStorage<true>());

/** Longer statements (bulk inserts, whose text changes with their row count) are sent unnamed, not kept per connection. */
const MAX_PREPARED_TEXT = 8_192;

/**
 * Drizzle sends each query unnamed, and postgres.js then spends two round trips on every query with parameters
 * (parse and describe, then bind and execute). This names them instead: a query text seen before on a connection
 * is one round trip. Transactions and savepoints get the same client. See openPostgres for how they are planned.
 */
export function preparingClient<T extends object>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "unsafe") {
        return (query: string, args?: unknown[], options?: Record<string, unknown>) =>
          value.call(target, query, args, args?.length && query.length <= MAX_PREPARED_TEXT ? { ...options, prepare: true } : options);
      }
      if (prop === "begin" || prop === "savepoint") {
        return (...params: unknown[]) => {
          const work = params.pop() as (tx: T) => unknown;
          return value.call(target, ...params, (tx: T) => work(preparingClient(tx)));
        };
      }
      return value.bind(target);
    },
  });
}

/**
 * Requests (pages, searches, webhooks) plan every execution with its actual values, exactly as unnamed statements
 * were: their costs swing with the tenant and the filters (one dealer has 10 cars, another 10,000). The background
 * pool runs the job runner's bookkeeping and the reply pipeline, thousands of small key lookups of a few shapes,
 * where planning took as long as executing: it lets PostgreSQL switch a statement to its generic plan after five
 * executions when that plan costs no more than the custom ones did.
 */
export async function openPostgres(url: string, max = 10, backgroundMax = 0): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const open = (size: number, planCacheMode: "force_custom_plan" | "auto") =>
    postgres(url, { max: size, onnotice: () => {}, prepare: true, connection: { plan_cache_mode: planCacheMode } });
  const client = open(max, "force_custom_plan");
  const background = backgroundMax > 0 ? open(backgroundMax, "auto") : null;
  return {
    db: drizzle({ client: preparingClient(client), schema }) as unknown as Db,
    ...(background ? { background: drizzle({ client: preparingClient(background), schema }) as unknown as Db } : {}),
    kind: "postgres",
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), background?.end({ timeout: 5 })]);
    },
  };
}

/**
 * Runs `work` as background work: its queries use the background pool, so a burst of queued runs never keeps a
 * webhook or a page waiting for a connection (foreground first; see inngest/local/pressure.ts).
 */
export function asBackgroundWork<T>(work: () => Promise<T>): Promise<T> {
  return backgroundWork.run(true, work);
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
  const handle = e.DATABASE_URL ? await openPostgres(e.DATABASE_URL, 10, 10) : await openPglite(e.PGLITE_DIR);
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
  const handle = await getDbHandle();
  return (backgroundWork.getStore() && handle.background) || handle.db;
}

/** Tests install their own database (PGlite in memory or a fresh PostgreSQL database). */
export function installDbHandle(handle: DbHandle | undefined) {
  holder.__forecourtDb = handle ? Promise.resolve(handle) : undefined;
}

export type { DbHandle };
