import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { appointments, contacts, conversations, messages, tasks } from "@/db/schema";
import { tryAssistantReply } from "@/lib/assistant/playground";
import { formatDateTime } from "@/lib/format";
import { localIso } from "@/lib/scheduling/zoned";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { useFakeClaude } from "../../helpers/fake-claude";
import { answeredShopper, shopperSays } from "../../helpers/inbound";
import { addStock } from "../../helpers/stock";
import { lastToolCall, textReply, toolUse } from "../../fakes/anthropic-server";

useTestDatabase();
const claude = useFakeClaude();

type Dealer = Awaited<ReturnType<typeof createTestTenant>>;
type Cancelled = { cancelled: boolean; kind?: string; start?: string; reason?: string; vehicle?: { code: string; make: string; model: string }; car?: { make: string; model: string; forSale: boolean } };
const DAY = 86_400_000;

/** An appointment as staff or an earlier answer would have made it, in `tenantId`'s calendar. */
async function appointment(tenantId: string, o: { leadId: string; contactId: string; vehicleId?: string; kind?: "test_drive" | "visit"; in: number }) {
  const startsAt = new Date(Math.floor((Date.now() + o.in) / 60_000) * 60_000);
  const [row] = await withTenant(tenantId, (tx) => tx.insert(appointments).values({
    tenantId, leadId: o.leadId, contactId: o.contactId, vehicleId: o.vehicleId ?? null, kind: o.kind ?? (o.vehicleId ? "test_drive" : "visit"),
    startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), status: "booked", createdBy: "assistant",
  }).returning());
  return row;
}

/** A model that calls cancel_booking with `input` and then confirms what the tool said; each tool result is kept. */
function cancellingModel(input: Record<string, unknown> = {}) {
  const results: Cancelled[] = [];
  claude.use((req) => {
    const last = lastToolCall(req);
    if (last?.name !== "cancel_booking") return { body: toolUse("cancel_booking", input) };
    const r = last.result as Cancelled;
    results.push(r);
    const car = r.vehicle ? ` of the *${r.vehicle.code}* ${r.vehicle.make} ${r.vehicle.model}` : r.car ? ` of the ${r.car.make} ${r.car.model}` : "";
    return { body: textReply(r.cancelled ? `Done: your ${r.kind === "visit" ? "visit" : "test drive"}${car} on ${r.start} is cancelled.` : "I found nothing booked for you.") };
  });
  return results;
}

const statusOf = async (tenantId: string, id: string) =>
  (await withTenant(tenantId, (tx) => tx.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, id))))[0].status;
const cancelNotes = (tenantId: string) => withTenant(tenantId, async (tx) => ({
  notes: (await tx.select({ body: messages.body }).from(messages).where(eq(messages.senderKind, "system"))).map((m) => m.body).filter((b) => /cancelled/.test(b ?? "")),
  tasks: (await tx.select({ title: tasks.title, body: tasks.body }).from(tasks)).filter((x) => /cancelled/.test(x.title)),
}));
const lastReply = async (tenantId: string) =>
  (await withTenant(tenantId, (tx) => tx.select().from(messages).where(eq(messages.senderKind, "assistant")).orderBy(messages.createdAt))).at(-1)!;

describe("Claude cancels the shopper's own test drive or visit (real SDK against a fake Messages API)", () => {
  it("cancels the shopper's next appointment, tells the reps and the timeline, and answers with the car and the dealer's time", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const a = await answeredShopper(t, "31612350001");
    const booked = await appointment(t.tenant.id, { ...a, vehicleId: golf.id, in: 2 * DAY });
    const later = await appointment(t.tenant.id, { ...a, in: 5 * DAY });
    const results = cancellingModel();
    const before = claude.requests.length;
    await shopperSays(t, "31612350001", "Please cancel my test drive");
    expect(claude.requests[before].tools!.map((x) => x.name)).toContain("cancel_booking");
    expect(results).toEqual([{ cancelled: true, kind: "test_drive", start: localIso(booked.startsAt, t.tenant.timeZone), vehicle: expect.objectContaining({ code: golf.code, make: "Volkswagen", model: "Golf" }) }]);
    expect(results[0].start).toMatch(/\+01:00$/);
    expect(await statusOf(t.tenant.id, booked.id)).toBe("cancelled");
    // Only the next one: the visit after it stays.
    expect(await statusOf(t.tenant.id, later.id)).toBe("booked");
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta).toMatchObject({ engine: "claude", tools: [{ name: "cancel_booking", input: {} }] });
    expect(reply.body).toBe(`Done: your test drive of the *${golf.code}* Volkswagen Golf on ${results[0].start} is cancelled.`);
    const { notes, tasks: alerts } = await cancelNotes(t.tenant.id);
    expect(notes).toEqual(["Test drive cancelled by the shopper"]);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0].title).toMatch(/^Test drive cancelled: /);
  });

  it("cancels the one the shopper names among their own: a car's test drive by its code, or their visit", async () => {
    const t = await createTestTenant();
    const [golf, polo] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }, { make: "Volkswagen", model: "Polo" }]);
    const a = await answeredShopper(t, "31612350011");
    const visit = await appointment(t.tenant.id, { ...a, in: 1 * DAY });
    const poloDrive = await appointment(t.tenant.id, { ...a, vehicleId: polo.id, in: 2 * DAY });
    const golfDrive = await appointment(t.tenant.id, { ...a, vehicleId: golf.id, in: 3 * DAY });
    const byCode = cancellingModel({ code: golf.code });
    await shopperSays(t, "31612350011", "Cancel the Golf test drive please");
    expect(byCode[0]).toMatchObject({ cancelled: true, vehicle: { code: golf.code } });
    const byKind = cancellingModel({ kind: "visit" });
    await shopperSays(t, "31612350011", "And the visit too");
    expect(byKind[0]).toMatchObject({ cancelled: true, kind: "visit", start: localIso(visit.startsAt, t.tenant.timeZone) });
    expect([await statusOf(t.tenant.id, visit.id), await statusOf(t.tenant.id, poloDrive.id), await statusOf(t.tenant.id, golfDrive.id)]).toEqual(["cancelled", "booked", "cancelled"]);
    expect((await cancelNotes(t.tenant.id)).notes.sort()).toEqual(["Test drive cancelled by the shopper", "Visit cancelled by the shopper"]);
  });

  it("says nothing is booked when the shopper has nothing coming, and changes nothing", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    await answeredShopper(t, "31612350021");
    const results = cancellingModel();
    await shopperSays(t, "31612350021", "Cancel my appointment");
    expect(results).toEqual([{ cancelled: false, reason: expect.stringMatching(/^nothing booked/) }]);
    expect(await cancelNotes(t.tenant.id)).toEqual({ notes: [], tasks: [] });
    expect((await lastReply(t.tenant.id)).meta).toMatchObject({ engine: "claude" });
  });

  it("leaves another shopper's appointment at the same dealer alone, even when the model names its car", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const b = await answeredShopper(t, "31612350032");
    const theirs = await appointment(t.tenant.id, { ...b, vehicleId: golf.id, in: 2 * DAY });
    await answeredShopper(t, "31612350031");
    for (const input of [{}, { code: golf.code }, { kind: "test_drive" }]) {
      const results = cancellingModel(input);
      await shopperSays(t, "31612350031", "Cancel my test drive of the Golf");
      expect(results[0], JSON.stringify(input)).toMatchObject({ cancelled: false });
    }
    expect(await statusOf(t.tenant.id, theirs.id)).toBe("booked");
    expect(await cancelNotes(t.tenant.id)).toEqual({ notes: [], tasks: [] });
  });

  it("leaves another dealer's appointment alone, even one recorded against this shopper's lead", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const [theirGolf] = await addStock(other.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    expect(theirGolf.code).toBe(golf.code);
    const a = await answeredShopper(t, "31612350041");
    const theirs = await appointment(other.tenant.id, { ...a, vehicleId: theirGolf.id, in: 2 * DAY });
    for (const input of [{}, { code: golf.code }]) {
      const results = cancellingModel(input);
      await shopperSays(t, "31612350041", "Cancel my test drive");
      expect(results[0], JSON.stringify(input)).toMatchObject({ cancelled: false });
    }
    expect(await statusOf(other.tenant.id, theirs.id)).toBe("booked");
    expect(await cancelNotes(other.tenant.id)).toEqual({ notes: [], tasks: [] });
  });

  it("does not cancel an appointment that has passed", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const a = await answeredShopper(t, "31612350051");
    const past = await appointment(t.tenant.id, { ...a, vehicleId: golf.id, in: -DAY });
    const results = cancellingModel({ code: golf.code });
    await shopperSays(t, "31612350051", "Cancel my test drive");
    expect(results[0]).toMatchObject({ cancelled: false });
    expect(await statusOf(t.tenant.id, past.id)).toBe("booked");
    expect(await cancelNotes(t.tenant.id)).toEqual({ notes: [], tasks: [] });
  });

  it.each([
    ["fails after its tool cancelled", { status: 500 }],
    ["insists on a car not in stock after its tool cancelled", { body: textReply("Cancelled! Or take the *#Z99* Ferrari F40 for €9,999.") }],
  ])("when Claude %s, the offline answer says what was cancelled, cancels nothing more, and the reps hear of it", async (_, afterCancel) => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const a = await answeredShopper(t, "31612350071");
    // The visit comes first: the offline assistant on its own would cancel that one.
    const visit = await appointment(t.tenant.id, { ...a, in: 1 * DAY });
    const drive = await appointment(t.tenant.id, { ...a, vehicleId: golf.id, in: 2 * DAY });
    const first = claude.requests.length + 1;
    claude.use((_req, call) => (call === first ? { body: toolUse("cancel_booking", { code: golf.code }) } : afterCancel));
    await shopperSays(t, "31612350071", "Please cancel my test drive of the Golf");
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.engine).toBe("offline");
    expect(reply.body).toMatch(new RegExp(`^Your test drive of the \\*${golf.code}\\* Volkswagen Golf .* is cancelled\\. Would you like another time\\?$`));
    expect([await statusOf(t.tenant.id, drive.id), await statusOf(t.tenant.id, visit.id)]).toEqual(["cancelled", "booked"]);
    const { notes, tasks: alerts } = await cancelNotes(t.tenant.id);
    expect(notes).toEqual(["Test drive cancelled by the shopper"]);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((x) => /^Test drive cancelled: /.test(x.title))).toBe(true);
  });

  it("names a car sold since it was booked without a code or price, and the stock check lets that name through", async () => {
    const t = await createTestTenant();
    const [, sold] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }, { make: "Peugeot", model: "208", year: 2022, status: "sold" }]);
    const a = await answeredShopper(t, "31612350061");
    const booked = await appointment(t.tenant.id, { ...a, vehicleId: sold.id, in: 2 * DAY });
    const results = cancellingModel();
    await shopperSays(t, "31612350061", "Cancel my test drive");
    expect(results).toEqual([{ cancelled: true, kind: "test_drive", start: localIso(booked.startsAt, t.tenant.timeZone), car: { make: "Peugeot", model: "208", year: 2022, forSale: false } }]);
    expect(JSON.stringify(results)).not.toContain(sold.code);
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta).toMatchObject({ engine: "claude", modelCalls: 2 });
    expect(reply.meta.stockCheck).toBeUndefined();
    expect(reply.body).toBe(`Done: your test drive of the Peugeot 208 on ${results[0].start} is cancelled.`);
    expect(await statusOf(t.tenant.id, booked.id)).toBe("cancelled");
  });

  it.each([
    ["fails after its tool cancelled", (first: number) => (_req: unknown, call: number) => (call === first ? { body: toolUse("cancel_booking", {}) } : { status: 500 })],
    ["fails before any tool ran", () => () => ({ status: 500 })],
  ])("a shopper who cancels and opts out in one message when Claude %s is opted out, hears which test drive is cancelled and the opt-out, and the reps hear of the cancellation", async (_, model) => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const a = await answeredShopper(t, "31612350081");
    const drive = await appointment(t.tenant.id, { ...a, vehicleId: golf.id, in: 1 * DAY });
    const visit = await appointment(t.tenant.id, { ...a, in: 2 * DAY });
    claude.use(model(claude.requests.length + 1));
    await shopperSays(t, "31612350081", "Cancel my test drive and stop sending me messages");
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.engine).toBe("offline");
    expect(reply.body).toBe(`Noted: we won't send you any more offers or reminders.\n\nYour test drive of the *${golf.code}* Volkswagen Golf (2020) on *${formatDateTime(drive.startsAt, "en-GB", t.tenant.timeZone)}* is cancelled. Would you like another time?`);
    const [contact] = await withTenant(t.tenant.id, (tx) => tx.select({ optedOutAt: contacts.optedOutAt }).from(contacts).where(eq(contacts.id, a.contactId)));
    expect(contact.optedOutAt).toBeInstanceOf(Date);
    // Cancelled once: the next appointment stays.
    expect([await statusOf(t.tenant.id, drive.id), await statusOf(t.tenant.id, visit.id)]).toEqual(["cancelled", "booked"]);
    const { notes, tasks: alerts } = await cancelNotes(t.tenant.id);
    expect(notes).toEqual(["Test drive cancelled by the shopper"]);
    expect(alerts.length).toBeGreaterThan(0);
    const [conversation] = await withTenant(t.tenant.id, (tx) => tx.select({ mode: conversations.mode }).from(conversations));
    expect(conversation.mode).toBe("bot");
  });
});

describe("Claude cancelling on a message that only opts out (real SDK against a fake Messages API)", () => {
  it("when Claude fails after its tool cancelled, the shopper hears which test drive is cancelled and the opt-out", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const a = await answeredShopper(t, "31612350091");
    const drive = await appointment(t.tenant.id, { ...a, vehicleId: golf.id, in: 1 * DAY });
    const first = claude.requests.length + 1;
    claude.use((_req, call) => (call === first ? { body: toolUse("cancel_booking", {}) } : { status: 500 }));
    await shopperSays(t, "31612350091", "I won't come after all, stop sending me messages");
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.engine).toBe("offline");
    expect(reply.body).toBe(`Noted: we won't send you any more offers or reminders.\n\nYour test drive of the *${golf.code}* Volkswagen Golf (2020) on *${formatDateTime(drive.startsAt, "en-GB", t.tenant.timeZone)}* is cancelled. Would you like another time?`);
    expect(await statusOf(t.tenant.id, drive.id)).toBe("cancelled");
    const [contact] = await withTenant(t.tenant.id, (tx) => tx.select({ optedOutAt: contacts.optedOutAt }).from(contacts).where(eq(contacts.id, a.contactId)));
    expect(contact.optedOutAt).toBeInstanceOf(Date);
    expect((await cancelNotes(t.tenant.id)).notes).toEqual(["Test drive cancelled by the shopper"]);
  });
});

describe("Try assistant with Claude cancelling (real SDK against a fake Messages API)", () => {
  it("lists the cancellation among what the reply would do, and keeps nothing", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    // The playground's shopper is new each time: only a test drive booked in the same reply can be cancelled.
    let booked = "";
    claude.use((req) => {
      const last = lastToolCall(req);
      if (last?.name === "test_drive_slots") return { body: toolUse("book_test_drive", { code: golf.code, start: (booked = (last.result as { slots: string[] }).slots[0]) }) };
      if (last?.name === "book_test_drive") return { body: toolUse("cancel_booking", {}) };
      if (last?.name === "cancel_booking") return { body: textReply("Booked, and cancelled again as you asked.") };
      return { body: toolUse("test_drive_slots", { code: golf.code }) };
    });
    const r = await tryAssistantReply(t.tenant, { turns: [], message: "Book a Golf test drive, then cancel it", now: new Date() });
    expect(r.engine).toBe("claude");
    const when = formatDateTime(new Date(booked), t.tenant.locale, t.tenant.timeZone);
    expect(r.wouldDo).toEqual(expect.arrayContaining(["book the test drive in the calendar", `cancel the shopper's test drive of ${when} and tell your team`]));
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(appointments))).toEqual([]);
  });
});
