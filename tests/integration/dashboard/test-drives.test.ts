import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { appointments, conversations, leadActivities, leads, messages, vehicles } from "@/db/schema";
import { bookTestDriveAsStaff, cancelTestDriveAsStaff, carsForTestDrive, freeTestDriveTimes } from "@/lib/inbox/test-drives";
import { atLocal, zonedClock, zonedParts } from "@/lib/scheduling/zoned";
import { bookTestDriveAction, testDriveTimesAction } from "@/app/(dashboard)/inbox/[conversationId]/test-drive-actions";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { actAs } from "../security/sweep/call";
import { seedLead, seedVehicle } from "./seed";

// The actions read the session cookie through next/headers; actAs signs in for real and supplies it.
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);

useTestDatabase();

// Wednesday 23 December 2026, 08:00 in Amsterdam; the test dealer opens weekdays 09:00–18:00, Saturday 10:00–16:00.
const now = new Date("2026-12-23T07:00:00Z");
const at = (date: string, time: string) => atLocal(date, time, "Europe/Amsterdam");

async function dealership() {
  const t = await createTestTenant();
  const car = await seedVehicle(t.tenant.id, { make: "Volkswagen", model: "Golf", price: 21950 });
  const lead = await seedLead(t.tenant.id, t.channelId, { name: "Anna", phone: `3161${Math.floor(Math.random() * 1e7)}`, vehicleId: car.id });
  return {
    t, car, lead,
    manager: { userId: t.manager.id, role: "manager" as const, name: "Manon Manager" },
    sam: { userId: t.sales1.id, role: "sales" as const, name: "Sam Sales" },
  };
}
const systemNotes = (tenantId: string, conversationId: string) =>
  withTenant(tenantId, async (tx) => (await tx.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.senderKind, "system"))).orderBy(messages.createdAt)));
const appointmentOf = (tenantId: string, id: string) => withTenant(tenantId, async (tx) => (await tx.select().from(appointments).where(eq(appointments.id, id)))[0]);

describe("a rep books a test drive from the lead card", () => {
  it("books a free time as the assistant would, notes who booked it, moves the lead on, then moves and cancels it", async () => {
    const { t, car, lead, sam } = await dealership();
    const free = await freeTestDriveTimes(t.tenant, sam, { leadId: lead.leadId, vehicleId: car.id, date: "2026-12-24" }, now);
    if (!free.ok) throw new Error(free.error);
    // Every half hour that fits a 45-minute drive, not the assistant's spread of a few.
    expect(free.times.map((d) => zonedClock(d, "Europe/Amsterdam"))).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00"]);

    const booked = await bookTestDriveAsStaff(t.tenant, sam, { leadId: lead.leadId, vehicleId: car.id, start: at("2026-12-24", "10:00") }, now);
    expect(booked).toMatchObject({ ok: true, moved: false });
    if (!booked.ok) return;
    expect(await appointmentOf(t.tenant.id, booked.appointmentId)).toMatchObject({ leadId: lead.leadId, vehicleId: car.id, kind: "test_drive", status: "booked", createdBy: "staff", startsAt: at("2026-12-24", "10:00") });
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, lead.leadId)));
    expect(row.stage).toBe("test_drive");
    const history = await withTenant(t.tenant.id, (tx) => tx.select().from(leadActivities).where(and(eq(leadActivities.leadId, lead.leadId), eq(leadActivities.type, "stage_changed"))));
    expect(history.at(-1)).toMatchObject({ actorUserId: t.sales1.id, data: { to: "test_drive" } });

    const after = await freeTestDriveTimes(t.tenant, sam, { leadId: lead.leadId, vehicleId: car.id, date: "2026-12-24" }, now);
    // The lead's own booking does not block its own move; it is the time a move would leave.
    expect(after.ok && after.times.some((d) => d.getTime() === at("2026-12-24", "10:00").getTime())).toBe(true);

    const moved = await bookTestDriveAsStaff(t.tenant, sam, { leadId: lead.leadId, vehicleId: car.id, start: at("2026-12-24", "14:00") }, now);
    expect(moved).toEqual({ ok: true, appointmentId: booked.appointmentId, moved: true });
    expect((await appointmentOf(t.tenant.id, booked.appointmentId)).startsAt).toEqual(at("2026-12-24", "14:00"));

    expect(await cancelTestDriveAsStaff(t.tenant, sam, { appointmentId: booked.appointmentId }, now)).toMatchObject({ ok: true });
    expect((await appointmentOf(t.tenant.id, booked.appointmentId)).status).toBe("cancelled");
    expect(await cancelTestDriveAsStaff(t.tenant, sam, { appointmentId: booked.appointmentId }, now)).toMatchObject({ ok: false });

    const notes = (await systemNotes(t.tenant.id, lead.conversationId)).map((m) => [m.body, (m.meta as Record<string, unknown>).event]);
    expect(notes).toEqual([
      ["Test drive booked by Sam Sales", "test_drive_booked"],
      ["Test drive moved by Sam Sales", "appointment_moved"],
      ["Test drive cancelled by Sam Sales", "appointment_cancelled"],
    ]);
  });

  it("sends the shopper the assistant's confirmation when asked, only inside WhatsApp's 24-hour window", async () => {
    const { t, car, lead, sam } = await dealership();
    const soon = new Date();
    const first = await bookTestDriveAsStaff(t.tenant, sam, { leadId: lead.leadId, vehicleId: car.id, start: at("2026-12-24", "10:00"), confirm: true }, soon);
    expect(first).toMatchObject({ ok: true });
    const staff = async () => (await withTenant(t.tenant.id, (tx) => tx.select().from(messages).where(and(eq(messages.conversationId, lead.conversationId), eq(messages.senderKind, "staff")))));
    const sent = await staff();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ senderUserId: t.sales1.id, body: expect.stringContaining("Golf") });
    expect(sent[0].body).toContain("10:00");

    await withTenant(t.tenant.id, (tx) => tx.update(conversations).set({ lastInboundAt: new Date(soon.getTime() - 30 * 3600_000) }).where(eq(conversations.id, lead.conversationId)));
    expect(await bookTestDriveAsStaff(t.tenant, sam, { leadId: lead.leadId, vehicleId: car.id, start: at("2026-12-24", "14:00"), confirm: true }, soon)).toMatchObject({ ok: true, moved: true });
    expect(await staff()).toHaveLength(1);
  });

  it("refuses a time already taken at the showroom, a closed day, a past time and a car sold meanwhile, with field errors", async () => {
    const { t, car, lead, manager } = await dealership();
    const other = await seedLead(t.tenant.id, t.channelId, { name: "Bram", phone: `3162${Math.floor(Math.random() * 1e7)}` });
    expect(await bookTestDriveAsStaff(t.tenant, manager, { leadId: other.leadId, vehicleId: car.id, start: at("2026-12-24", "10:00") }, now)).toMatchObject({ ok: true });

    const taken = await bookTestDriveAsStaff(t.tenant, manager, { leadId: lead.leadId, vehicleId: car.id, start: at("2026-12-24", "10:30") }, now);
    expect(taken).toMatchObject({ ok: false, error: "That time is no longer free.", fieldErrors: { start: expect.stringMatching(/pick another/) } });
    const free = await freeTestDriveTimes(t.tenant, manager, { leadId: lead.leadId, vehicleId: car.id, date: "2026-12-24" }, now);
    expect(free.ok && free.times.map((d) => zonedClock(d, "Europe/Amsterdam")).slice(0, 3)).toEqual(["09:00", "11:00", "11:30"]);

    expect(await bookTestDriveAsStaff(t.tenant, manager, { leadId: lead.leadId, vehicleId: car.id, start: at("2026-12-27", "11:00") }, now)).toMatchObject({ ok: false, fieldErrors: { start: expect.any(String) } });
    expect(await bookTestDriveAsStaff(t.tenant, manager, { leadId: lead.leadId, vehicleId: car.id, start: at("2026-12-22", "11:00") }, now)).toMatchObject({ ok: false, error: "That time has passed." });

    await withTenant(t.tenant.id, (tx) => tx.update(vehicles).set({ status: "sold", soldAt: now }).where(eq(vehicles.id, car.id)));
    expect(await bookTestDriveAsStaff(t.tenant, manager, { leadId: lead.leadId, vehicleId: car.id, start: at("2026-12-24", "15:00") }, now)).toMatchObject({ ok: false, error: "This car is no longer for sale.", fieldErrors: { vehicleId: expect.any(String) } });
    expect(await carsForTestDrive(t.tenant.id, "golf")).toEqual([]);
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, lead.leadId)));
    expect(row.stage).not.toBe("test_drive");
  });

  it("two bookings of the same time at once: one is booked, the other told the time is taken", async () => {
    const { t, car, lead, manager } = await dealership();
    const other = await seedLead(t.tenant.id, t.channelId, { name: "Bram", phone: `3162${Math.floor(Math.random() * 1e7)}`, vehicleId: car.id });
    const start = at("2026-12-24", "11:00");
    const both = await Promise.all([lead, other].map((l) => bookTestDriveAsStaff(t.tenant, manager, { leadId: l.leadId, vehicleId: car.id, start }, now)));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const booked = await withTenant(t.tenant.id, (tx) => tx.select().from(appointments).where(eq(appointments.startsAt, start)));
    expect(booked).toHaveLength(1);
  });

  it("another dealership's lead, car or test drive is not found, and nothing is booked", async () => {
    const mine = await dealership();
    const theirs = await dealership();
    const start = at("2026-12-24", "10:00");
    expect(await bookTestDriveAsStaff(mine.t.tenant, mine.manager, { leadId: theirs.lead.leadId, vehicleId: mine.car.id, start }, now)).toMatchObject({ ok: false, error: expect.stringMatching(/does not exist/) });
    expect(await bookTestDriveAsStaff(mine.t.tenant, mine.manager, { leadId: mine.lead.leadId, vehicleId: theirs.car.id, start }, now)).toMatchObject({ ok: false, error: "This car does not exist." });
    expect(await freeTestDriveTimes(mine.t.tenant, mine.manager, { leadId: theirs.lead.leadId, vehicleId: theirs.car.id, date: "2026-12-24" }, now)).toMatchObject({ ok: false });
    expect((await carsForTestDrive(mine.t.tenant.id, "")).map((c) => c.id)).toEqual([mine.car.id]);

    const booked = await bookTestDriveAsStaff(theirs.t.tenant, theirs.manager, { leadId: theirs.lead.leadId, vehicleId: theirs.car.id, start }, now);
    if (!booked.ok) throw new Error(booked.error);
    expect(await cancelTestDriveAsStaff(mine.t.tenant, mine.manager, { appointmentId: booked.appointmentId }, now)).toMatchObject({ ok: false, error: expect.stringMatching(/does not exist/) });
    expect((await appointmentOf(theirs.t.tenant.id, booked.appointmentId)).status).toBe("booked");
    expect(await withTenant(mine.t.tenant.id, (tx) => tx.select().from(appointments))).toEqual([]);
  });

  it("a rep cannot book, see times for or cancel a test drive of another rep's lead", async () => {
    const { t, car, sam, manager } = await dealership();
    const saras = await seedLead(t.tenant.id, t.channelId, { name: "Cees", phone: `3163${Math.floor(Math.random() * 1e7)}`, assignedUserId: t.sales2.id, vehicleId: car.id });
    const start = at("2026-12-24", "10:00");
    expect(await bookTestDriveAsStaff(t.tenant, sam, { leadId: saras.leadId, vehicleId: car.id, start }, now)).toMatchObject({ ok: false, error: expect.stringMatching(/not yours/) });
    expect(await freeTestDriveTimes(t.tenant, sam, { leadId: saras.leadId, vehicleId: car.id, date: "2026-12-24" }, now)).toMatchObject({ ok: false });
    const booked = await bookTestDriveAsStaff(t.tenant, manager, { leadId: saras.leadId, vehicleId: car.id, start }, now);
    if (!booked.ok) throw new Error(booked.error);
    expect(await cancelTestDriveAsStaff(t.tenant, sam, { appointmentId: booked.appointmentId }, now)).toMatchObject({ ok: false, error: expect.stringMatching(/not yours/) });
    expect((await appointmentOf(t.tenant.id, booked.appointmentId)).status).toBe("booked");
  });
});

describe("the lead card's booking action", () => {
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.append(k, v);
    return f;
  };
  /** A weekday at least two days ahead on the real clock, as the action books against it. */
  function nextWeekday() {
    for (let d = 2; ; d++) {
      const { date, weekday } = zonedParts(new Date(Date.now() + d * 86_400_000), "Europe/Amsterdam");
      if (weekday !== "sat" && weekday !== "sun") return date;
    }
  }

  it("answers bad input with field errors, books as the signed-in rep, and a taken time or another dealer's lead is a clear refusal", async () => {
    const { t, car, lead } = await dealership();
    const other = await seedLead(t.tenant.id, t.channelId, { name: "Bram", phone: `3164${Math.floor(Math.random() * 1e7)}` });
    const theirs = await dealership();
    const day = nextWeekday();
    const start = at(day, "10:00").toISOString();
    await actAs(t.sales1.email);

    expect(await bookTestDriveAction(null, form({ leadId: lead.leadId, vehicleId: car.id, start: "tomorrow at ten" }))).toMatchObject({ ok: false, fieldErrors: { start: "Choose a time." } });
    expect(await bookTestDriveAction(null, form({ leadId: lead.leadId, vehicleId: "", start }))).toMatchObject({ ok: false, fieldErrors: { vehicleId: "Choose a car." } });
    expect(await testDriveTimesAction({ leadId: lead.leadId, vehicleId: car.id, date: "soon" })).toMatchObject({ ok: false, fieldErrors: { date: "Choose a day." } });
    expect(await bookTestDriveAction(null, form({ leadId: lead.leadId, vehicleId: car.id, start: new Date(Date.now() - 3600_000).toISOString() }))).toMatchObject({ ok: false, error: "That time has passed." });

    const times = await testDriveTimesAction({ leadId: lead.leadId, vehicleId: car.id, date: day });
    expect(times.ok && times.times).toContain(start);
    expect(await bookTestDriveAction(null, form({ leadId: lead.leadId, vehicleId: car.id, start }))).toMatchObject({ ok: true, moved: false });
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(appointments).where(eq(appointments.leadId, lead.leadId)));
    expect(row).toMatchObject({ createdBy: "staff", startsAt: new Date(start) });
    expect((await systemNotes(t.tenant.id, lead.conversationId)).at(-1)?.body).toBe("Test drive booked by Sam Sales");

    expect(await bookTestDriveAction(null, form({ leadId: other.leadId, vehicleId: car.id, start }))).toMatchObject({ ok: false, error: "That time is no longer free." });
    expect(await bookTestDriveAction(null, form({ leadId: theirs.lead.leadId, vehicleId: theirs.car.id, start }))).toMatchObject({ ok: false, error: expect.stringMatching(/does not exist/) });
    expect(await withTenant(theirs.t.tenant.id, (tx) => tx.select().from(appointments))).toEqual([]);
  });
});
