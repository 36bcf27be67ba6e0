import { createSign, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { tenants } from "@/db/schema";
import { sessionFromClerkClaims, verifyClerkSessionToken } from "@/lib/auth/clerk";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwtKey = publicKey.export({ type: "spki", format: "pem" }).toString();

function signSessionToken(claims: Record<string, unknown>, key = privateKey) {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: "RS256", typ: "JWT", kid: "ins_test" })}.${b64({ iat: now, nbf: now - 5, exp: now + 60, iss: "https://clerk.example.test", azp: "http://localhost:3000", ...claims })}`;
  const signature = createSign("RSA-SHA256").update(body).sign(key).toString("base64url");
  return `${body}.${signature}`;
}

describe("Clerk sessions (networkless, verified with a PEM jwtKey)", () => {
  it("maps a verified token's organization and role to our tenant and role", async () => {
    const t = await createTestTenant();
    const db = await getSystemDb();
    await db.update(tenants).set({ clerkOrgId: `org_${t.tenant.slug}` }).where(eq(tenants.id, t.tenant.id));

    const token = signSessionToken({ sub: "user_2abc", o: { id: `org_${t.tenant.slug}`, rol: "org:manager", slg: t.tenant.slug } });
    const claims = await verifyClerkSessionToken(token, { jwtKey });
    expect(claims?.sub).toBe("user_2abc");
    const session = await sessionFromClerkClaims(claims!);
    expect(session?.tenant.id).toBe(t.tenant.id);
    expect(session?.role).toBe("manager");
    expect(session?.via).toBe("clerk");

    // Same user again: the provisioned user and membership are reused, and a role change follows Clerk.
    const again = await sessionFromClerkClaims({ sub: "user_2abc", org_id: `org_${t.tenant.slug}`, org_role: "org:member" });
    expect(again?.user.id).toBe(session?.user.id);
    expect(again?.role).toBe("sales");
  });

  it("rejects a token signed by another key, an expired token and an unknown organization", async () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    expect(await verifyClerkSessionToken(signSessionToken({ sub: "user_x", o: { id: "org_x" } }, other), { jwtKey })).toBeNull();
    expect(await verifyClerkSessionToken(signSessionToken({ sub: "user_x", exp: Math.floor(Date.now() / 1000) - 600 }), { jwtKey })).toBeNull();
    expect(await sessionFromClerkClaims({ sub: "user_x", o: { id: "org_unknown", rol: "org:admin" } })).toBeNull();
  });
});
