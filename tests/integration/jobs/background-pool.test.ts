import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { asBackgroundWork, getSystemDb, installDbHandle, openPostgres, type DbHandle } from "@/db/client";
import { testEngine } from "../../helpers/db";

// PGlite is one connection in-process; the pools exist only on PostgreSQL.
describe.runIf(testEngine() === "postgres")("background work has a pool of its own", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    // One connection each, so a single held transaction fills a pool.
    handle = await openPostgres(process.env.TEST_DATABASE_URL!, 1, 1);
    installDbHandle(handle);
  });
  afterAll(async () => {
    installDbHandle(undefined);
    await handle.close();
  });

  it("queued runs holding every background connection never keep a foreground query waiting", async () => {
    expect(await asBackgroundWork(() => getSystemDb())).toBe(handle.background);
    expect(await getSystemDb()).toBe(handle.db);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const first = asBackgroundWork(async () => (await getSystemDb()).transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      started();
      await held;
    }));
    await holding;
    let secondDone = false;
    const second = asBackgroundWork(async () => (await getSystemDb()).execute(sql`select 2`)).then(() => (secondDone = true));

    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve("foreground query waited"), 5_000));
    const foreground = (await getSystemDb()).execute(sql`select 3 as n`).then(() => "answered");
    expect(await Promise.race([foreground, timeout])).toBe("answered");
    // The other background query waits its turn in the background pool.
    expect(secondDone).toBe(false);

    release();
    await Promise.all([first, second]);
    expect(secondDone).toBe(true);
  });
});
