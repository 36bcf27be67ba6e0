import { and, eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { memberships, tenants, users } from "@/db/schema";
import { roleFromClerk } from "./roles";
import type { Session } from "./types";

/** The claims we use from a Clerk session token (v2 `o` claim, with the v1 names as fallback). */
export type ClerkClaims = {
  sub: string;
  o?: { id?: string; rol?: string; slg?: string };
  org_id?: string;
  org_role?: string;
  email?: string;
  name?: string;
};

/** A Clerk user whose token carried no e-mail address gets a stand-in at this made-up domain, which takes no mail. */
export const PLACEHOLDER_EMAIL_DOMAIN = "users.clerk";

/**
 * A verified Clerk session → our session: the active organization is the dealership; the user and
 * membership are provisioned on first sight so Clerk stays the source of truth for who belongs where.
 */
export async function sessionFromClerkClaims(claims: ClerkClaims): Promise<Session | null> {
  const orgId = claims.o?.id ?? claims.org_id;
  if (!claims.sub || !orgId) return null;
  const role = roleFromClerk(claims.o?.rol ?? claims.org_role);
  const db = await getSystemDb();
  const [tenant] = await db.select().from(tenants).where(eq(tenants.clerkOrgId, orgId)).limit(1);
  if (!tenant || !tenant.active) return null;

  let [user] = await db.select().from(users).where(eq(users.clerkUserId, claims.sub)).limit(1);
  if (!user) {
    [user] = await db
      .insert(users)
      .values({ clerkUserId: claims.sub, email: claims.email?.toLowerCase() ?? `${claims.sub}@${PLACEHOLDER_EMAIL_DOMAIN}`, name: claims.name ?? "Clerk user" })
      .returning();
  }
  const [membership] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, user.id)))
    .limit(1);
  if (!membership) {
    await db.insert(memberships).values({ tenantId: tenant.id, userId: user.id, role });
  } else if (!membership.active) {
    return null;
  } else if (membership.role !== role) {
    await db.update(memberships).set({ role }).where(eq(memberships.id, membership.id));
  }
  return { user: { id: user.id, email: user.email, name: user.name }, tenant, role, via: "clerk" };
}

/**
 * Verifies a Clerk session token. With CLERK_JWT_KEY (the instance's PEM public key) this needs no
 * network; otherwise Clerk's JWKS is fetched with the secret key.
 */
export async function verifyClerkSessionToken(
  token: string,
  keys: { jwtKey?: string; secretKey?: string; authorizedParties?: string[] },
): Promise<ClerkClaims | null> {
  const { verifyToken } = await import("@clerk/backend");
  try {
    return (await verifyToken(token, keys)) as unknown as ClerkClaims;
  } catch {
    return null;
  }
}
