import { describe, expect, it } from "vitest";
import { revokeSession, sessionFromToken, signInWithPassword } from "@/lib/auth/local";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createTestTenant, TEST_PASSWORD } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

describe("local accounts", () => {
  it("hashes with a salt and verifies only the right password", async () => {
    const a = await hashPassword("s3cret-pass");
    const b = await hashPassword("s3cret-pass");
    expect(a).not.toBe(b);
    expect(a.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("s3cret-pass", a)).toBe(true);
    expect(await verifyPassword("s3cret-Pass", a)).toBe(false);
  });

  it("signs in, resolves the session to user, tenant and role, and signs out", async () => {
    const t = await createTestTenant();
    const r = await signInWithPassword(t.sales1.email, TEST_PASSWORD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const session = await sessionFromToken(r.token);
    expect(session).toMatchObject({ role: "sales", tenant: { id: t.tenant.id }, user: { email: t.sales1.email } });
    await revokeSession(r.token);
    expect(await sessionFromToken(r.token)).toBeNull();
    expect(await sessionFromToken("forged-token")).toBeNull();
  });

  it("gives the same message for an unknown e-mail and a wrong password", async () => {
    const t = await createTestTenant();
    const unknown = await signInWithPassword("nobody@test.local", "whatever");
    const wrong = await signInWithPassword(t.manager.email, "wrong-password");
    expect(unknown).toEqual(wrong);
  });

  it("locks an account after five failed attempts, even for the right password", async () => {
    const t = await createTestTenant();
    for (let i = 0; i < 5; i++) expect((await signInWithPassword(t.owner.email, `nope-${i}`)).ok).toBe(false);
    const locked = await signInWithPassword(t.owner.email, TEST_PASSWORD);
    expect(locked.ok).toBe(false);
    if (!locked.ok) {
      expect(locked.error).toMatch(/Too many failed attempts/);
      expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    }
  });
});
