import type { Role } from "@/db/schema";

const rank: Record<Role, number> = { sales: 1, manager: 2, admin: 3, owner: 4 };

export function hasRole(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

/** Every role that `hasRole(…, minimum)` lets through. */
export function rolesAtLeast(minimum: Role): Role[] {
  return (Object.keys(rank) as Role[]).filter((r) => hasRole(r, minimum));
}

/**
 * The roles someone may give a colleague: an owner any, everyone else up to their own (a manager cannot make an admin,
 * which would then outrank them).
 */
export function grantableRoles(actor: Role): Role[] {
  return (Object.keys(rank) as Role[]).filter((r) => actor === "owner" || (rank[r] <= rank[actor] && r !== "owner"));
}

/** Whether `actor` may change or deactivate a colleague with role `member`: one who does not outrank them, owners only by owners. */
export function mayManageMember(actor: Role, member: Role): boolean {
  return actor === "owner" || (member !== "owner" && rank[member] <= rank[actor]);
}

/** Clerk organization roles → ours. Custom roles `org:manager` / `org:sales` are created in the Clerk dashboard. */
export function roleFromClerk(orgRole: string | undefined): Role {
  switch (orgRole?.replace(/^org:/, "")) {
    case "owner":
      return "owner";
    case "admin":
      return "admin";
    case "manager":
      return "manager";
    default:
      return "sales";
  }
}
