// The public site's read cache, one per process (on globalThis, so every bundle of the app shares it). Entries are keyed
// by the tenant's inventory stamp, read at most once a second: any change to a car, from any process or code path,
// is visible within about a second, and invalidateCatalog makes it immediate in this process.
const TTL_MS = 60_000;
const STAMP_MS = 1_000;
const MAX_ENTRIES = 5_000;

type Entry = { at: number; value: Promise<unknown> };
type Store = { entries: Map<string, Entry>; stamps: Map<string, Entry> };

const g = globalThis as typeof globalThis & { __forecourtCatalogReads?: Store };
const store: Store = (g.__forecourtCatalogReads ??= { entries: new Map(), stamps: new Map() });

function remember<T>(map: Map<string, Entry>, key: string, ttl: number, load: () => Promise<T>, now: number): Promise<T> {
  const hit = map.get(key);
  if (hit && now - hit.at < ttl) return hit.value as Promise<T>;
  const value = load();
  map.set(key, { at: now, value });
  value.catch(() => map.get(key)?.value === value && map.delete(key));
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string);
  return value;
}

/** The tenant's inventory stamp, read from the database at most once a second per process. */
export function currentStamp(tenantId: string, readStamp: () => Promise<string>, now = Date.now()): Promise<string> {
  return remember(store.stamps, tenantId, STAMP_MS, readStamp, now);
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
