import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { withTenant } from "@/db/tenant";
import { branches, memberships, users, type Role } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/settings/audit";

export type StaffMember = { membershipId: string; name: string; role: Role; onDuty: boolean; branchId: string | null };

/** Active colleagues with the showroom they work at (null: all showrooms). */
export function listBranchStaff(tenantId: string): Promise<StaffMember[]> {
  return withTenant(tenantId, (tx) =>
    tx.select({ membershipId: memberships.id, name: users.name, role: memberships.role, onDuty: memberships.onDuty, branchId: memberships.branchId })
      .from(memberships).innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.active, true))).orderBy(users.name),
  );
}

/** The staff of each showroom by its branch id; those placed in no branch (or a deleted one) work at all of them. */
export function staffByShowroom(staff: StaffMember[], branchIds: string[]): { everywhere: StaffMember[]; at: Map<string, StaffMember[]> } {
  const at = new Map(branchIds.map((id) => [id, [] as StaffMember[]]));
  const everywhere: StaffMember[] = [];
  for (const m of staff) {
    const list = m.branchId ? at.get(m.branchId) : undefined;
    (list ?? everywhere).push(m);
  }
  return { everywhere, at };
}

export const staffBranchSchema = z.object({
  membershipId: z.string().uuid(),
  branchId: z.preprocess((v) => (v === "" || v === "all" ? null : v), z.string().uuid("Pick one of your showrooms.").nullable()),
});
export type StaffBranchInput = z.infer<typeof staffBranchSchema>;

/** False when the colleague or the showroom is not this dealership's. */
export async function assignStaffToBranch(actor: AuditActor, input: StaffBranchInput): Promise<boolean> {
  const done = await withTenant(actor.tenantId, async (tx) => {
    if (input.branchId) {
      const [own] = await tx.select({ id: branches.id }).from(branches).where(and(eq(branches.tenantId, actor.tenantId), eq(branches.id, input.branchId))).limit(1);
      if (!own) return false;
    }
    const rows = await tx.update(memberships).set({ branchId: input.branchId, updatedAt: new Date() })
      .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.id, input.membershipId))).returning({ id: memberships.id });
    return rows.length > 0;
  });
  if (done) await audit(actor, "team.member_branch_changed", "membership", input.membershipId, { branchId: input.branchId });
  return done;
}
