import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll } from "vitest";
import { installDbHandle, openPglite, openPostgres, type DbHandle } from "@/db/client";
import { migrate } from "@/db/migrate";

export type TestEngine = "pglite" | "postgres";

/** Which engine this run uses: PostgreSQL when CI provides TEST_DATABASE_URL and asks for it. */
export function testEngine(): TestEngine {
  return process.env.TEST_DB_ENGINE === "postgres" && process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
}

/** A fresh, migrated database for one test file, installed as the product's database. */
export async function createTestDatabase(engine: TestEngine = testEngine()): Promise<DbHandle> {
  if (engine === "pglite") {
    const template = process.env.FORECOURT_PGLITE_TEMPLATE;
    if (template && fs.existsSync(template)) return openPglite(undefined, new Blob([fs.readFileSync(template)]));
    const handle = await openPglite();
    await migrate(handle);
    return handle;
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `forecourt_test_${randomBytes(6).toString("hex")}`;
  const admin = await openPostgres(adminUrl, 1);
  await admin.db.execute(`create database ${name}` as never);
  await admin.close();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), 5);
  await migrate(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = await openPostgres(adminUrl, 1);
      await cleanup.db.execute(`drop database if exists ${name} with (force)` as never);
      await cleanup.close();
    },
  };
}

/** Registers beforeAll/afterAll hooks; the returned getter gives the handle inside tests. */
export function useTestDatabase(engine?: TestEngine) {
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    installDbHandle(handle);
  });
  afterAll(async () => {
    installDbHandle(undefined);
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("test database not ready");
    return handle;
  };
}
