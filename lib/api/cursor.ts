// Keyset cursors over (created_at, id) newest first; created_at travels as PostgreSQL text so
// microseconds survive (a JS Date would round them and skip or repeat rows).

export type Cursor = { createdAt: string; id: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString("base64url");
}

export function decodeCursor(raw: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [createdAt, id] = value;
    if (typeof createdAt !== "string" || typeof id !== "string" || !uuid.test(id) || Number.isNaN(Date.parse(createdAt))) return null;
    return { createdAt, id };
  } catch {
    return null;
  }
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export type PageParams = { limit: number; cursor: Cursor | null };

/** `?limit=&cursor=` → params, or the sentence explaining what is wrong. */
export function parsePageParams(search: URLSearchParams): { ok: true; value: PageParams } | { ok: false; error: string } {
  const rawLimit = search.get("limit");
  const limit = rawLimit === null ? DEFAULT_PAGE_SIZE : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) return { ok: false, error: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.` };
  const rawCursor = search.get("cursor");
  if (!rawCursor) return { ok: true, value: { limit, cursor: null } };
  const cursor = decodeCursor(rawCursor);
  return cursor ? { ok: true, value: { limit, cursor } } : { ok: false, error: "cursor is not one this API issued." };
}
