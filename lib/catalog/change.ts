import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { invalidateCatalog } from "./cache";

/**
 * A transaction that may change what the dealer's public site shows: its cars or its showrooms. Once it has committed,
 * this process's site cache forgets the dealer, so the site shows the change at once (other processes follow within
 * a second, by the inventory stamp). A transaction that fails changes nothing, so the cache is kept; so does one whose
 * result `changed` says left the site as it was (a feed pull that found every car as it was).
 */
export async function changeDealerSite<T>(tenantId: string, work: (tx: Tx) => Promise<T>, changed: (result: T) => boolean = () => true): Promise<T> {
  const result = await withTenant(tenantId, work);
  if (changed(result)) invalidateCatalog(tenantId);
  return result;
}
