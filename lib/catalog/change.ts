import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { invalidateCatalog } from "./cache";

/**
 * A transaction that may change what the dealer's public site shows: its cars or its showrooms. Once it has committed,
 * this process's site cache forgets the dealer, so the site shows the change at once (other processes follow within
 * a second, by the inventory stamp). A transaction that fails changes nothing, so the cache is kept.
 */
export async function changeDealerSite<T>(tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await withTenant(tenantId, work);
  invalidateCatalog(tenantId);
  return result;
}
