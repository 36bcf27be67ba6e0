import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { apiKeys, auditLog, type Role } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { randomToken, sha256Hex } from "@/lib/crypto/secrets";

export const apiScopes = ["read", "write"] as const;
export type ApiScope = (typeof apiScopes)[number];

export const createApiKeySchema = z.object({
  name: z.string().trim().min(2, "Give the key a name, e.g. the system that uses it.").max(80),
  scope: z.enum(["read", "write"]),
});

export type KeyActor = { tenantId: string; userId: string; role: Role };
export type ApiKeyIdentity = { keyId: string; tenantId: string; scopes: ApiScope[] };

const KEY_PREFIX = "fck_";
// lastUsedAt is a hint for people, not an audit trail: write it at most once a minute per key.
const LAST_USED_RESOLUTION_MS = 60_000;

async function audit(actor: KeyActor, action: string, targetId: string, data: Record<string, unknown>) {
  await withTenant(actor.tenantId, (tx) => tx.insert(auditLog).values({ tenantId: actor.tenantId, actorUserId: actor.userId, action, targetType: "api_key", targetId, data }));
}

/** The full key is returned once here and never again; only its SHA-256 is stored. */
export async function createApiKey(actor: KeyActor, input: z.infer<typeof createApiKeySchema>): Promise<{ ok: true; data: { id: string; key: string; prefix: string } } | { ok: false; error: string }> {
  if (!hasRole(actor.role, "admin")) return { ok: false, error: "Only owners and admins can create API keys." };
  const key = `${KEY_PREFIX}${randomToken(30)}`;
  const prefix = key.slice(0, KEY_PREFIX.length + 6);
  const scopes: ApiScope[] = input.scope === "write" ? ["read", "write"] : ["read"];
  const [row] = await withTenant(actor.tenantId, (tx) =>
    tx.insert(apiKeys).values({ tenantId: actor.tenantId, name: input.name, prefix, keyHash: sha256Hex(key), scopes, createdByUserId: actor.userId }).returning({ id: apiKeys.id }),
  );
  await audit(actor, "api_key.created", row.id, { name: input.name, scopes });
  return { ok: true, data: { id: row.id, key, prefix } };
}

export async function revokeApiKey(actor: KeyActor, keyId: string): Promise<boolean> {
  if (!hasRole(actor.role, "admin")) return false;
  const [row] = await withTenant(actor.tenantId, (tx) =>
    tx.update(apiKeys).set({ revokedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(apiKeys.tenantId, actor.tenantId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id }),
  );
  if (row) await audit(actor, "api_key.revoked", keyId, {});
  return Boolean(row);
}

export async function listApiKeys(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx.select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
      .from(apiKeys).where(eq(apiKeys.tenantId, tenantId)).orderBy(desc(apiKeys.createdAt)),
  );
}

/** Finds the tenant from the key alone (system lookup by hash); null for unknown or revoked keys. */
export async function authenticateApiKey(presented: string, now = new Date()): Promise<ApiKeyIdentity | null> {
  if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return null;
  const db = await getSystemDb();
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.keyHash, sha256Hex(presented))).limit(1);
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await withTenant(row.tenantId, (tx) => tx.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id)));
  }
  return { keyId: row.id, tenantId: row.tenantId, scopes: row.scopes.filter((s): s is ApiScope => (apiScopes as readonly string[]).includes(s)) };
}
