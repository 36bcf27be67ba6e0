import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { encodeCursor, type Cursor } from "../cursor";

export type Page<T> = { data: T[]; nextCursor: string | null };

export const cursorKey = (createdAt: PgColumn) => sql<string>`${createdAt}::text`;

/** Rows strictly after the cursor in (created_at desc, id desc) order. */
export function afterCursor(createdAt: PgColumn, id: PgColumn, cursor: Cursor | null): SQL | undefined {
  return cursor ? sql`(${createdAt}, ${id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)` : undefined;
}

/** Callers fetch limit + 1 rows; the extra one only tells whether another page exists. */
export function toPage<R extends { id: string; cursorKey: string }, T>(rows: R[], limit: number, serialize: (row: R) => T): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { data: items.map(serialize), nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.cursorKey, id: last.id }) : null };
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
