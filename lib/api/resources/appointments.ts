import { and, desc, eq, getTableColumns } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { appointments } from "@/db/schema";
import type { PageParams } from "../cursor";
import { afterCursor, cursorKey, iso, toPage } from "./page";

type AppointmentRow = typeof appointments.$inferSelect;

export function serializeAppointment(a: AppointmentRow) {
  return {
    id: a.id, leadId: a.leadId, contactId: a.contactId, vehicleId: a.vehicleId, branchId: a.branchId, assignedUserId: a.assignedUserId,
    kind: a.kind, startsAt: iso(a.startsAt), endsAt: iso(a.endsAt), status: a.status, notes: a.notes, createdBy: a.createdBy,
    createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt),
  };
}

export async function listAppointmentsPage(tenantId: string, page: PageParams) {
  const rows = await withTenant(tenantId, (tx) =>
    tx.select({ ...getTableColumns(appointments), cursorKey: cursorKey(appointments.createdAt) }).from(appointments)
      .where(and(eq(appointments.tenantId, tenantId), afterCursor(appointments.createdAt, appointments.id, page.cursor)))
      .orderBy(desc(appointments.createdAt), desc(appointments.id)).limit(page.limit + 1),
  );
  return toPage(rows, page.limit, serializeAppointment);
}

export async function getAppointment(tenantId: string, id: string) {
  const [row] = await withTenant(tenantId, (tx) => tx.select().from(appointments).where(and(eq(appointments.tenantId, tenantId), eq(appointments.id, id))).limit(1));
  return row ? serializeAppointment(row) : null;
}
