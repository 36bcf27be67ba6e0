import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { appointments, branches, contacts, conversations, jobRuns, messages, tasks, vehicles } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { useFakeClaude } from "../../helpers/fake-claude";
import { answeredShopper, shopperSays } from "../../helpers/inbound";
import { addStock } from "../../helpers/stock";
import { lastToolCall, textReply, toolUse, type Script } from "../../fakes/anthropic-server";

useTestDatabase();
const claude = useFakeClaude();

type Dealer = Awaited<ReturnType<typeof createTestTenant>>;
type Reply = ReturnType<Script>;
const DAY = 86_400_000;
const notInStock = textReply("Booked! Or take the *#Z99* Ferrari F40 for €9,999.");

/**
 * A model that asks for free times (`slots`: the tool's input), books the first of them with `book`, and then answers
 * every call with `after` (a revision too); returns the time it booked, once it has.
 */
function bookingModel(slots: Record<string, unknown>, book: (start: string) => [string, Record<string, unknown>], after: () => Reply) {
  const booked: { start?: string } = {};
  claude.use((req) => {
    const last = lastToolCall(req);
    if (last?.name === "test_drive_slots") {
      booked.start = (last.result as { slots: string[] }).slots[0];
      return { body: toolUse(...book(booked.start)) };
    }
    return booked.start ? after() : { body: toolUse("test_drive_slots", slots) };
  });
  return booked;
}

const assistantNotes = async (tenantId: string) =>
  (await withTenant(tenantId, (tx) => tx.select({ body: messages.body }).from(messages).where(eq(messages.senderKind, "system")).orderBy(messages.createdAt)))
    .map((m) => m.body).filter((b) => /by the assistant/.test(b ?? ""));
const bookingAlerts = (tenantId: string) =>
  withTenant(tenantId, async (tx) => (await tx.select({ userId: tasks.userId, title: tasks.title, body: tasks.body }).from(tasks)).filter((x) => /booked/.test(x.body ?? "")));
/** The events of `name` this dealer sent, as the runs they started record them. */
const eventsSent = async (tenantId: string, name: string) =>
  (await (await getSystemDb()).select({ event: jobRuns.event }).from(jobRuns)
    .where(and(eq(jobRuns.eventName, name), sql`${jobRuns.event}->'data'->>'tenantId' = ${tenantId}`))).map((r) => r.event.data);
const allAppointments = (tenantId: string) => withTenant(tenantId, (tx) => tx.select().from(appointments));
const lastReply = async (tenantId: string) =>
  (await withTenant(tenantId, (tx) => tx.select().from(messages).where(eq(messages.senderKind, "assistant")).orderBy(messages.createdAt))).at(-1)!;
const when = (t: Dealer, start: string) => formatDateTime(new Date(start), "en-GB", t.tenant.timeZone);

/** What a booking gets once: one timeline note, one event, and each rep to hear of it hears once that the lead is hot. */
async function expectRecordedOnce(t: Dealer, o: { note: string; event: string; appointmentId: string; reason: string }) {
  expect(await assistantNotes(t.tenant.id)).toEqual([o.note]);
  expect(await eventsSent(t.tenant.id, o.event)).toEqual([expect.objectContaining({ appointmentId: o.appointmentId })]);
  const alerts = await bookingAlerts(t.tenant.id);
  expect(alerts.length).toBeGreaterThan(0);
  expect(new Set(alerts.map((a) => a.userId)).size).toBe(alerts.length);
  expect(alerts.every((a) => /^Hot lead: /.test(a.title) && a.body!.includes(`Reason: ${o.reason}`))).toBe(true);
}

describe("Claude failing after its tool booked (real SDK against a fake Messages API)", () => {
  it("when the API fails after a test drive was booked, the offline answer confirms that booking, books nothing more, and it is recorded once", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await answeredShopper(t, "31612351001");
    const booked = bookingModel({ code: golf.code }, (start) => ["book_test_drive", { code: golf.code, start }], () => ({ status: 500 }));
    await shopperSays(t, "31612351001", "Can I test drive the Golf?");
    const [appt, ...more] = await allAppointments(t.tenant.id);
    expect(more).toEqual([]);
    expect(appt).toMatchObject({ kind: "test_drive", vehicleId: golf.id, status: "booked", startsAt: new Date(booked.start!) });
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.engine).toBe("offline");
    expect(reply.body).toBe(`Done! Your test drive of the *${golf.code}* Volkswagen Golf (2020) is booked for *${when(t, booked.start!)}* — ${t.tenant.name}. See you then!`);
    await expectRecordedOnce(t, { note: "Test drive booked by the assistant", event: "appointment/booked", appointmentId: appt.id, reason: "test drive booked" });
  });

  it("when the stock check rejects the answer twice after a visit was booked, the offline answer confirms the visit, and it is recorded once", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await answeredShopper(t, "31612351011");
    const [main] = await withTenant(t.tenant.id, (tx) => tx.select({ id: branches.id }).from(branches).where(eq(branches.isDefault, true)));
    const booked = bookingModel({ showroom: main.id }, (start) => ["book_visit", { showroom: main.id, start }], () => ({ body: notInStock }));
    await shopperSays(t, "31612351011", "Can I come by your showroom to look around?");
    const [appt, ...more] = await allAppointments(t.tenant.id);
    expect(more).toEqual([]);
    expect(appt).toMatchObject({ kind: "visit", vehicleId: null, status: "booked", startsAt: new Date(booked.start!) });
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta).toMatchObject({ engine: "offline", stockCheck: expect.arrayContaining(["#Z99"]) });
    expect(reply.body).toMatch(new RegExp(`^Done! Your visit is booked for \\*${when(t, booked.start!)}\\* — .*See you then!$`));
    await expectRecordedOnce(t, { note: "Visit booked by the assistant", event: "appointment/booked", appointmentId: appt.id, reason: "visit booked" });
  });

  it("when the API times out after the shopper's test drive was moved, the offline answer says the new time, and the move is recorded once", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const a = await answeredShopper(t, "31612351021");
    const startsAt = new Date(Math.floor((Date.now() + 3 * DAY) / 60_000) * 60_000);
    const [before] = await withTenant(t.tenant.id, (tx) => tx.insert(appointments).values({
      tenantId: t.tenant.id, ...a, vehicleId: golf.id, kind: "test_drive", startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), status: "booked", createdBy: "assistant",
    }).returning());
    // The answer after the move comes later than the client's 4 s timeout.
    const booked = bookingModel({ code: golf.code }, (start) => ["book_test_drive", { code: golf.code, start }], () => ({ delayMs: 5_000 }));
    await shopperSays(t, "31612351021", "Can I do my Golf test drive earlier?");
    expect(await allAppointments(t.tenant.id)).toEqual([expect.objectContaining({ id: before.id, status: "booked", startsAt: new Date(booked.start!) })]);
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.engine).toBe("offline");
    expect(reply.body).toMatch(new RegExp(`^Done! Your test drive of the \\*${golf.code}\\* Volkswagen Golf \\(2020\\) is moved to \\*${when(t, booked.start!)}\\*`));
    await expectRecordedOnce(t, { note: "Test drive moved by the assistant", event: "appointment/rescheduled", appointmentId: before.id, reason: "test drive booked" });
    expect(await eventsSent(t.tenant.id, "appointment/booked")).toEqual([]);
  });

  it("when the booked car sells before the offline answer, a colleague takes over and the booking is still recorded once", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await answeredShopper(t, "31612351031");
    // Sold while the model answers: the offline answer naming the car fails the stock check.
    let sold: Promise<unknown> | undefined;
    bookingModel({ code: golf.code }, (start) => ["book_test_drive", { code: golf.code, start }], () => {
      sold ??= withTenant(t.tenant.id, (tx) => tx.update(vehicles).set({ status: "sold" }).where(eq(vehicles.id, golf.id)));
      return { status: 500, delayMs: 1_000 };
    });
    await shopperSays(t, "31612351031", "Can I test drive the Golf?");
    await sold;
    const [appt, ...more] = await allAppointments(t.tenant.id);
    expect(more).toEqual([]);
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.engine).toBe("offline");
    expect(reply.body).toMatch(/colleague/);
    const [conversation] = await withTenant(t.tenant.id, (tx) => tx.select({ mode: conversations.mode }).from(conversations));
    expect(conversation.mode).toBe("human");
    expect(await assistantNotes(t.tenant.id)).toEqual(["Test drive booked by the assistant"]);
    expect(await eventsSent(t.tenant.id, "appointment/booked")).toEqual([expect.objectContaining({ appointmentId: appt.id })]);
  });
});

/** The hand-over alerts the reps got, the mode changes sent and the conversation's mode. */
async function handedOver(t: Dealer) {
  const alerts = await withTenant(t.tenant.id, async (tx) => (await tx.select({ userId: tasks.userId, title: tasks.title, body: tasks.body }).from(tasks)).filter((x) => /^Hand-over: /.test(x.title)));
  const [conversation] = await withTenant(t.tenant.id, (tx) => tx.select({ mode: conversations.mode }).from(conversations));
  return { alerts, modeChanges: await eventsSent(t.tenant.id, "conversation/mode.changed"), repAlerts: await eventsSent(t.tenant.id, "lead/rep-alert.requested"), mode: conversation.mode };
}

/** What a hand-over gets once: human mode, one alert for each rep to hear of it with the reason, one WhatsApp alert. */
async function expectHandedOverOnce(t: Dealer, reason: string) {
  const { alerts, modeChanges, repAlerts, mode } = await handedOver(t);
  expect(mode).toBe("human");
  expect(modeChanges).toEqual([expect.objectContaining({ mode: "human" })]);
  expect(repAlerts).toEqual([expect.objectContaining({ kind: "handover", reason })]);
  expect(alerts.length).toBeGreaterThan(0);
  expect(new Set(alerts.map((a) => a.userId)).size).toBe(alerts.length);
  expect(alerts.every((a) => a.body!.startsWith(`Reason: ${reason}\n`))).toBe(true);
}

const colleague = "I've asked a colleague to contact you as soon as possible.";

describe("Claude failing after it handed over (real SDK against a fake Messages API)", () => {
  it.each([
    ["the API fails", { status: 500 }],
    ["the stock check rejects its answer twice", { body: notInStock }],
  ])("when %s after hand_over, the conversation is handed to a colleague once and the offline answer says so", async (_, after) => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await answeredShopper(t, "31612351101");
    // Every call after the hand-over (a revision too) gets `after`.
    claude.use((req) => (JSON.stringify(req.messages).includes('"name":"hand_over"') ? after : { body: toolUse("hand_over", { reason: "service history not in the listing" }) }));
    await shopperSays(t, "31612351101", "Does the Golf have its full service history?");
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.engine).toBe("offline");
    expect(reply.body).toBe(colleague);
    await expectHandedOverOnce(t, "service history not in the listing");
  });

  it("when the API times out after a booking and a hand-over, the offline answer confirms the booking and says a colleague takes over; each is recorded once", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await answeredShopper(t, "31612351111");
    let handed = false;
    const booked = bookingModel({ code: golf.code }, (start) => ["book_test_drive", { code: golf.code, start }], () => {
      if (handed) return { delayMs: 5_000 };
      handed = true;
      return { body: toolUse("hand_over", { reason: "wants a discount" }) };
    });
    await shopperSays(t, "31612351111", "Can I test drive the Golf? And what's your best price?");
    const [appt, ...more] = await allAppointments(t.tenant.id);
    expect(more).toEqual([]);
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.engine).toBe("offline");
    expect(reply.body).toBe(`Done! Your test drive of the *${golf.code}* Volkswagen Golf (2020) is booked for *${when(t, booked.start!)}* — ${t.tenant.name}. See you then!\n${colleague}`);
    await expectRecordedOnce(t, { note: "Test drive booked by the assistant", event: "appointment/booked", appointmentId: appt.id, reason: "test drive booked" });
    await expectHandedOverOnce(t, "wants a discount");
  });
});

describe("Claude failing after its tools acted, on a message that opts out (real SDK against a fake Messages API)", () => {
  it("when the stock check rejects the answer twice after a booking and a hand-over, the shopper is opted out and hears the booking and the opt-out; the booking is recorded once, nobody takes over", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const { contactId } = await answeredShopper(t, "31612351201");
    let handed = false;
    bookingModel({ code: golf.code }, (start) => ["book_test_drive", { code: golf.code, start }], () => {
      if (handed) return { body: notInStock };
      handed = true;
      return { body: toolUse("hand_over", { reason: "asked for no more messages" }) };
    });
    await shopperSays(t, "31612351201", "Book me a test drive of the Golf, and don't message me otherwise");
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.engine).toBe("offline");
    const [contact] = await withTenant(t.tenant.id, (tx) => tx.select({ optedOutAt: contacts.optedOutAt }).from(contacts).where(eq(contacts.id, contactId)));
    expect(contact.optedOutAt).toBeInstanceOf(Date);
    const [appt, ...more] = await allAppointments(t.tenant.id);
    expect(more).toEqual([]);
    expect(reply.body).toBe(`Noted: we won't send you any more offers or reminders.\n\nDone! Your test drive of the *${golf.code}* Volkswagen Golf (2020) is booked for *${when(t, appt.startsAt.toISOString())}* — ${t.tenant.name}. See you then!`);
    await expectRecordedOnce(t, { note: "Test drive booked by the assistant", event: "appointment/booked", appointmentId: appt.id, reason: "test drive booked" });
    const { alerts, modeChanges, mode } = await handedOver(t);
    expect({ alerts, modeChanges, mode }).toEqual({ alerts: [], modeChanges: [], mode: "bot" });
  });
});
