// Kept apart from page-cache.ts so the proxy can import it without pulling in the database.
/** Requests carrying this header render the page itself; the proxy never sends them back to the page cache. */
export const RENDER_HEADER = "x-forecourt-render";
