import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointments, branches, memberships, vehicles, type Role } from "@/db/schema";

export type Colleague = { userId: string; role: Role; onDuty: boolean; branchId: string | null };

/**
 * Who hears about an unassigned lead: the on-duty reps placed in the lead's showroom, else everyone on duty
 * (reps and managers, wherever they work), else the managers so a hot lead is never told to nobody.
 */
export function pickRecipients(team: Colleague[], showroomId: string | null): string[] {
  const onDuty = team.filter((m) => m.onDuty && (m.role === "sales" || m.role === "manager"));
  const here = showroomId ? onDuty.filter((m) => m.branchId === showroomId) : [];
  const chosen = here.length ? here : onDuty.length ? onDuty : team.filter((m) => m.role === "manager");
  return chosen.map((m) => m.userId);
}

async function mainShowroomId(tx: Tx, tenantId: string): Promise<string | null> {
  const [row] = await tx.select({ id: branches.id }).from(branches).where(and(eq(branches.tenantId, tenantId), eq(branches.isDefault, true))).limit(1);
  return row?.id ?? null;
}

/**
 * The showroom a lead is about: that of its latest booked test drive or visit, else the one the assistant last
 * talked about, else where its car of interest stands. A car or booking without a branch is the main showroom.
 */
export async function leadShowroomId(tx: Tx, tenantId: string, lead: { id: string; branchId: string | null; vehicleId: string | null }): Promise<string | null> {
  const [booking] = await tx.select({ branchId: appointments.branchId }).from(appointments)
    .where(and(eq(appointments.tenantId, tenantId), eq(appointments.leadId, lead.id), inArray(appointments.status, ["booked", "confirmed"])))
    .orderBy(desc(appointments.createdAt)).limit(1);
  if (booking) return booking.branchId ?? mainShowroomId(tx, tenantId);
  if (lead.branchId) return lead.branchId;
  if (!lead.vehicleId) return null;
  const [car] = await tx.select({ branchId: vehicles.branchId }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, lead.vehicleId))).limit(1);
  if (!car) return null;
  return car.branchId ?? mainShowroomId(tx, tenantId);
}

export function activeTeam(tx: Tx, tenantId: string): Promise<Colleague[]> {
  return tx.select({ userId: memberships.userId, role: memberships.role, onDuty: memberships.onDuty, branchId: memberships.branchId }).from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.active, true)));
}
