import { and, asc, desc, eq, or, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { appointments, branches, leads, memberships, vehicles, type BusinessHoursJson } from "@/db/schema";
import { changeDealerSite } from "@/lib/catalog/change";
import { withDealerExceptions } from "@/lib/scheduling/exceptions";
import { fieldsFromHours, hasAnyHours, hoursFieldProblems, hoursFieldShape, hoursFromFields } from "@/lib/scheduling/hours-form";
import { audit, type AuditActor } from "@/lib/settings/audit";
import type { Tenant } from "@/lib/tenancy";

export type Branch = typeof branches.$inferSelect;
export { assignStaffToBranch, listBranchStaff, staffBranchSchema, staffByShowroom, type StaffMember } from "./staff";

/**
 * Where a car stands. The default branch (made with the tenant) and "no branch" are both the main showroom, whose
 * address, phone and hours stay those of the dealership profile; other branches have their own weekly hours, and the
 * profile's closed days and special hours apply to them too.
 */
export type Showroom = {
  branchId: string | null; name: string; phone: string | null; mapUrl: string | null; isMain: boolean;
  address: { street?: string; city?: string; postalCode?: string; country?: string } | null; hours: BusinessHoursJson;
};

export function showroomOf(tenant: Tenant, branch: Branch | null | undefined): Showroom {
  if (!branch || branch.isDefault) {
    return { branchId: branch?.id ?? null, name: branch?.name ?? tenant.name, phone: tenant.phone, mapUrl: branch?.mapUrl ?? null, isMain: true, address: tenant.address, hours: tenant.businessHours };
  }
  return {
    branchId: branch.id, name: branch.name, phone: branch.phone ?? tenant.phone, mapUrl: branch.mapUrl, isMain: false, address: branch.address,
    // A branch without hours of its own keeps the main showroom's; one with its own still closes on the dealership's closed days.
    hours: hasAnyHours(branch.businessHours) ? withDealerExceptions(branch.businessHours!, tenant.businessHours.exceptions) : tenant.businessHours,
  };
}

export function listBranches(tx: Tx, tenantId: string): Promise<Branch[]> {
  return tx.select().from(branches).where(eq(branches.tenantId, tenantId)).orderBy(desc(branches.isDefault), asc(branches.name));
}

export function loadBranches(tenantId: string): Promise<Branch[]> {
  return withTenant(tenantId, (tx) => listBranches(tx, tenantId));
}

/** Every showroom, the main one first; a single entry when the dealership has no branches beyond it. */
export async function listShowrooms(tx: Tx, tenant: Tenant): Promise<Showroom[]> {
  const rows = await listBranches(tx, tenant.id);
  const main = rows.find((b) => b.isDefault);
  return [showroomOf(tenant, main), ...rows.filter((b) => !b.isDefault).map((b) => showroomOf(tenant, b))];
}

export async function branchOf(tx: Tx, tenantId: string, branchId: string | null): Promise<Branch | null> {
  if (!branchId) return null;
  const [row] = await tx.select().from(branches).where(and(eq(branches.tenantId, tenantId), eq(branches.id, branchId))).limit(1);
  return row ?? null;
}

export async function showroomOfVehicle(tx: Tx, tenant: Tenant, branchId: string | null): Promise<Showroom> {
  return showroomOf(tenant, await branchOf(tx, tenant.id, branchId));
}

/** A branch id is only ever taken from input after this says it is the tenant's own. */
export async function isOwnBranch(tx: Tx, tenantId: string, branchId: string): Promise<boolean> {
  const [row] = await tx.select({ id: branches.id }).from(branches).where(and(eq(branches.tenantId, tenantId), eq(branches.id, branchId))).limit(1);
  return Boolean(row);
}

/** Appointments that occupy a showroom's test-drive calendar (the main one also has those booked without a branch). */
export function appointmentsAt(s: Showroom) {
  if (!s.isMain) return eq(appointments.branchId, s.branchId!);
  return s.branchId ? or(isNull(appointments.branchId), eq(appointments.branchId, s.branchId)) : isNull(appointments.branchId);
}

const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || null);

export const branchSchema = z.object({
  name: z.string().trim().min(2, "Enter the showroom's name.").max(80),
  phone: optionalText(40),
  street: z.string().trim().min(2, "Enter the street and number.").max(120),
  city: z.string().trim().min(2, "Enter the city.").max(80),
  postalCode: optionalText(20),
  mapUrl: z.string().trim().max(500).refine((v) => !v || /^https:\/\/\S+$/.test(v), "Paste a map link starting with https://").optional().transform((v) => v || null),
  ...hoursFieldShape,
}).superRefine((v, ctx) => {
  for (const [path, message] of Object.entries(hoursFieldProblems(v))) ctx.addIssue({ code: "custom", path: [path], message });
});
export type BranchInput = z.infer<typeof branchSchema>;

export function branchFormValues(b: Branch): Record<string, string> {
  return { name: b.name, phone: b.phone ?? "", street: b.address?.street ?? "", city: b.address?.city ?? "", postalCode: b.address?.postalCode ?? "", mapUrl: b.mapUrl ?? "", ...fieldsFromHours(b.businessHours) };
}

function columnsOf(input: BranchInput, country: string | undefined) {
  return {
    name: input.name, phone: input.phone, mapUrl: input.mapUrl, businessHours: hoursFromFields(input),
    address: { street: input.street, city: input.city, postalCode: input.postalCode ?? undefined, country },
  };
}

export async function createBranch(actor: AuditActor, tenant: Tenant, input: BranchInput): Promise<Branch> {
  const [row] = await changeDealerSite(actor.tenantId, (tx) =>
    tx.insert(branches).values({ tenantId: actor.tenantId, ...columnsOf(input, tenant.address?.country) }).returning(),
  );
  await audit(actor, "settings.branch_created", "branch", row.id, { name: row.name });
  return row;
}

/** Null when the branch is not this tenant's (or is the main showroom, which the profile edits). */
export async function updateBranch(actor: AuditActor, tenant: Tenant, id: string, input: BranchInput): Promise<Branch | null> {
  const [row] = await changeDealerSite(actor.tenantId, (tx) =>
    tx.update(branches).set({ ...columnsOf(input, tenant.address?.country), updatedAt: new Date() })
      .where(and(eq(branches.tenantId, actor.tenantId), eq(branches.id, id), eq(branches.isDefault, false))).returning(),
  );
  if (!row) return null;
  await audit(actor, "settings.branch_updated", "branch", id, { name: row.name });
  return row;
}

/** Its cars, staff and leads move back to the main showroom; past appointments keep the id as history. */
export async function deleteBranch(actor: AuditActor, id: string): Promise<boolean> {
  const deleted = await changeDealerSite(actor.tenantId, async (tx) => {
    const [row] = await tx.delete(branches)
      .where(and(eq(branches.tenantId, actor.tenantId), eq(branches.id, id), eq(branches.isDefault, false))).returning({ id: branches.id, name: branches.name });
    if (!row) return null;
    const now = new Date();
    await tx.update(vehicles).set({ branchId: null, updatedAt: now }).where(and(eq(vehicles.tenantId, actor.tenantId), eq(vehicles.branchId, id)));
    await tx.update(memberships).set({ branchId: null }).where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.branchId, id)));
    await tx.update(leads).set({ branchId: null }).where(and(eq(leads.tenantId, actor.tenantId), eq(leads.branchId, id)));
    return row;
  });
  if (!deleted) return false;
  await audit(actor, "settings.branch_deleted", "branch", id, { name: deleted.name });
  return true;
}

/** The showrooms a car can be placed in besides the main one (empty: the inventory form shows no select). */
export async function branchOptions(tenantId: string): Promise<{ id: string; name: string }[]> {
  const rows = await loadBranches(tenantId);
  return rows.filter((b) => !b.isDefault).map((b) => ({ id: b.id, name: b.name }));
}
