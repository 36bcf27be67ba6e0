// The public site's read cache, one per process (on globalThis, so every bundle of the app shares it). Entries are keyed
// by the tenant's inventory stamp, read at most once a second: any change to a car, from any process or code path,
// is visible within about a second, and invalidateCatalog (called by changeDealerSite) makes it immediate in this
// process. No database here: the proxy reads what is already known (knownStamp, knownHost) to answer warm pages
// without a round trip.
const TTL_MS = 60_000;
const STAMP_MS = 1_000;
const HOST_MS = 10_000;
const MAX_ENTRIES = 1_000;

/**
 * While loading, an entry holds the load's promise so concurrent callers share it; once loaded, only the value. A
 * promise carries the async context it was created in (Next's request store, and through it the request and its
 * response), so a kept promise kept its whole request alive: a thousand one-off searches held hundreds of megabytes.
 */
type Entry = { at: number; pending?: Promise<unknown>; settled?: { value: unknown } };
type Store = { entries: Map<string, Entry>; stamps: Map<string, Entry>; hosts: Map<string, Entry> };

const g = globalThis as typeof globalThis & { __forecourtCatalogReads?: Store };
const store: Store = (g.__forecourtCatalogReads ??= { entries: new Map(), stamps: new Map(), hosts: new Map() });

function remember<T>(map: Map<string, Entry>, key: string, ttl: number, load: () => Promise<T>, now: number): Promise<T> {
  const hit = map.get(key);
  if (hit && now - hit.at < ttl) return (hit.settled ? Promise.resolve(hit.settled.value) : hit.pending) as Promise<T>;
  const value = load();
  const entry: Entry = { at: now, pending: value };
  // Re-inserted, so the map stays in load order and expired entries are at its front: searches nobody repeats (a
  // price typed by one shopper) leave after their TTL instead of staying until the cap.
  map.delete(key);
  map.set(key, entry);
  value.then(
    (v) => {
      entry.settled = { value: v };
      entry.pending = undefined;
    },
    () => map.get(key) === entry && map.delete(key),
  );
  for (const [k, e] of map) {
    if (map.size <= MAX_ENTRIES && now - e.at < ttl) break;
    map.delete(k);
  }
  return value;
}

/** What `remember` already holds for `key`, fresh and loaded; never starts a load. */
function known<T>(map: Map<string, Entry>, key: string, ttl: number, now: number): T | undefined {
  const hit = map.get(key);
  return hit?.settled && now - hit.at < ttl ? (hit.settled.value as T) : undefined;
}

/** The tenant's inventory stamp, read from the database at most once a second per process. */
export function currentStamp(tenantId: string, readStamp: () => Promise<string>, now = Date.now()): Promise<string> {
  return remember(store.stamps, tenantId, STAMP_MS, readStamp, now);
}

/** The stamp read in the last second, if there is one (and the tenant was not invalidated since). */
export function knownStamp(tenantId: string, now = Date.now()): string | undefined {
  return known<string>(store.stamps, tenantId, STAMP_MS, now);
}

/** Memoises `load` per tenant, inventory stamp and key; concurrent callers share one load, a failed load is not kept. */
export async function cachedForTenant<T>(tenantId: string, key: string, readStamp: () => Promise<string>, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const stamp = await currentStamp(tenantId, readStamp, now);
  return remember(store.entries, `${tenantId}|${stamp}|${key}`, TTL_MS, load, now);
}

/** Forget a tenant's stamp and entries now (this process); other processes follow within a second by the stamp. */
export function invalidateCatalog(tenantId: string) {
  store.stamps.delete(tenantId);
  for (const k of store.entries.keys()) if (k.startsWith(`${tenantId}|`)) store.entries.delete(k);
}

/** Host → dealer, remembered for a few seconds: every page and asset of a visit asks. */
export function rememberHost<T>(host: string, resolve: () => Promise<T>, now = Date.now()): Promise<T> {
  return remember(store.hosts, host, HOST_MS, resolve, now);
}

/** The dealer this host resolved to in the last few seconds, if it did. */
export function knownHost<T>(host: string, now = Date.now()): T | undefined {
  return known<T>(store.hosts, host, HOST_MS, now);
}

/** After a dealer's domain changes: forget remembered hosts so a removed domain stops resolving at once. */
export function forgetHosts(): void {
  store.hosts.clear();
}
