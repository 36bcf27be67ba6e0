import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointments, auditLog, branches, vehicles } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { bookTestDriveTool, testDriveSlotsTool, type ToolContext } from "@/lib/assistant/tools";
import { offeredModels, replyTenantOf } from "@/lib/assistant/context";
import { offlineReply } from "@/lib/assistant/offline";
import { createBranch, type BranchInput } from "@/lib/branches";
import { zonedParts } from "@/lib/scheduling/zoned";
import { env } from "@/lib/env";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { actAs, callAction, callPage } from "../security/sweep/call";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { saveBranchAction, deleteBranchAction } = await import("@/app/(dashboard)/settings/branches/actions");
const { saveVehicleAction } = await import("@/app/(dashboard)/inventory/actions");
const { default: BranchesPage } = await import("@/app/(dashboard)/settings/branches/page");
const { default: ListingPage } = await import("@/app/sites/[domain]/page");
const { default: SiteVehiclePage } = await import("@/app/sites/[domain]/cars/[slug]/page");
const { renderToStaticMarkup } = await import("react-dom/server");
type Page = (props: unknown) => Promise<unknown>;
const render = async (page: Page, params: Record<string, string>, sp: Record<string, string> = {}) =>
  renderToStaticMarkup((await page({ params: Promise.resolve(params), searchParams: Promise.resolve(sp) })) as never);
const cardSlugs = (html: string) => [...html.matchAll(/href="\/cars\/([^"?]+)"/g)].map((m) => m[1]);

useTestDatabase();
type T = Awaited<ReturnType<typeof createTestTenant>>;
let dealer: T;
let rival: T;
let rivalBranchId: string;

// The test tenant's main showroom is closed on Sundays; branch B opens only on Sundays, 11:00–15:00.
const sundaysOnly = { name: "Showroom Zuid", street: "Zuidweg 1", city: "Utrecht", postalCode: "3500 AA", mapUrl: "https://maps.example/zuid", phone: "+31300000000", sunOpen: "11:00", sunClose: "15:00" } as BranchInput;
const form = (fields: Record<string, string>) => { const f = new FormData(); for (const [k, v] of Object.entries(fields)) f.set(k, v); return f; };
const vehicleFields = (v: typeof vehicles.$inferSelect, branchId: string) => form({
  id: v.id, make: v.make, model: v.model, year: String(v.year), mileageKm: String(v.mileageKm), price: String(v.price), fuel: v.fuel,
  transmission: v.transmission, body: v.body, status: v.status, branchId,
});

beforeAll(async () => {
  dealer = await createTestTenant();
  rival = await createTestTenant();
  await addStock(dealer.tenant.id);
  rivalBranchId = (await createBranch({ tenantId: rival.tenant.id, userId: rival.owner.id }, rival.tenant, { ...sundaysOnly, name: "Rival Noord" })).id;
});

describe("branches", () => {
  it("a car in branch B offers test-drive slots from B's hours, books there and B's appointments block only B", async () => {
    const b = await createBranch({ tenantId: dealer.tenant.id, userId: dealer.owner.id }, dealer.tenant, sundaysOnly);
    const [inB, atMain] = await withTenant(dealer.tenant.id, (tx) => tx.select().from(vehicles).where(eq(vehicles.tenantId, dealer.tenant.id)).limit(2));
    await withTenant(dealer.tenant.id, (tx) => tx.update(vehicles).set({ branchId: b.id }).where(eq(vehicles.id, inB.id)));
    const ctx: ToolContext = { tenant: dealer.tenant, leadId: null, contactId: randomUUID(), conversationId: randomUUID() };
    const now = new Date("2026-03-02T07:00:00Z"); // a Monday morning in Amsterdam
    const tz = dealer.tenant.timeZone;

    const slotsB = await testDriveSlotsTool(ctx, { now, vehicleCode: inB.code, limit: 6 });
    expect(slotsB.length).toBeGreaterThan(0);
    for (const s of slotsB) {
      const p = zonedParts(s, tz);
      expect(p.weekday).toBe("sun");
      const minutes = p.hour * 60 + p.minute;
      expect(minutes >= 11 * 60 && minutes + 45 <= 15 * 60).toBe(true);
    }
    const slotsMain = await testDriveSlotsTool(ctx, { now, vehicleCode: atMain.code, limit: 6 });
    expect(slotsMain.length).toBeGreaterThan(0);
    expect(slotsMain.every((s) => zonedParts(s, tz).weekday !== "sun")).toBe(true);

    // The main showroom's Monday slot is outside B's hours.
    expect(await bookTestDriveTool(ctx, { vehicleCode: inB.code, start: slotsMain[0], now })).toMatchObject({ ok: false, reason: "slot_taken" });
    const booked = await bookTestDriveTool(ctx, { vehicleCode: inB.code, start: slotsB[0], now });
    expect(booked.ok).toBe(true);
    const [row] = await withTenant(dealer.tenant.id, (tx) => tx.select().from(appointments).where(eq(appointments.vehicleId, inB.id)));
    expect(row.branchId).toBe(b.id);
    const again = await testDriveSlotsTool(ctx, { now, vehicleCode: inB.code, date: zonedParts(slotsB[0], tz).date, limit: 6 });
    expect(again.map(Number)).not.toContain(slotsB[0].getTime());
    expect((await testDriveSlotsTool(ctx, { now, vehicleCode: atMain.code, limit: 6 })).map(Number)).toEqual(slotsMain.map(Number));
  });

  it("owners manage branches with field errors and an audit trail; a rep is refused", async () => {
    await actAs(dealer.sales1.email);
    expect((await callAction(saveBranchAction as never, [null, form({ name: "Rep Branch", street: "Straat 1", city: "Ede" })])).refused).toBe(true);
    await expect(callPage(BranchesPage as (props: unknown) => unknown, {})).rejects.toThrow(/forbidden/);

    await actAs(dealer.owner.email);
    const bad = await saveBranchAction(null, form({ name: "X", street: "", city: "Ede", mapUrl: "javascript:alert(1)", monOpen: "10:00" }));
    expect(bad?.ok).toBe(false);
    expect(Object.keys(bad?.fieldErrors ?? {})).toEqual(expect.arrayContaining(["name", "street", "mapUrl", "monClose"]));
    expect((await saveBranchAction(null, form({ name: "Showroom Oost", street: "Oostweg 9", city: "Ede", monOpen: "10:00", monClose: "17:00" })))?.ok).toBe(true);
    const [oost] = await withTenant(dealer.tenant.id, (tx) => tx.select().from(branches).where(and(eq(branches.tenantId, dealer.tenant.id), eq(branches.name, "Showroom Oost"))));
    expect(oost.businessHours?.mon).toEqual([{ open: "10:00", close: "17:00" }]);
    expect((await saveBranchAction(null, form({ id: oost.id, name: "Showroom Oost-Ede", street: "Oostweg 9", city: "Ede" })))?.ok).toBe(true);
    const page = await callPage(BranchesPage as (props: unknown) => unknown, {});
    expect(page.text).toContain("Showroom Oost-Ede");
    expect((await deleteBranchAction(null, form({ id: oost.id })))?.ok).toBe(true);
    const log = await withTenant(dealer.tenant.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.targetId, oost.id)));
    expect(log.map((l) => l.action).sort()).toEqual(["settings.branch_created", "settings.branch_deleted", "settings.branch_updated"]);
  });

  it("another dealership's branch can be neither assigned to a car nor edited nor deleted", async () => {
    await actAs(dealer.owner.email);
    const [car] = await withTenant(dealer.tenant.id, (tx) => tx.select().from(vehicles).where(eq(vehicles.tenantId, dealer.tenant.id)).limit(1));
    const r = await saveVehicleAction(null, vehicleFields(car, rivalBranchId));
    expect(r).toMatchObject({ ok: false, fieldErrors: { branchId: expect.any(String) } });
    const [after] = await withTenant(dealer.tenant.id, (tx) => tx.select().from(vehicles).where(eq(vehicles.id, car.id)));
    expect(after.branchId).toBe(car.branchId);

    expect((await saveBranchAction(null, form({ id: rivalBranchId, name: "Taken over", street: "Straat 1", city: "Ede" })))?.ok).toBe(false);
    expect((await deleteBranchAction(null, form({ id: rivalBranchId })))?.ok).toBe(false);
    const [still] = await withTenant(rival.tenant.id, (tx) => tx.select().from(branches).where(eq(branches.id, rivalBranchId)));
    expect(still.name).toBe("Rival Noord");

    // The main showroom is edited in the profile, not here, and cannot be deleted.
    await actAs(dealer.owner.email);
    expect((await deleteBranchAction(null, form({ id: dealer.branchId })))?.ok).toBe(false);
  });

  it("the dealer site shows where a car stands and filters the listing by showroom once there are two", async () => {
    const shop = await createTestTenant();
    const [golf, yaris] = await addStock(shop.tenant.id, [{ make: "Volkswagen", model: "Golf" }, { make: "Toyota", model: "Yaris" }]);
    const domain = `${shop.tenant.slug}.${env().ROOT_DOMAIN}`;
    const single = await render(ListingPage as Page, { domain });
    expect(single).not.toContain('name="branch"');

    const b = await createBranch({ tenantId: shop.tenant.id, userId: shop.owner.id }, shop.tenant, { ...sundaysOnly, name: "Showroom Noord", street: "Noordkade 7" });
    await actAs(shop.owner.email);
    const r = await saveVehicleAction(null, vehicleFields(golf, b.id));
    expect(r).toEqual({ ok: true });

    const page = await render(SiteVehiclePage as Page, { domain, slug: golf.slug });
    expect(page).toContain("Showroom Noord");
    expect(page).toContain("Noordkade 7");
    expect(page).toContain('href="https://maps.example/zuid"');
    // The showroom's own phone and hours, not the main showroom's.
    expect(page).toContain('href="tel:+31300000000"');
    expect(page).toContain("ma–za gesloten, zo 11:00–15:00");
    const main = await render(SiteVehiclePage as Page, { domain, slug: yaris.slug });
    expect(main).not.toContain("Showroom Noord");

    // The branch was added after the listing was cached: the stock stamp makes the filter appear at once.
    const listing = await render(ListingPage as Page, { domain });
    expect(listing).toContain('name="branch"');
    expect(cardSlugs(await render(ListingPage as Page, { domain }, { branch: b.id }))).toEqual([golf.slug]);
    expect(cardSlugs(await render(ListingPage as Page, { domain }, { branch: "main" }))).toEqual([yaris.slug]);
  });

  it("the offline assistant lists the showrooms when asked where the dealer is, and says where a car stands", async () => {
    const shop = await createTestTenant();
    const [polo] = await addStock(shop.tenant.id, [{ make: "Volkswagen", model: "Polo" }]);
    const ctx: ToolContext = { tenant: shop.tenant, leadId: null, contactId: randomUUID(), conversationId: randomUUID() };
    const models = await withTenant(shop.tenant.id, (tx) => offeredModels(tx, shop.tenant.id));
    const ask = (text: string) => offlineReply({
      ctx, replyTenant: (lang) => replyTenantOf(shop.tenant, lang), text, defaultLang: "nl", now: new Date("2026-03-02T07:00:00Z"),
      memory: { proposedCodes: [], offeredSlots: [], focusCode: null }, knownModels: models,
    });
    const single = await ask("Waar zitten jullie?");
    expect(single.intents[0]).toBe("location");
    expect(single.text).not.toContain("Showroom Oost");

    const b = await createBranch({ tenantId: shop.tenant.id, userId: shop.owner.id }, shop.tenant, { ...sundaysOnly, name: "Showroom Oost", street: "Oostdijk 3", mapUrl: "https://maps.example/oost" });
    await withTenant(shop.tenant.id, (tx) => tx.update(vehicles).set({ branchId: b.id }).where(eq(vehicles.id, polo.id)));
    const where = await ask("Waar zitten jullie?");
    expect(where.text).toContain(shop.tenant.name);
    expect(where.text).toContain("*Showroom Oost*");
    expect(where.text).toContain("Oostdijk 3, Utrecht");
    expect(where.text).toContain("https://maps.example/oost");

    const details = await ask(`Vertel meer over ${polo.code}`);
    expect(details.text).toContain("📍 Showroom Oost, Oostdijk 3, Utrecht");
  });
});
