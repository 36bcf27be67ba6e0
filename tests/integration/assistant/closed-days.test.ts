import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenants, vehicles, type BusinessHoursJson } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { offeredModels, replyTenantOf } from "@/lib/assistant/context";
import { offlineReply } from "@/lib/assistant/offline";
import { allShowroomsTool, bookTestDriveTool, testDriveSlotsTool, type ToolContext } from "@/lib/assistant/tools";
import { createBranch, type BranchInput } from "@/lib/branches";
import { getTenantById, type Tenant } from "@/lib/tenancy";
import { atLocal, zonedClock, zonedParts } from "@/lib/scheduling/zoned";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";

useTestDatabase();

// Wednesday 23 December 2026, 08:00 in Amsterdam. The test dealer opens Mon–Fri 09:00–18:00 and Saturday 10:00–16:00.
const now = new Date("2026-12-23T07:00:00Z");
// A branch with hours of its own: every weekday 10:00–17:00, Saturday too.
const utrecht = { name: "Showroom Utrecht", street: "Atoomweg 50", city: "Utrecht", ...Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat"].flatMap((d) => [[`${d}Open`, "10:00"], [`${d}Close`, "17:00"]])) } as BranchInput;

let tenant: Tenant;
let atMain: string;
let atBranch: string;
const days = (slots: Date[]) => [...new Set(slots.map((s) => zonedParts(s, tenant.timeZone).date))];
const ctx = (): ToolContext => ({ tenant, leadId: null, contactId: randomUUID(), conversationId: randomUUID() });

beforeAll(async () => {
  const t = await createTestTenant();
  await addStock(t.tenant.id);
  const branch = await createBranch({ tenantId: t.tenant.id, userId: t.owner.id }, t.tenant, utrecht);
  const [a, b] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles).where(eq(vehicles.tenantId, t.tenant.id)).limit(2));
  await withTenant(t.tenant.id, (tx) => tx.update(vehicles).set({ branchId: branch.id }).where(eq(vehicles.id, b.id)));
  [atMain, atBranch] = [a.code, b.code];

  const exceptions = [
    { date: "2026-12-24", open: "09:00", close: "12:00", label: "Kerstavond" },
    { date: "2026-12-25", closed: true, label: "Eerste kerstdag" },
    { date: "2026-12-26", closed: true, label: "Tweede kerstdag" },
  ];
  await withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ businessHours: { ...t.tenant.businessHours, exceptions } as BusinessHoursJson }).where(eq(tenants.id, t.tenant.id)));
  tenant = (await getTenantById(t.tenant.id))!;
});

describe("test-drive times around closed days", () => {
  it("skip the dealer's closed days and keep the special hours of a short day", async () => {
    const slots = await testDriveSlotsTool(ctx(), { now, vehicleCode: atMain, limit: 6 });
    expect(days(slots).slice(0, 3)).toEqual(["2026-12-23", "2026-12-24", "2026-12-28"]);
    for (const s of slots.filter((s) => zonedParts(s, tenant.timeZone).date === "2026-12-24")) expect(zonedClock(s, tenant.timeZone) <= "11:15").toBe(true);

    expect(await testDriveSlotsTool(ctx(), { now, vehicleCode: atMain, date: "2026-12-25" })).toEqual([]);
    const christmasEve = await testDriveSlotsTool(ctx(), { now, vehicleCode: atMain, date: "2026-12-24", limit: 6 });
    expect(christmasEve.map((s) => zonedClock(s, tenant.timeZone))).toEqual(["09:00", "10:30"]);
  });

  it("refuse a booking on a closed day or after the early closing", async () => {
    const c = ctx();
    expect(await bookTestDriveTool(c, { vehicleCode: atMain, start: atLocal("2026-12-25", "10:00", tenant.timeZone), now })).toMatchObject({ ok: false, reason: "slot_taken" });
    expect(await bookTestDriveTool(c, { vehicleCode: atMain, start: atLocal("2026-12-24", "14:00", tenant.timeZone), now })).toMatchObject({ ok: false, reason: "slot_taken" });
  });

  it("close a branch with its own hours on the dealer's closed days, and end its short day as early", async () => {
    const slots = await testDriveSlotsTool(ctx(), { now, vehicleCode: atBranch, limit: 6 });
    expect(days(slots)).not.toContain("2026-12-25");
    expect(days(slots)).not.toContain("2026-12-26");
    expect(await testDriveSlotsTool(ctx(), { now, vehicleCode: atBranch, date: "2026-12-26" })).toEqual([]);
    const christmasEve = await testDriveSlotsTool(ctx(), { now, vehicleCode: atBranch, date: "2026-12-24", limit: 6 });
    // The branch opens at 10:00 as on any Thursday, and closes at 12:00 like the main showroom.
    expect(christmasEve.map((s) => zonedClock(s, tenant.timeZone))).toEqual(["10:00"]);
  });

  it("the assistant answers a test drive asked for on a closed day with the free times from that day on", async () => {
    const models = await withTenant(tenant.id, (tx) => offeredModels(tx, tenant.id));
    const reply = await offlineReply({
      ctx: ctx(), replyTenant: (lang) => replyTenantOf(tenant, lang, now), text: `Kan ik op 25 december om 11:00 een proefrit maken met de ${atMain}?`, defaultLang: "nl", now,
      memory: { proposedCodes: [], offeredSlots: [], focusCode: null }, knownModels: models,
    });
    expect(reply.actions.booking).toBeUndefined();
    expect(reply.text).toMatch(/^Dat moment is helaas niet beschikbaar\./);
    // Not tomorrow, which the shopper did not ask for: the first open day after Christmas.
    expect(reply.text).toContain("1. maandag 28 december om 09:00");
  });

  it("the assistant's opening hours and showroom list name the closed days of the coming two weeks", async () => {
    const models = await withTenant(tenant.id, (tx) => offeredModels(tx, tenant.id));
    const reply = await offlineReply({
      ctx: ctx(), replyTenant: (lang) => replyTenantOf(tenant, lang, now), text: "Wat zijn jullie openingstijden?", defaultLang: "nl", now,
      memory: { proposedCodes: [], offeredSlots: [], focusCode: null }, knownModels: models,
    });
    // Two showrooms: each with its own hours, and the dealer's closed days in both.
    expect(reply.text).toContain("24 dec 09:00–12:00, 25 dec gesloten, 26 dec gesloten");
    expect(reply.text).toContain("24 dec 10:00–12:00, 25 dec gesloten, 26 dec gesloten");
    expect(replyTenantOf(tenant, "en", now).openingHoursText).toContain("; 24 Dec 09:00–12:00, 25 Dec closed, 26 Dec closed");
    const [main, branch] = await allShowroomsTool(ctx(), "en", new Date("2027-01-05T09:00:00Z"));
    expect(main.hours).not.toContain("Dec");
    expect(branch.hours).toBe("Mon–Sat 10:00–17:00, Sun closed");
  });
});
