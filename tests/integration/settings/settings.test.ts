import { describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant";
import { auditLog, channels } from "@/db/schema";
import { connectChannel, feedSecretOf, inviteMember, listChannels, listTeam, rotateFeedSecret, updateMember } from "@/lib/settings";
import { signInWithPassword } from "@/lib/auth/local";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

describe("settings", () => {
  it("stores channel tokens encrypted and never returns them", async () => {
    const t = await createTestTenant();
    const actor = { tenantId: t.tenant.id, userId: t.owner.id };
    expect(await connectChannel(actor, { provider: "whatsapp_cloud", externalId: "555000111222", accessToken: "EAAG-secret-token" })).toEqual({ ok: true });
    const [raw] = await withTenant(t.tenant.id, (tx) => tx.select().from(channels)).then((r) => r.filter((c) => c.externalId === "555000111222"));
    expect(raw.credentialsEnc).not.toContain("EAAG-secret-token");
    const listed = await listChannels(t.tenant.id);
    expect(JSON.stringify(listed)).not.toMatch(/EAAG|credentialsEnc|webhookSecretEnc/);
    expect(listed.find((c) => c.externalId === "555000111222")?.hasToken).toBe(true);
  });

  it("refuses a number that another dealership already connected", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const r = await connectChannel({ tenantId: b.tenant.id, userId: b.owner.id }, { provider: "whatsapp_cloud", externalId: a.phoneNumberId });
    expect(r.ok).toBe(false);
  });

  it("rotates the feed secret, shows it once and audits it", async () => {
    const t = await createTestTenant();
    const secret = await rotateFeedSecret({ tenantId: t.tenant.id, userId: t.owner.id });
    expect(await feedSecretOf(t.tenant.id)).toBe(secret);
    const log = await withTenant(t.tenant.id, (tx) => tx.select().from(auditLog));
    expect(log.map((l) => l.action)).toContain("settings.feed_secret_rotated");
  });

  it("invites a colleague who can sign in with the one-time password, and deactivation locks them out", async () => {
    const t = await createTestTenant();
    const email = `new-${Date.now()}@test.local`;
    const r = await inviteMember({ tenantId: t.tenant.id, userId: t.manager.id, role: "manager" }, { name: "Nina Nieuw", email, role: "sales" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((await signInWithPassword(email, r.temporaryPassword!)).ok).toBe(true);
    const member = (await listTeam(t.tenant.id)).find((m) => m.email === email)!;
    expect(await updateMember({ tenantId: t.tenant.id, userId: t.manager.id, role: "manager" }, member.membershipId, { active: false })).toBe(true);
    const again = await signInWithPassword(email, r.temporaryPassword!);
    expect(again.ok).toBe(false);
  });

  it("a manager cannot demote the owner or promote anyone to owner", async () => {
    const t = await createTestTenant();
    const team = await listTeam(t.tenant.id);
    const owner = team.find((m) => m.role === "owner")!;
    const rep = team.find((m) => m.role === "sales")!;
    const actor = { tenantId: t.tenant.id, userId: t.manager.id, role: "manager" as const };
    expect(await updateMember(actor, owner.membershipId, { role: "sales" })).toBe(false);
    expect(await updateMember(actor, rep.membershipId, { role: "owner" })).toBe(false);
  });

  it("a manager cannot make anyone an admin, by invitation or by changing a role, nor change an admin; an admin can", async () => {
    const t = await createTestTenant();
    const manager = { tenantId: t.tenant.id, userId: t.manager.id, role: "manager" as const };
    const rep = (await listTeam(t.tenant.id)).find((m) => m.role === "sales")!;
    expect(await updateMember(manager, rep.membershipId, { role: "admin" })).toBe(false);
    expect(await inviteMember(manager, { name: "Ada Admin", email: `ada-${Date.now()}@test.local`, role: "admin" })).toEqual({ ok: false, error: "Only owners and admins can add admins." });
    expect(await updateMember(manager, rep.membershipId, { role: "manager" })).toBe(true);
    const owner = { tenantId: t.tenant.id, userId: t.owner.id, role: "owner" as const };
    expect(await updateMember(owner, rep.membershipId, { role: "admin" })).toBe(true);
    expect(await updateMember(manager, rep.membershipId, { active: false })).toBe(false);
    expect(await updateMember(manager, rep.membershipId, { role: "sales" })).toBe(false);
    expect((await listTeam(t.tenant.id)).find((m) => m.membershipId === rep.membershipId)).toMatchObject({ role: "admin", active: true });
  });

  it("does not join another dealership's colleague by their e-mail address, nor show their name", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const [theirs] = await listTeam(other.tenant.id);
    const r = await inviteMember({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, { name: "Someone", email: theirs.email, role: "sales" });
    expect(r).toEqual({ ok: false, error: "This e-mail address is already used at another dealership. Use the colleague's own work address." });
    expect((await listTeam(t.tenant.id)).some((m) => m.email === theirs.email)).toBe(false);
  });
});
