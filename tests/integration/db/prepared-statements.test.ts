import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPostgres, type DbHandle } from "@/db/client";
import { testEngine } from "../../helpers/db";

// PGlite runs in-process with no wire protocol; naming statements is about PostgreSQL round trips.
describe.runIf(testEngine() === "postgres")("queries with parameters are named statements on PostgreSQL", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openPostgres(process.env.TEST_DATABASE_URL!, 1, 1);
  });
  afterAll(() => handle.close());

  const named = async (db: DbHandle["db"] | Parameters<Parameters<DbHandle["db"]["transaction"]>[0]>[0], text: string) => {
    const rows = await db.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${text}%`} and statement not like '%pg_prepared_statements%'`);
    return (rows as unknown as { n: number }[])[0].n;
  };

  it("prepares a query once per connection and runs it again by name, in and out of transactions", async () => {
    const slug = `dealer-${Date.now()}`;
    for (let i = 0; i < 3; i++) expect(await handle.db.execute(sql`select ${`${slug}-${i}`}::text as outside_transaction`)).toEqual([{ outside_transaction: `${slug}-${i}` }]);
    expect(await named(handle.db, "as outside_transaction")).toBe(1);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select ${slug}::text as in_transaction`);
      await tx.transaction(async (inner) => {
        await inner.execute(sql`select ${slug}::text as in_savepoint`);
        expect(await named(inner, "as in_savepoint")).toBe(1);
      });
      expect(await named(tx, "as in_transaction")).toBe(1);
    });
  });

  it("plans each request's execution with its own values; background work may reuse generic plans", async () => {
    const mode = async (db: DbHandle["db"]) => ((await db.execute(sql`show plan_cache_mode`)) as unknown as { plan_cache_mode: string }[])[0].plan_cache_mode;
    expect(await mode(handle.db)).toBe("force_custom_plan");
    expect(await mode(handle.background!)).toBe("auto");
  });

  it("sends long statements (bulk inserts) unnamed", async () => {
    const values = Array.from({ length: 1_000 }, (_, i) => sql`(${i}::int)`);
    await handle.db.execute(sql`select count(*) from (values ${sql.join(values, sql`, `)}) as bulk_unnamed(n)`);
    expect(await named(handle.db, "bulk_unnamed")).toBe(0);
  });
});
