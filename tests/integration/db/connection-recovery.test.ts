import net from "node:net";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import postgres from "postgres";
import { testEngine } from "../../helpers/db";

// postgres.js 3.4.9 batches small writes until the next turn of the event loop. When a connection's socket closed
// with such a write still pending, the connection kept that stale state: every later connect attempt buffered its
// startup message behind it and never sent it, so each query on that connection waited out connect_timeout. After
// a database restart under load the whole pool ended up like that. scripts/patch-dependencies.mjs mends it; this
// test fails without the mend. It closes the socket itself (postgres.js's `socket` option hands it over), so the
// timing is exact rather than a race with a real restart.
describe.runIf(testEngine() === "postgres")("a PostgreSQL connection whose socket closed with a write pending", () => {
  // The insert's bytes are still buffered when the socket goes; the transaction's rollback is written after it
  // has gone. Before the mend the rollback threw from a timer and the next query waited out connect_timeout.
  it("fails the transaction whose socket closed mid-way and answers the next query on a new socket", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const sockets: net.Socket[] = [];
    // One connection whose sockets the test holds. `socket` is documented in postgres.js's README but missing from its types.
    const sql = postgres(url.toString(), {
      max: 1, connect_timeout: 3, onnotice: () => {},
      socket: async () => {
        const socket = net.connect(Number(url.port || 5432), url.hostname);
        await once(socket, "connect");
        sockets.push(socket);
        return socket;
      },
    } as postgres.Options<Record<string, never>>);
    try {
      const cut = sql.begin(async (tx) => {
        await tx`create temporary table never_committed (n int)`;
        const insert = tx`insert into never_committed values (1)`.execute();
        sockets[0].destroy();
        await insert;
      });
      await expect(cut).rejects.toMatchObject({ code: expect.stringMatching(/^CONNECTION_/) });
      // A temporary table lives with its session: the new session does not see it. Answered at once, not after
      // connect_timeout; on a new socket (postgres.js sometimes opens one more while the cut transaction fails).
      const started = Date.now();
      expect(await sql`select to_regclass('pg_temp.never_committed') as t`).toEqual([{ t: null }]);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(sockets.length).toBeGreaterThanOrEqual(2);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
