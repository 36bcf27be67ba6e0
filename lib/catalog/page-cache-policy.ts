// Which requests the dealer-site page cache answers. Kept apart from page-cache.ts so the proxy can import it without
// pulling in the database.

/** Requests carrying this header render the page itself; the proxy never sends them back to the page cache. */
export const RENDER_HEADER = "x-forecourt-render";

// Free text and numeric bounds make nearly every URL unique: caching them would only churn the cache and add a hop.
const ONE_OFF_PARAMS = ["q", "minPrice", "maxPrice", "minYear", "maxKm"];

/** The listing (plain, or filtered by facets, sorted, paged) and vehicle pages; not one-off searches. */
export function isCacheablePage(pathname: string, search: URLSearchParams): boolean {
  if (pathname !== "/" && !/^\/cars\/[^/]+$/.test(pathname)) return false;
  return !search.has("_rsc") && !ONE_OFF_PARAMS.some((p) => search.get(p)?.trim());
}
