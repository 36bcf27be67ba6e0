import { sql } from "drizzle-orm";
import { getSystemDb, type Tx } from "./client";
import { APP_ROLE } from "./migrate";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The only door to tenant data: a transaction that runs as the non-owner app role with the tenant
 * set, so PostgreSQL's row-level security hides every other tenant's rows even if a query forgets
 * its tenant filter.
 */
export async function withTenant<T>(tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (!uuidPattern.test(tenantId)) throw new Error("withTenant: tenantId must be a uuid");
  const db = await getSystemDb();
  return db.transaction(async (tx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE, with the same membership check.
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', ${APP_ROLE}, true)`);
    return work(tx as unknown as Tx);
  });
}
