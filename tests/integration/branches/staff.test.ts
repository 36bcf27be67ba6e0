import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointments, auditLog, memberships, tasks, vehicles } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { createBranch, type BranchInput } from "@/lib/branches";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";
import { notifyReps } from "@/lib/leads/signals";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { actAs, callAction, callPage } from "../security/sweep/call";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { assignStaffAction } = await import("@/app/(dashboard)/settings/branches/actions");
const { default: BranchesPage } = await import("@/app/(dashboard)/settings/branches/page");

useTestDatabase();
type T = Awaited<ReturnType<typeof createTestTenant>>;
let dealer: T;
let rival: T;
let zuid: string;
let rivalBranch: string;

const zuidInput = { name: "Showroom Zuid", street: "Zuidweg 1", city: "Den Bosch", phone: null, postalCode: null, mapUrl: null, sunOpen: "11:00", sunClose: "15:00" } as BranchInput;
const form = (fields: Record<string, string>) => { const f = new FormData(); for (const [k, v] of Object.entries(fields)) f.set(k, v); return f; };
const membershipOf = async (t: T, userId: string) =>
  (await withTenant(t.tenant.id, (tx) => tx.select().from(memberships).where(and(eq(memberships.tenantId, t.tenant.id), eq(memberships.userId, userId)))))[0];
const assign = (t: T, userId: string, branchId: string) => withTenant(t.tenant.id, (tx) =>
  tx.update(memberships).set({ branchId: branchId === "all" ? null : branchId }).where(and(eq(memberships.tenantId, t.tenant.id), eq(memberships.userId, userId))));

/** A fresh unassigned lead about `vehicleId`, and who got a dashboard task about it. */
async function notifiedAbout(t: T, vehicleId: string | null, phone: string) {
  return withTenant(t.tenant.id, async (tx) => {
    const contact = await upsertContact(tx, t.tenant.id, { phone });
    const { lead } = await findOrCreateOpenLead(tx, t.tenant.id, contact.id, { source: "website", vehicleId });
    await notifyReps(tx, t.tenant.id, lead.id, "Hot lead", "test");
    const rows = await tx.select({ userId: tasks.userId }).from(tasks).where(eq(tasks.leadId, lead.id));
    return { lead, users: new Set(rows.map((r) => r.userId)) };
  });
}

beforeAll(async () => {
  dealer = await createTestTenant();
  rival = await createTestTenant();
  zuid = (await createBranch({ tenantId: dealer.tenant.id, userId: dealer.owner.id }, dealer.tenant, zuidInput)).id;
  rivalBranch = (await createBranch({ tenantId: rival.tenant.id, userId: rival.owner.id }, rival.tenant, { ...zuidInput, name: "Rival Zuid" })).id;
});

describe("staff per showroom", () => {
  it("a manager places a rep in a showroom and back in all of them; the page lists each showroom's staff", async () => {
    const sara = await membershipOf(dealer, dealer.sales2.id);
    await actAs(dealer.manager.email);
    expect(await assignStaffAction(null, form({ membershipId: sara.id, branchId: zuid }))).toEqual({ ok: true });
    expect((await membershipOf(dealer, dealer.sales2.id)).branchId).toBe(zuid);

    const page = await callPage(BranchesPage as (props: unknown) => unknown, {});
    expect(page.refused).toBe(false);
    expect(page.text).toMatch(/Showroom Zuid[\s\S]*Sara Sales · sales · on duty/);
    // Managers place staff; only owners and admins edit or add showrooms.
    expect(page.text).not.toContain("Add a branch");

    expect(await assignStaffAction(null, form({ membershipId: sara.id, branchId: "all" }))).toEqual({ ok: true });
    expect((await membershipOf(dealer, dealer.sales2.id)).branchId).toBeNull();
    const log = await withTenant(dealer.tenant.id, (tx) => tx.select().from(auditLog).where(and(eq(auditLog.targetId, sara.id), eq(auditLog.action, "team.member_branch_changed"))));
    expect(log.map((l) => l.data.branchId)).toEqual(expect.arrayContaining([zuid, null]));
  });

  it("a rep cannot place anyone; another dealership's showroom or colleague is refused and left alone", async () => {
    const sam = await membershipOf(dealer, dealer.sales1.id);
    await actAs(dealer.sales1.email);
    expect((await callAction(assignStaffAction as never, [null, form({ membershipId: sam.id, branchId: zuid })])).refused).toBe(true);

    await actAs(dealer.owner.email);
    expect(await assignStaffAction(null, form({ membershipId: sam.id, branchId: rivalBranch }))).toMatchObject({ ok: false });
    expect(await assignStaffAction(null, form({ membershipId: sam.id, branchId: "not-a-uuid" }))).toMatchObject({ ok: false, fieldErrors: { branchId: expect.any(String) } });
    const theirRep = await membershipOf(rival, rival.sales1.id);
    expect(await assignStaffAction(null, form({ membershipId: theirRep.id, branchId: zuid }))).toMatchObject({ ok: false });
    expect((await membershipOf(dealer, dealer.sales1.id)).branchId).toBeNull();
    expect((await membershipOf(rival, rival.sales1.id)).branchId).toBeNull();
  });

  it("hot-lead tasks go to the on-duty reps of the car's showroom, then to everyone on duty, then to the managers", async () => {
    const shop = await createTestTenant();
    const oost = await createBranch({ tenantId: shop.tenant.id, userId: shop.owner.id }, shop.tenant, { ...zuidInput, name: "Showroom Oost" });
    const [golf, polo] = await addStock(shop.tenant.id, [{ make: "Volkswagen", model: "Golf" }, { make: "Volkswagen", model: "Polo" }]);
    await withTenant(shop.tenant.id, (tx) => tx.update(vehicles).set({ branchId: oost.id }).where(eq(vehicles.id, golf.id)));
    await assign(shop, shop.sales2.id, oost.id);

    expect((await notifiedAbout(shop, golf.id, "31600000001")).users).toEqual(new Set([shop.sales2.id]));
    // A car at the main showroom, where nobody is placed: everyone on duty, wherever they work.
    expect((await notifiedAbout(shop, polo.id, "31600000002")).users).toEqual(new Set([shop.sales1.id, shop.sales2.id]));
    expect((await notifiedAbout(shop, null, "31600000003")).users).toEqual(new Set([shop.sales1.id, shop.sales2.id]));

    // A booked test drive names the showroom even when the lead's car of interest is elsewhere.
    const { lead } = await notifiedAbout(shop, polo.id, "31600000004");
    await withTenant(shop.tenant.id, (tx) => tx.insert(appointments).values({
      tenantId: shop.tenant.id, leadId: lead.id, branchId: oost.id, kind: "visit", startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 86_400_000 + 2_700_000),
    }));
    await withTenant(shop.tenant.id, (tx) => notifyReps(tx, shop.tenant.id, lead.id, "Hand-over", "test"));
    const [latest] = await withTenant(shop.tenant.id, (tx) => tx.select({ userId: tasks.userId }).from(tasks).where(and(eq(tasks.leadId, lead.id), eq(tasks.title, "Hand-over"))));
    expect(latest.userId).toBe(shop.sales2.id);

    await withTenant(shop.tenant.id, (tx) => tx.update(memberships).set({ onDuty: false }).where(eq(memberships.tenantId, shop.tenant.id)));
    expect((await notifiedAbout(shop, golf.id, "31600000005")).users).toEqual(new Set([shop.manager.id]));
  });
});
