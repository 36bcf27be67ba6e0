import type { Role } from "@/db/schema";

const rank: Record<Role, number> = { sales: 1, manager: 2, admin: 3, owner: 4 };

export function hasRole(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

/** Every role that `hasRole(…, minimum)` lets through. */
export function rolesAtLeast(minimum: Role): Role[] {
  return (Object.keys(rank) as Role[]).filter((r) => hasRole(r, minimum));
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
