import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { withTenant } from "@/db/tenant";
import { appointments, contacts, conversations, leads, memberships, messages, tasks, vehicles } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { createBranch, type BranchInput } from "@/lib/branches";
import { reloadEnv } from "@/lib/env";
import { getConversation } from "@/lib/inbox/conversation";
import { getTodayNumbers } from "@/lib/inbox/today";
import { zonedParts } from "@/lib/scheduling/zoned";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";

useTestDatabase();
let graph: FakeGraph;
type T = Awaited<ReturnType<typeof createTestTenant>>;
let dealer: T;
let zuid: string;
let golf: typeof vehicles.$inferSelect;
let polo: typeof vehicles.$inferSelect;

// The test tenant's main showroom opens Monday to Saturday; Showroom Zuid only on Sundays, 11:00–15:00.
const zuidInput = { name: "Showroom Zuid", street: "Zuidweg 1", city: "Den Bosch", phone: "+31730000000", postalCode: null, mapUrl: "https://maps.example/zuid", sunOpen: "11:00", sunClose: "15:00" } as BranchInput;

beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  delete process.env.ANTHROPIC_API_KEY;
  reloadEnv();
  dealer = await createTestTenant({ graphToken: "tok" });
  [golf, polo] = await addStock(dealer.tenant.id, [{ make: "Volkswagen", model: "Golf" }, { make: "Volkswagen", model: "Polo", year: 2018, price: 12950 }]);
  zuid = (await createBranch({ tenantId: dealer.tenant.id, userId: dealer.owner.id }, dealer.tenant, zuidInput)).id;
  await withTenant(dealer.tenant.id, async (tx) => {
    await tx.update(vehicles).set({ branchId: zuid }).where(eq(vehicles.id, golf.id));
    await tx.update(memberships).set({ branchId: zuid }).where(and(eq(memberships.tenantId, dealer.tenant.id), eq(memberships.userId, dealer.sales2.id)));
  });
  // Another dealership with a showroom our shoppers might name.
  const rival = await createTestTenant();
  await createBranch({ tenantId: rival.tenant.id, userId: rival.owner.id }, rival.tenant, { ...zuidInput, name: "Rotterdam Noord", city: "Rotterdam" });
});
afterAll(() => graph.close());
afterEach(() => resetClock());

/** One shopper message through the webhook, the debounced reply and its side effects; returns the reply. */
async function say(from: string, text: string): Promise<string> {
  const res = await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: dealer.phoneNumberId, from, text })));
  expect(res.status).toBe(200);
  await drainJobs();
  advanceClock(5_000);
  await drainJobs();
  const replies = await withTenant(dealer.tenant.id, (tx) => tx.select({ body: messages.body, kind: messages.senderKind, phone: contacts.phone }).from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId)).innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(messages.tenantId, dealer.tenant.id)).orderBy(messages.createdAt));
  return replies.filter((m) => m.kind === "assistant" && m.phone === from).at(-1)?.body ?? "";
}
const leadOf = async (phone: string) => (await withTenant(dealer.tenant.id, (tx) => tx.select({ lead: leads }).from(leads)
  .innerJoin(contacts, eq(contacts.id, leads.contactId)).where(eq(contacts.phone, phone))))[0].lead;
const bookingsOf = (leadId: string) => withTenant(dealer.tenant.id, (tx) => tx.select().from(appointments).where(eq(appointments.leadId, leadId)));

describe("the shopper picks the showroom", { timeout: 60_000 }, () => {
  it("'which location?' lists every showroom with address, hours and map link in the shopper's language", async () => {
    const nl = await say("31610000001", "Welke vestiging is het dichtstbij?");
    expect(nl).toContain("We hebben 2 vestigingen");
    expect(nl).toContain(`*${dealer.tenant.name}*`);
    expect(nl).toContain("*Showroom Zuid*\nZuidweg 1, Den Bosch\n🕒 ma–za gesloten, zo 11:00–15:00\nhttps://maps.example/zuid");
    expect(nl).toContain("🕒 ma–vr 09:00–18:00, za 10:00–16:00, zo gesloten");

    const id = await say("6281000000001", "Halo kak, di mana lokasinya?");
    expect(id).toContain("🕒 Sen–Sab tutup, Min 11:00–15:00");
    const nb = await say("4790000001", "Hei! Hvor holder dere til?");
    expect(nb).toContain("søn 11:00–15:00");

    // Asked for one showroom's hours, that showroom alone.
    const hours = await say("31610000006", "Wanneer is jullie vestiging in Den Bosch open?");
    expect(hours).toBe("*Showroom Zuid*\nZuidweg 1, Den Bosch\n🕒 ma–za gesloten, zo 11:00–15:00\nhttps://maps.example/zuid");
  });

  it("'where is it?' about the car in focus names the showroom it stands in", async () => {
    await say("31610000011", "Hebben jullie een Golf?");
    expect(await say("31610000011", "Waar staat hij?")).toBe("*Showroom Zuid*\nZuidweg 1, Den Bosch\n🕒 ma–za gesloten, zo 11:00–15:00\nhttps://maps.example/zuid");
    await say("4790000011", `Hei, er ${polo.code} ledig?`);
    const nb = await say("4790000011", "Hvor står den?");
    expect(nb).toContain(`*${dealer.tenant.name}*`);
    expect(nb).not.toContain("Showroom Zuid");
  });

  // Next week's Sunday, whatever day the suite runs: on a Sunday, "zondag" is today, its first hours already too soon.
  it("a visit at the showroom the shopper names offers that showroom's hours and books there; its staff hear first", async () => {
    const phone = "31610000002";
    const offer = await say(phone, "Kan ik volgende week zondag langskomen bij jullie in Den Bosch?");
    expect(offer).toContain("Vrije tijden bij *Showroom Zuid, Zuidweg 1, Den Bosch*:");
    expect(offer).toMatch(/1\. zo/);
    const booked = await say(phone, "1");
    expect(booked).toContain("Showroom Zuid, Zuidweg 1, Den Bosch");

    const lead = await leadOf(phone);
    const [visit] = await bookingsOf(lead.id);
    expect(visit).toMatchObject({ kind: "visit", branchId: zuid, vehicleId: null, createdBy: "assistant" });
    expect(zonedParts(visit.startsAt, dealer.tenant.timeZone).weekday).toBe("sun");
    expect(lead.branchId).toBe(zuid);
    // Sara works at Zuid and is on duty: the hot lead is hers alone.
    const notified = await withTenant(dealer.tenant.id, (tx) => tx.select({ userId: tasks.userId }).from(tasks).where(eq(tasks.leadId, lead.id)));
    expect(new Set(notified.map((n) => n.userId))).toEqual(new Set([dealer.sales2.id]));

    // The dashboard shows where: the lead card and the Today list on that day.
    const conv = await getConversation(dealer.tenant.id, (await withTenant(dealer.tenant.id, (tx) => tx.select().from(conversations).where(eq(conversations.leadId, lead.id))))[0].id, { userId: dealer.owner.id, role: "owner" });
    expect(conv?.appointments.map((a) => a.showroom)).toEqual(["Showroom Zuid"]);
    const today = await getTodayNumbers(dealer.tenant.id, { userId: dealer.owner.id, role: "owner" }, dealer.tenant.timeZone, new Date(visit.startsAt.getTime() - 60_000));
    expect(today.testDrives.find((d) => d.id === visit.id)).toMatchObject({ kind: "visit", showroom: "Showroom Zuid" });
  });

  it("a test drive asked at another showroom than the car's says where the car stands and offers its times, without booking elsewhere", async () => {
    const phone = "31610000003";
    const reply = await say(phone, `Kan ik volgende week zondag om 12:00 een proefrit maken met de ${polo.code} in Den Bosch?`);
    expect(reply).toContain(`staat bij *${dealer.tenant.name}*, niet bij Showroom Zuid; de proefrit is daar.`);
    expect(reply).toMatch(/1\. (ma|di|wo|do|vr|za)/);
    expect(await bookingsOf((await leadOf(phone)).id)).toHaveLength(0);
    // The lead is about the main showroom, where the Polo stands.
    expect((await leadOf(phone)).branchId).toBe(dealer.branchId);

    const booked = await say(phone, "1");
    expect(booked).toContain(polo.code);
    const [drive] = await bookingsOf((await leadOf(phone)).id);
    expect(drive).toMatchObject({ kind: "test_drive", vehicleId: polo.id, branchId: dealer.branchId });

    // Named where the car does stand, the time is booked at once.
    const there = "31610000004";
    const atZuid = await say(there, `Proefrit met de ${golf.code} volgende week zondag om 12:00 bij Showroom Zuid`);
    expect(atZuid).toContain("Showroom Zuid, Zuidweg 1, Den Bosch");
    const [zuidDrive] = await bookingsOf((await leadOf(there)).id);
    expect(zuidDrive).toMatchObject({ kind: "test_drive", vehicleId: golf.id, branchId: zuid });
  });

  it("another dealership's showroom name never matches: no slots there, and the listing shows only this dealer's showrooms", async () => {
    const phone = "31610000005";
    const visit = await say(phone, "Kan ik zondag langskomen in Rotterdam Noord?");
    expect(visit).not.toContain("Rotterdam");
    expect(visit).not.toContain("Vrije tijden bij");
    const where = await say(phone, "Waar is jullie vestiging in Rotterdam?");
    expect(where).toContain("*Showroom Zuid*");
    expect(where).not.toContain("Rotterdam");
    expect(await bookingsOf((await leadOf(phone)).id)).toHaveLength(0);
  });
});
