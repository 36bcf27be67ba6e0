import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { appointments, conversations, messages, tasks } from "@/db/schema";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { answeredShopper, lastAssistantReply, optOutState, shopperSays } from "../../helpers/inbound";
import { useOfflineAssistant } from "../../helpers/offline-assistant";
import { addStock } from "../../helpers/stock";
import { createKnowledgeEntry } from "@/lib/knowledge";

useTestDatabase();
useOfflineAssistant();

type Dealer = Awaited<ReturnType<typeof createTestTenant>>;

const lastReply = lastAssistantReply;

/** Whether the shopper is opted out, whether a person took over, and the reps' hand-over alerts. */
const shopperState = async (t: Dealer, phone: string) => ({
  ...(await optOutState(t.tenant.id, phone)),
  handOvers: (await withTenant(t.tenant.id, (tx) => tx.select({ title: tasks.title }).from(tasks))).filter((x) => /^Hand-over: /.test(x.title)).length,
});

/** The Dutch name of the weekday `days` from now (never a Sunday, when the test dealer is closed), for a booking. */
function weekdayAhead(days: number): string {
  const names = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
  const day = new Date(Date.now() + days * 86_400_000).getDay();
  return names[day === 0 ? 1 : day];
}

describe("a shopper who opts out and asks something else in the same message (offline assistant)", () => {
  it.each([
    {
      lang: "nl", locale: "nl-NL", currency: "EUR", car: { make: "Volkswagen", model: "Golf" }, text: "Stuur me geen aanbiedingen meer, maar is de Golf nog beschikbaar?",
      noted: "Genoteerd: we sturen je geen aanbiedingen of herinneringen meer.",
    },
    {
      lang: "en", locale: "nl-NL", currency: "EUR", car: { make: "Toyota", model: "Yaris" }, text: "Stop sending promotions. Do you still have the Yaris?",
      noted: "Noted: we won't send you any more offers or reminders.",
    },
    {
      lang: "id", locale: "id-ID", currency: "IDR", car: { make: "Honda", model: "Brio", price: 165_000_000, currency: "IDR" }, text: "Jangan kirim promo lagi ya, tapi Brio masih ada?",
      noted: "Siap, kami tidak akan kirim promo atau pengingat lagi ke kakak.",
    },
  ])("$lang: is opted out, and hears the answer in their language after one line that confirms it", async ({ locale, currency, car, text, noted, lang }) => {
    const t = await createTestTenant({ locale, currency });
    const [asked] = await addStock(t.tenant.id, [car, { make: "Kia", model: "Picanto", price: car.price ?? 11950, currency }]);
    await shopperSays(t, "31612353001", text);
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta).toMatchObject({ language: lang, intents: expect.arrayContaining(["opt_out"]) });
    expect(reply.body!.startsWith(`${noted}\n\n`)).toBe(true);
    expect(reply.body).toContain(asked.code);
    expect(reply.body).toContain(car.model);
    expect(await shopperState(t, "31612353001")).toEqual({ optedOut: true, mode: "bot", handOvers: 0 });
  });

  it.each(["STOP", "stop", "afmelden", "Stuur me geen berichten meer, bedankt"])("'%s' stays an opt-out and nothing else", async (text) => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await shopperSays(t, "31612353002", text);
    expect((await lastReply(t.tenant.id)).body).toBe("Je ontvangt geen berichten meer van ons. Stuur gerust een bericht als je ons nodig hebt.");
    expect((await shopperState(t, "31612353002")).optedOut).toBe(true);
  });

  it("a question it cannot place beside the opt-out gets the opt-out confirmation alone, not an offer of help with cars", async () => {
    const t = await createTestTenant();
    await shopperSays(t, "31612353006", "Stop texting me, do you hear me?");
    expect((await lastReply(t.tenant.id)).body).toBe("You won't receive any more messages from us. Send a message any time if you need us.");
    expect((await shopperState(t, "31612353006")).optedOut).toBe(true);
  });

  it("cancelling in the same message: hears which test drive is cancelled as well as the opt-out, and the reps hear of it", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const a = await answeredShopper(t, "31612353003");
    const startsAt = new Date(Math.floor((Date.now() + 2 * 86_400_000) / 60_000) * 60_000);
    const [drive] = await withTenant(t.tenant.id, (tx) => tx.insert(appointments).values({
      tenantId: t.tenant.id, leadId: a.leadId, contactId: a.contactId, vehicleId: golf.id, kind: "test_drive", startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), status: "booked", createdBy: "assistant",
    }).returning());
    await shopperSays(t, "31612353003", "Annuleer mijn proefrit en stuur me geen berichten meer");
    const reply = await lastReply(t.tenant.id);
    expect(reply.body).toMatch(new RegExp(`^Genoteerd: we sturen je geen aanbiedingen of herinneringen meer\\.\\n\\nJe proefrit met de \\*${golf.code}\\* Volkswagen Golf .* is geannuleerd\\.`));
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, drive.id)));
    expect(row.status).toBe("cancelled");
    const alerts = await withTenant(t.tenant.id, async (tx) => (await tx.select({ title: tasks.title }).from(tasks)).filter((x) => /^Test drive cancelled: /.test(x.title)));
    expect(alerts.length).toBeGreaterThan(0);
    expect(await shopperState(t, "31612353003")).toEqual({ optedOut: true, mode: "bot", handOvers: 0 });
  });

  /** A shopper with a test drive of the Golf booked the day after tomorrow. */
  async function withTestDrive(t: Dealer, phone: string) {
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const a = await answeredShopper(t, phone);
    const startsAt = new Date(Math.floor((Date.now() + 2 * 86_400_000) / 60_000) * 60_000);
    const [drive] = await withTenant(t.tenant.id, (tx) => tx.insert(appointments).values({
      tenantId: t.tenant.id, leadId: a.leadId, contactId: a.contactId, vehicleId: golf.id, kind: "test_drive", startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), status: "booked", createdBy: "assistant",
    }).returning());
    const status = async () => (await withTenant(t.tenant.id, (tx) => tx.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, drive.id))))[0].status;
    return { golf, status };
  }

  it.each([
    "cancel my subscription, stop sending messages",
    "Nieuwsbrief annuleren, stuur me geen berichten meer",
    "Avbestill meldinger, ingen flere tilbud",
    "Newsletter stornieren, keine Werbung mehr",
    "batalkan langganan, jangan kirim promo lagi",
  ])("'%s' cancels the subscription, not the test drive: it stays booked and the opt-out alone is confirmed", async (text) => {
    const t = await createTestTenant();
    const { status } = await withTestDrive(t, "31612353007");
    await shopperSays(t, "31612353007", text);
    const reply = await lastReply(t.tenant.id);
    expect(reply.meta.intents).toEqual(["opt_out"]);
    expect(await status()).toBe("booked");
    expect(await shopperState(t, "31612353007")).toEqual({ optedOut: true, mode: "bot", handOvers: 0 });
  });

  it.each([
    "cancel my test drive, stop sending messages",
    "Afspraak afzeggen, stuur me geen berichten meer",
    "Proefrit annuleren en geen berichten meer graag",
    "batal test drive, jangan kirim promo lagi",
    "Annuleren. Stuur me geen berichten meer",
  ])("'%s' cancels the test drive as well as opting out", async (text) => {
    const t = await createTestTenant();
    const { golf, status } = await withTestDrive(t, "31612353008");
    await shopperSays(t, "31612353008", text);
    expect((await lastReply(t.tenant.id)).body).toContain(golf.code);
    expect(await status()).toBe("cancelled");
    expect(await shopperState(t, "31612353008")).toEqual({ optedOut: true, mode: "bot", handOvers: 0 });
  });

  it("booking in the same message: hears the test drive booked as well as the opt-out", async () => {
    const t = await createTestTenant();
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await shopperSays(t, "31612353004", `Proefrit met de Golf op ${weekdayAhead(3)} om 11:00, en stuur me verder geen aanbiedingen`);
    const reply = await lastReply(t.tenant.id);
    expect(reply.body).toMatch(new RegExp(`^Genoteerd: we sturen je geen aanbiedingen of herinneringen meer\\.\\n\\n[^\\n]*\\*${golf.code}\\* Volkswagen Golf[^\\n]*11:00`));
    const booked = await withTenant(t.tenant.id, (tx) => tx.select({ status: appointments.status }).from(appointments));
    expect(booked.map((b) => b.status)).toEqual(["booked"]);
    expect((await shopperState(t, "31612353004")).optedOut).toBe(true);
  });

  it("an answer the stock check cannot let through hands over, and the opt-out still counts and is confirmed", async () => {
    const t = await createTestTenant();
    const [, sold] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }, { make: "Volkswagen", model: "Polo", status: "sold" }]);
    // The dealer's warranty words point at a car by its code, sold since: a code is a claim about stock even in the
    // dealer's own words, so the offline answer quoting them fails the check.
    const entry = await createKnowledgeEntry({ tenantId: t.tenant.id, userId: t.manager.id, role: "manager" }, {
      language: "nl", topic: "warranty", title: "Garantie", body: `Op elke occasion 12 maanden garantie, ook op onze actieauto ${sold.code}.`,
    });
    expect(entry.ok).toBe(true);
    await shopperSays(t, "31612353005", "Stuur me geen aanbiedingen meer. Hoeveel garantie geven jullie?");
    const reply = await lastReply(t.tenant.id);
    expect(reply.body).toBe("Genoteerd: we sturen je geen aanbiedingen of herinneringen meer.\n\nIk heb een collega gevraagd zo snel mogelijk contact met je op te nemen.");
    expect((await shopperState(t, "31612353005")).optedOut).toBe(true);
  });
});

describe("a shopper who opts out while a person has taken over or the conversation is paused", () => {
  it.each([
    { mode: "human" as const, text: "stop sending me promotions" },
    { mode: "human" as const, text: "Stuur me geen aanbiedingen meer" },
    { mode: "paused" as const, text: "jangan kirim promo lagi" },
    { mode: "human" as const, text: "keine Werbung mehr" },
    { mode: "paused" as const, text: "ingen flere tilbud" },
    { mode: "human" as const, text: "STOP" },
  ])("$mode, '$text': opted out, no automatic answer, and the rep sees a note in the conversation", async ({ mode, text }) => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await answeredShopper(t, "31612353011");
    await withTenant(t.tenant.id, (tx) => tx.update(conversations).set({ mode }));
    await shopperSays(t, "31612353011", text);
    expect(await shopperState(t, "31612353011")).toMatchObject({ optedOut: true, mode });
    const rows = await withTenant(t.tenant.id, (tx) => tx.select({ senderKind: messages.senderKind, body: messages.body, meta: messages.meta }).from(messages).orderBy(messages.createdAt));
    expect(rows.filter((m) => m.senderKind === "assistant")).toHaveLength(1);
    const notes = rows.filter((m) => m.senderKind === "system" && m.meta.event === "opted_out");
    expect(notes.map((n) => n.body)).toEqual(["The shopper opted out: no more follow-ups or broadcasts"]);
  });

  it("a message that does not opt out is recorded as nothing of the kind", async () => {
    const t = await createTestTenant();
    await answeredShopper(t, "31612353012");
    await withTenant(t.tenant.id, (tx) => tx.update(conversations).set({ mode: "human" }));
    await shopperSays(t, "31612353012", "Stop, ik bel zo even terug over de Golf");
    await shopperSays(t, "31612353012", "Kunnen we de proefrit verzetten?");
    expect((await shopperState(t, "31612353012")).optedOut).toBe(false);
    const notes = await withTenant(t.tenant.id, (tx) => tx.select({ meta: messages.meta }).from(messages).where(eq(messages.senderKind, "system")));
    expect(notes.filter((n) => n.meta.event === "opted_out")).toHaveLength(0);
  });
});
