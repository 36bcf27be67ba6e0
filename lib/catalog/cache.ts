// The public site's read cache: one per process (on globalThis, so every bundle of the app shares it), entries live a
// few seconds at most and a tenant's entries are dropped at once when its inventory changes (invalidateCatalog).
const TTL_MS = 10_000;
const MAX_ENTRIES = 5_000;

type Entry = { at: number; value: Promise<unknown> };
type Store = { entries: Map<string, Entry>; generations: Map<string, number> };

const g = globalThis as typeof globalThis & { __forecourtCatalogCache?: Store };
const store: Store = (g.__forecourtCatalogCache ??= { entries: new Map(), generations: new Map() });

/** Memoises `load` per tenant and key; concurrent callers share one load, a failed load is not kept. */
export function cachedForTenant<T>(tenantId: string, key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const k = `${tenantId}|${store.generations.get(tenantId) ?? 0}|${key}`;
  const hit = store.entries.get(k);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  store.entries.set(k, { at: now, value });
  value.catch(() => store.entries.get(k)?.value === value && store.entries.delete(k));
  while (store.entries.size > MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value as string);
  return value;
}

/** A vehicle of this tenant was added, sold, repriced or removed: nothing cached for it may be served again. */
export function invalidateCatalog(tenantId: string) {
  store.generations.set(tenantId, (store.generations.get(tenantId) ?? 0) + 1);
  for (const k of store.entries.keys()) if (k.startsWith(`${tenantId}|`)) store.entries.delete(k);
}
