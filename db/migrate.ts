import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Tables read only by system code (before a tenant is known); the app role gets no access to them.
const systemTables = ["sessions", "webhook_inbox", "job_runs", "__drizzle_migrations"];
export const APP_ROLE = "forecourt_app";

const currentTenant = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

export async function migrate(handle: DbHandle) {
  if (handle.kind === "pglite") {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(handle.db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
    // Several app instances may start at once; one migrates, the others wait.
    await handle.db.execute(sql`select pg_advisory_lock(7419001)`);
    try {
      await run(handle.db as never, { migrationsFolder });
    } finally {
      await handle.db.execute(sql`select pg_advisory_unlock(7419001)`);
    }
  }
  await applyTenantIsolation(handle);
}

/**
 * Row-level security on every table that has a tenant_id column, derived from the catalog so a
 * new table is covered without anyone remembering to add a policy.
 */
export async function applyTenantIsolation({ db }: DbHandle) {
  await db.execute(
    sql.raw(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
    END $$`),
  );
  await db.execute(sql.raw(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`));
  await db.execute(sql.raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`));
  await db.execute(sql.raw(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`));
  for (const table of systemTables) {
    await db.execute(sql.raw(`DO $$ BEGIN
      IF to_regclass('public.${table}') IS NOT NULL THEN EXECUTE 'REVOKE ALL ON ${table} FROM ${APP_ROLE}'; END IF;
    END $$`));
  }

  const rows = (await db.execute(
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'tenant_id'`,
  )) as unknown as { rows?: { table_name: string }[] } | { table_name: string }[];
  const tables = (Array.isArray(rows) ? rows : (rows.rows ?? []))
    .map((r) => r.table_name)
    .filter((t) => !systemTables.includes(t));

  for (const table of tables) {
    await protect(db, table, `tenant_id = ${currentTenant}`);
  }
  await protect(db, "tenants", `id = ${currentTenant}`);
  await protect(
    db,
    "users",
    `EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.tenant_id = ${currentTenant})`,
  );
}

async function protect(db: DbHandle["db"], table: string, predicate: string) {
  await db.execute(sql.raw(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`));
  await db.execute(sql.raw(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`));
  await db.execute(sql.raw(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`));
  await db.execute(sql.raw(`CREATE POLICY tenant_isolation ON "${table}" USING (${predicate}) WITH CHECK (${predicate})`));
}
