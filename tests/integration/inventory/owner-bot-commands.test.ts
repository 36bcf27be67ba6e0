import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { leads, messages, ownerBotSessions, users, vehicleEvents, vehicles } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { reloadEnv } from "@/lib/env";
import { ownerBotStep, type BotContext } from "@/lib/inventory/owner-bot/machine";
import { searchVehicles } from "@/lib/inventory/search";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";

useTestDatabase();
let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());

const OWNER = "6281100000077";
async function dealer(ownerLocale: string | null = null) {
  const t = await createTestTenant({ graphToken: "tok", locale: "id-ID", currency: "IDR", timeZone: "Asia/Jakarta", country: "ID" });
  await (await getSystemDb()).update(users).set({ whatsapp: OWNER, locale: ownerLocale }).where(eq(users.id, t.owner.id));
  return t;
}
type Dealer = Awaited<ReturnType<typeof dealer>>;
async function say(t: Dealer, text: string, from = OWNER) {
  await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text })));
  await drainJobs();
}
const botReplies = async (tenantId: string) => (await withTenant(tenantId, (tx) => tx.select().from(messages).orderBy(messages.createdAt))).filter((m) => m.meta.ownerBot).map((m) => m.body ?? "");
const lastReply = async (t: Dealer) => (await botReplies(t.tenant.id)).at(-1) ?? "";
const carById = async (t: Dealer, id: string) => (await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles).where(eq(vehicles.id, id))))[0];

// Each case drives several webhook round trips; a loaded machine needs more than the default 30 s.
describe("owner bot commands over WhatsApp", { timeout: 120_000 }, () => {
  it("/help and /list answer in the staff member's own language, else the dealership's", async () => {
    const t = await dealer("en-GB");
    await addStock(t.tenant.id, [{ make: "Honda", model: "Brio", plate: "L 1234 AB", price: 150_000_000, currency: "IDR" }]);
    await say(t, "/help");
    expect(await lastReply(t)).toMatch(/^Commands:\n\/upload/);
    await say(t, "/list");
    expect(await lastReply(t)).toMatch(/#A01 Honda Brio 2020 \(L 1234 AB\) · Rp\s?150\.000\.000 · available/);
    await (await getSystemDb()).update(users).set({ locale: null }).where(eq(users.id, t.owner.id));
    await say(t, "/help");
    expect(await lastReply(t)).toMatch(/^Perintah:/);
  });

  it("/price asks first: anything but yes cancels, yes changes the price and records the old and new price", async () => {
    const t = await dealer();
    const [car] = await addStock(t.tenant.id, [{ make: "Honda", model: "Brio", plate: "L 1234 AB", price: 150_000_000, currency: "IDR" }]);
    await say(t, "/price l1234ab 145jt");
    expect(await lastReply(t)).toMatch(/Ubah harga #A01 Honda Brio .* jadi \*Rp\s?145\.000\.000\*\? Balas \*ya\*/);
    await say(t, "tidak");
    expect(await lastReply(t)).toBe("Dibatalkan.");
    expect((await carById(t, car.id)).price).toBe(150_000_000);
    await say(t, "/price #A01 145jt");
    await say(t, "ya");
    expect(await lastReply(t)).toBe("Beres ✅");
    expect((await carById(t, car.id)).price).toBe(145_000_000);
    const events = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicleEvents).where(and(eq(vehicleEvents.vehicleId, car.id), eq(vehicleEvents.type, "price_changed"))));
    expect(events.map((e) => [e.old, e.new, e.source])).toEqual([[{ price: 150_000_000 }, { price: 145_000_000 }, "whatsapp"]]);
    await say(t, "/price #A01 banyak");
    expect(await lastReply(t)).toBe("Harganya tidak terbaca.");
  });

  it("a near-miss plate or code gets suggestions and changes nothing; a bad status is explained", async () => {
    const t = await dealer();
    const [car] = await addStock(t.tenant.id, [{ make: "Honda", model: "Brio", plate: "L 1234 AB", price: 150_000_000, currency: "IDR" }]);
    await say(t, "/status L1243AB sold");
    expect(await lastReply(t)).toMatch(/Mobil "L1243AB" tidak ditemukan\. Maksudnya #A01 Honda Brio 2020 \(L 1234 AB\)\?/);
    await say(t, "/status #A1 sold");
    expect(await lastReply(t)).toMatch(/Maksudnya #A01/);
    await say(t, "ya");
    expect((await carById(t, car.id)).status).toBe("available");
    await say(t, "/status #A01 gone");
    expect(await lastReply(t)).toBe("Status harus tersedia, booking, terjual atau draft.");
    await say(t, "/status #A01 booking");
    await say(t, "ya");
    expect((await carById(t, car.id)).status).toBe("reserved");
  });

  it("a step expires after 30 minutes: the half-finished upload is forgotten and the owner is told; a whole line starts a new one", async () => {
    const t = await dealer();
    const before = Date.now();
    await say(t, "/upload");
    const [session] = await withTenant(t.tenant.id, (tx) => tx.select().from(ownerBotSessions).where(eq(ownerBotSessions.userId, t.owner.id)));
    expect(session.state).toMatchObject({ step: "photos" });
    expect(session.expiresAt.getTime() - before).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    expect(session.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    // 31 minutes later, as far as the stored step is concerned.
    await withTenant(t.tenant.id, (tx) => tx.update(ownerBotSessions).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(ownerBotSessions.userId, t.owner.id)));
    await say(t, "lanjut");
    const replies = await botReplies(t.tenant.id);
    expect(replies.slice(-2)).toEqual(["Langkah sebelumnya kedaluwarsa setelah 30 menit; kita mulai lagi.", "Ketik /help untuk daftar perintah."]);
    await say(t, "B1234XYZ | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam");
    expect(await lastReply(t)).toBe("Ada fitur atau catatan kondisi? Kirim dalam satu pesan, atau *SKIP*.");
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles))).toHaveLength(0);
  });

  it("a line without /upload starts the upload; the recap shows the fuel and body the site will show, and the car gets them", async () => {
    const t = await dealer();
    await say(t, "B1 | Toyota Fortuner 2.4 VRZ | 2021 | 450jt | 40rb | AT | Hitam | Solar | SUV");
    await say(t, "SKIP");
    expect(await lastReply(t)).toBe("Balas *1* tayangkan · *2* ubah · *3* simpan draft");
    const recap = (await botReplies(t.tenant.id)).at(-2);
    expect(recap).toMatch(/Rp\s?450\.000\.000 · 40000 km · matic · diesel · suv · black/);
    await say(t, "1");
    const [car] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles));
    expect(car).toMatchObject({ make: "Toyota", model: "Fortuner", fuel: "diesel", body: "suv", status: "available", source: "whatsapp" });
    // A car whose name says nothing is shown as petrol before it is published, so the owner can correct it.
    await say(t, "B2 | Honda Brio RS | 2021 | 180jt | 20rb | AT");
    await say(t, "SKIP");
    expect((await botReplies(t.tenant.id)).at(-2)).toContain("matic · bensin");
  });

  it("says which field it could not read in the staff member's language, and confirms a status in their words", async () => {
    const t = await dealer("nl-NL");
    const [car] = await addStock(t.tenant.id, [{ make: "Honda", model: "Brio", plate: "L 1234 AB", price: 150_000_000, currency: "IDR" }]);
    await say(t, "/upload");
    await say(t, "klaar");
    await say(t, "K-123-AB | Volkswagen Golf 1.5 TSI | twintig | 21.950 | 60.000 | Automaat | Grijs");
    expect((await botReplies(t.tenant.id)).at(-2)).toBe("Ik kon het bouwjaar niet lezen. Stuur de regel opnieuw in het formaat hierboven.");
    await say(t, "/cancel");
    await say(t, "/status L1234AB verkocht");
    expect(await lastReply(t)).toMatch(/^#A01 Honda Brio 2020 \(L 1234 AB\) op \*verkocht\* zetten\?/);
    await say(t, "ja");
    expect((await carById(t, car.id)).status).toBe("sold");
  });

  it("answers a German-speaking owner in German", async () => {
    const t = await dealer("de-DE");
    const [car] = await addStock(t.tenant.id, [{ make: "Honda", model: "Brio", plate: "L 1234 AB", price: 150_000_000, currency: "IDR" }]);
    await say(t, "/help");
    expect(await lastReply(t)).toMatch(/^Befehle:\n\/upload – Auto hinzufügen/);
    await say(t, "/status L1234AB reserviert");
    expect(await lastReply(t)).toMatch(/auf \*reserviert\* setzen\? Antworten Sie \*ja\*/);
    await say(t, "ja");
    expect(await lastReply(t)).toBe("Erledigt ✅");
    expect((await carById(t, car.id)).status).toBe("reserved");
  });

  it("a published car is returned by the public search at once; a draft is not", async () => {
    const t = await dealer();
    await addStock(t.tenant.id, [{ make: "Honda", model: "Brio", plate: "L 1234 AB", price: 150_000_000, currency: "IDR" }]);
    for (const text of ["/upload", "lanjut", "B1234XYZ | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam", "SKIP", "1"]) await say(t, text);
    for (const text of ["/upload", "lanjut", "B777ABC | Daihatsu Xenia 1.3 R | 2019 | 140jt | 60rb | AT | Putih", "SKIP", "3"]) await say(t, text);
    const replies = await botReplies(t.tenant.id);
    expect(replies).toContain("Sudah tayang sebagai *#A02*. Sudah ada di website dan ditawarkan asisten.");
    expect(replies.at(-1)).toBe("Disimpan sebagai draft *#A03* (tidak publik).");
    const avanza = await withTenant(t.tenant.id, (tx) => searchVehicles(tx, t.tenant.id, { q: "Avanza" }));
    expect(avanza.vehicles.map((v) => [v.code, v.status, v.price])).toEqual([["#A02", "available", 185_000_000]]);
    const xenia = await withTenant(t.tenant.id, (tx) => searchVehicles(tx, t.tenant.id, { q: "Xenia" }));
    expect(xenia.total).toBe(0);
    const [draft] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles).where(eq(vehicles.code, "#A03")));
    expect(draft).toMatchObject({ status: "draft", transmission: "automatic", color: "white" });
  });

  it("a sales rep's number never reaches the commands: it is answered like a shopper", async () => {
    const t = await dealer();
    const rep = "6281100000088";
    await (await getSystemDb()).update(users).set({ whatsapp: rep }).where(eq(users.id, t.sales1.id));
    await addStock(t.tenant.id, [{ make: "Honda", model: "Brio", plate: "L 1234 AB", price: 150_000_000, currency: "IDR" }]);
    await say(t, "/status L1234AB sold", rep);
    advanceClock(5000);
    await drainJobs();
    resetClock();
    expect(await botReplies(t.tenant.id)).toHaveLength(0);
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(leads))).toHaveLength(1);
    const [car] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles));
    expect(car.status).toBe("available");
  });
});

describe("plausibility before publishing", () => {
  const ctx: BotContext = { lang: "en", lot: [], nextCode: "#A01", money: String, typicalPrice: 20_000 };
  const start = { step: "line" as const, mediaIds: [] };

  it("questions an unlikely mileage; yes keeps it, a corrected line replaces it", () => {
    const odd = ownerBotStep(start, { text: "K-123-AB | Volkswagen Golf 1.5 | 2020 | 21950 | 900000 | Manual | Grijs" }, ctx);
    expect(odd).toMatchObject({ state: { step: "odd", what: "mileage" }, replies: ["That mileage looks unusual. Reply *yes* to keep it or send the line again."] });
    expect(ownerBotStep(odd.state, { text: "yes" }, ctx).state).toMatchObject({ step: "notes", vehicle: { mileageKm: 900_000 } });
    expect(ownerBotStep(odd.state, { text: "K-123-AB | Volkswagen Golf 1.5 | 2020 | 21950 | 90000 | Manual | Grijs" }, ctx).state).toMatchObject({ step: "notes", vehicle: { mileageKm: 90_000 } });
    expect(ownerBotStep(start, { text: "K-123-AB | Volkswagen Golf 1.5 | 2015 | 21950 | 0 | Manual" }, ctx).state).toMatchObject({ step: "odd", what: "mileage" });
  });

  it("questions a price ten times off the lot's typical price, in the staff member's language", () => {
    const nl = ownerBotStep(start, { text: "K-123-AB | Volkswagen Golf 1.5 | 2020 | 219.500.000 | 60000 | Automaat | Grijs" }, { ...ctx, lang: "nl" });
    expect(nl.replies).toEqual(["Die prijs lijkt ongebruikelijk. Antwoord *ja* om te bewaren of stuur de regel opnieuw."]);
    expect(ownerBotStep(start, { text: "K-123-AB | Volkswagen Golf 1.5 | 2020 | 21950 | 60000 | Automaat | Grijs" }, ctx).state).toMatchObject({ step: "notes" });
  });
});
