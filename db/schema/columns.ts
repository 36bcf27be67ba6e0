import { timestamp, uuid } from "drizzle-orm/pg-core";
import { tenants } from "./tenancy";

export const id = () => uuid("id").primaryKey().defaultRandom();

// Every tenant-owned table starts with these; RLS is applied to any table with a tenant_id column.
export const tenantColumns = () => ({
  id: id(),
  tenantId: uuid("tenant_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const ts = (name: string) => timestamp(name, { withTimezone: true });
