import { getSystemDb, type Tx } from "./client";
import { APP_ROLE } from "./migrate";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// set_config('role', …, true) is SET LOCAL ROLE, with the same membership check.
const SET_TENANT = "select set_config('app.tenant_id', $1, true), set_config('role', $2, true)";

/**
 * The transaction's driver client: postgres.js (`unsafe`: a query whose `then` hands it to the connection, after a
 * microtask as every query's) or PGlite (`query`).
 */
type DriverClient = { unsafe?: (query: string, args: unknown[]) => PromiseLike<unknown>; query?: (query: string, args: unknown[]) => Promise<unknown> };

/**
 * The only door to tenant data: a transaction that runs as the non-owner app role with the tenant
 * set, so PostgreSQL's row-level security hides every other tenant's rows even if a query forgets
 * its tenant filter.
 *
 * On PostgreSQL the setting is handed to the transaction's connection before `work` starts, without waiting for its
 * answer: it travels with the work's first statement (one round trip fewer per transaction). A connection runs
 * statements in the order they are handed to it, and every statement `work` makes is handed over later, so none runs
 * before the setting; if the setting fails, the transaction fails with its error.
 */
export async function withTenant<T>(tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (!uuidPattern.test(tenantId)) throw new Error("withTenant: tenantId must be a uuid");
  const db = await getSystemDb();
  return db.transaction(async (tx) => {
    const client = (tx as unknown as { session: { client: DriverClient } }).session.client;
    if (typeof client.unsafe !== "function") {
      // PGlite: in-process, nothing to save; set it, then work.
      await client.query!(SET_TENANT, [tenantId, APP_ROLE]);
      return work(tx as unknown as Tx);
    }
    // Calling `then` now is what hands it over before anything `work` does.
    const setting = client.unsafe(SET_TENANT, [tenantId, APP_ROLE]).then(() => undefined);
    const [, result] = await Promise.all([setting, work(tx as unknown as Tx)]);
    return result;
  });
}
