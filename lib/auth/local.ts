import { and, eq, gt } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { memberships, sessions, tenants, users } from "@/db/schema";
import { randomToken, sha256Hex } from "@/lib/crypto/secrets";
import { createLockout } from "@/lib/ratelimit";
import { verifyPassword } from "./password";
import type { Session } from "./types";

export const SESSION_COOKIE = "fc_session";
const SESSION_DAYS = 30;

const lockout = createLockout({ maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; error: string; retryAfterSeconds?: number };

export async function signInWithPassword(email: string, password: string, userAgent?: string): Promise<SignInResult> {
  const key = email.trim().toLowerCase();
  const locked = lockout.isLocked(key);
  if (locked.locked) {
    return { ok: false, error: `Too many failed attempts. Try again in ${Math.ceil(locked.retryAfterSeconds / 60)} minutes.`, retryAfterSeconds: locked.retryAfterSeconds };
  }
  const db = await getSystemDb();
  const [user] = await db.select().from(users).where(eq(users.email, key)).limit(1);
  const valid = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !valid) {
    lockout.recordFailure(key);
    return { ok: false, error: "That e-mail and password do not match an account." };
  }
  const [membership] = await db
    .select({ tenantId: memberships.tenantId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.active, true)))
    .limit(1);
  if (!membership) return { ok: false, error: "This account is not a member of any dealership." };
  lockout.reset(key);
  const token = randomToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: sha256Hex(token), userId: user.id, tenantId: membership.tenantId, expiresAt, userAgent });
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  return { ok: true, token, expiresAt };
}

export async function sessionFromToken(token: string | undefined): Promise<Session | null> {
  if (!token) return null;
  const db = await getSystemDb();
  const [row] = await db
    .select({ user: users, tenant: tenants, role: memberships.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.tenantId, sessions.tenantId), eq(memberships.active, true)))
    .where(and(eq(sessions.tokenHash, sha256Hex(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  return { user: { id: row.user.id, email: row.user.email, name: row.user.name }, tenant: row.tenant, role: row.role, via: "local" };
}

export async function revokeSession(token: string | undefined) {
  if (!token) return;
  const db = await getSystemDb();
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256Hex(token)));
}
