import { and, desc, eq, getTableColumns, isNull } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { contacts } from "@/db/schema";
import type { PageParams } from "../cursor";
import { afterCursor, cursorKey, iso, toPage } from "./page";

type ContactRow = typeof contacts.$inferSelect;

export function serializeContact(c: ContactRow) {
  return {
    id: c.id, name: c.name, phone: c.phone, email: c.email, language: c.language, consentMarketing: c.consentMarketing,
    optedOut: Boolean(c.optedOutAt), tags: c.tags, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt),
  };
}

// Erased contacts (privacy requests) are gone for integrations too.
export async function listContactsPage(tenantId: string, page: PageParams) {
  const rows = await withTenant(tenantId, (tx) =>
    tx.select({ ...getTableColumns(contacts), cursorKey: cursorKey(contacts.createdAt) }).from(contacts)
      .where(and(eq(contacts.tenantId, tenantId), isNull(contacts.erasedAt), afterCursor(contacts.createdAt, contacts.id, page.cursor)))
      .orderBy(desc(contacts.createdAt), desc(contacts.id)).limit(page.limit + 1),
  );
  return toPage(rows, page.limit, serializeContact);
}

export async function getContact(tenantId: string, id: string) {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select().from(contacts).where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id), isNull(contacts.erasedAt))).limit(1),
  );
  return row ? serializeContact(row) : null;
}
