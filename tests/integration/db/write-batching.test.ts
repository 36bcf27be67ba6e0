import net from "node:net";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import postgres from "postgres";
import { testEngine } from "../../helpers/db";

// postgres.js gathers what a turn of the event loop sends on a connection into one socket write. Unmended it writes at
// once when 1 KB has gathered, so a statement with a few KB of JSON (a stored answer, a queued run) went out alone and
// the statements sent with it in a write of their own. scripts/patch-dependencies.mjs raises that bound to 16 KB; this
// test fails without the mend. It counts the writes on a socket it hands to postgres.js.
describe.runIf(testEngine() === "postgres")("statements sent in one turn", () => {
  it("go to PostgreSQL in one write, a few KB of JSON among them", async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    let writes = 0;
    // `socket` is documented in postgres.js's README but missing from its types.
    const sql = postgres(url.toString(), {
      max: 1, onnotice: () => {},
      socket: async () => {
        const socket = net.connect(Number(url.port || 5432), url.hostname);
        await once(socket, "connect");
        const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
        socket.write = ((...args: unknown[]) => {
          writes++;
          return write(...args);
        }) as typeof socket.write;
        return socket;
      },
    } as postgres.Options<Record<string, never>>);
    try {
      const meta = JSON.stringify({ memory: Array.from({ length: 300 }, (_, i) => `note ${i}`) });
      expect(meta.length).toBeGreaterThan(1024);
      const round = () => Promise.all([sql`select ${meta}::text as meta`, sql`select 1 as one`, sql`select 2 as two`]);
      // The first round prepares the statements (a round trip of its own); the second runs them prepared.
      await round();
      const before = writes;
      const [[a], [b], [c]] = await round();
      expect(writes - before).toBe(1);
      expect([a.meta, b.one, c.two]).toEqual([meta, 1, 2]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
