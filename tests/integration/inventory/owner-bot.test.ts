import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { leads, messages, users, vehicles } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { searchInventoryTool } from "@/lib/assistant/tools";
import { ownerBotStep } from "@/lib/inventory/owner-bot/machine";
import { parseShorthandAmount, parseVehicleLine } from "@/lib/inventory/owner-bot/parse";
import { reloadEnv } from "@/lib/env";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { signedRequest, whatsappImage, whatsappText } from "../../fakes/whatsapp-payloads";
import sharp from "sharp";

useTestDatabase();
let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());

const OWNER = "6281100000099";
async function dealer() {
  const t = await createTestTenant({ graphToken: "tok", locale: "id-ID", currency: "IDR", timeZone: "Asia/Jakarta", country: "ID" });
  await (await getSystemDb()).update(users).set({ whatsapp: OWNER }).where(eq(users.id, t.owner.id));
  return t;
}
const say = (t: Awaited<ReturnType<typeof dealer>>, from: string, text: string) => POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text })));
const botReplies = async (tenantId: string) => (await withTenant(tenantId, (tx) => tx.select().from(messages).orderBy(messages.createdAt))).filter((m) => m.meta.ownerBot).map((m) => m.body ?? "");

describe("owner bot rules", () => {
  it("reads local shorthand for prices and mileage", () => {
    expect(parseShorthandAmount("185jt")).toBe(185_000_000);
    expect(parseShorthandAmount("45rb")).toBe(45_000);
    expect(parseShorthandAmount("18,5k")).toBe(18_500);
    expect(parseShorthandAmount("1,2M")).toBe(1_200_000);
    expect(parseShorthandAmount("249.900")).toBe(249_900);
    const line = parseVehicleLine("B1234XYZ | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam");
    expect(line).toEqual({ ok: true, vehicle: { plate: "B1234XYZ", make: "Toyota", model: "Avanza", variant: "1.3 G", year: 2020, price: 185_000_000, mileageKm: 45_000, transmission: "manual", color: "black", fuel: "petrol", body: "other" } });
    expect(parseVehicleLine("B1 | Toyota Avanza | 2020 | lots | 1 | Manual").ok).toBe(false);
  });

  it("reads the fuel and body from the name or from columns after the colour; anything else there is an error", () => {
    const kind = (line: string) => {
      const r = parseVehicleLine(line);
      return r.ok ? [r.vehicle.fuel, r.vehicle.body] : r.error;
    };
    expect(kind("K-1 | Volkswagen Passat Variant 2.0 TDI | 2019 | 18.950 | 120000 | DSG")).toEqual(["diesel", "other"]);
    expect(kind("K-1 | Skoda Octavia Combi 1.5 TSI | 2021 | 21.950 | 60000 | Manual | Grijs")).toEqual(["petrol", "estate"]);
    expect(kind("K-1 | Toyota Yaris 1.5 Hybrid | 2020 | 17.500 | 50000 | CVT")).toEqual(["hybrid", "other"]);
    // Electric-only models whose names say no fuel; Hyundai's i30 is not BMW's i3.
    expect(kind("EV 1 | Kia EV6 GT-Line | 2022 | 389 900 | 30000 | Automat")).toEqual(["electric", "other"]);
    expect(kind("EV 1 | Volkswagen ID.3 Pro | 2021 | 229 900 | 30000 | Automat")).toEqual(["electric", "other"]);
    expect(kind("EV 1 | Tesla Model Y Long Range | 2022 | 399 900 | 30000 | Automat")).toEqual(["electric", "other"]);
    expect(kind("K-1 | Hyundai i30 1.0 T-GDi | 2019 | 14.950 | 70000 | Manual")).toEqual(["petrol", "other"]);
    expect(kind("B1 | Toyota Fortuner 2.4 VRZ | 2021 | 450jt | 40rb | AT | Hitam | Solar | SUV")).toEqual(["diesel", "suv"]);
    expect(kind("B1 | Mitsubishi Xpander Ultimate | 2022 | 250jt | 20rb | AT | Putih | MPV")).toEqual(["petrol", "mpv"]);
    expect(kind("B1 | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam | kencang")).toBe("fuel");
  });

  it("asks before publishing an implausible price, suggests near-miss plates", () => {
    const ctx = { lang: "en" as const, lot: [{ id: "v1", plate: "B 1234 XYZ", code: "#A01", make: "Toyota", model: "Avanza", year: 2020, price: 185_000_000, status: "available" }], nextCode: "#A02", money: String, typicalPrice: 185_000_000 };
    const odd = ownerBotStep({ step: "line", mediaIds: [] }, { text: "B9 | Honda Brio RS | 2021 | 1850 | 20000 | AT | Putih" }, ctx);
    expect(odd.state?.step).toBe("odd");
    const miss = ownerBotStep(null, { text: "/price b1234xy 180jt" }, ctx);
    expect(miss.replies[0]).toMatch(/Did you mean #A01/);
  });
});

describe("owner bot over WhatsApp", () => {
  it("publishes a car from photos and one line; it then appears in the assistant's answers", async () => {
    const t = await dealer();
    graph.setMedia("PHOTO1", await sharp({ create: { width: 640, height: 480, channels: 3, background: "#777" } }).jpeg().toBuffer(), "image/jpeg");
    await say(t, OWNER, "/upload");
    await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappImage({ phoneNumberId: t.phoneNumberId, from: OWNER, mediaId: "PHOTO1" })));
    await say(t, OWNER, "lanjut");
    await say(t, OWNER, "B1234XYZ | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam");
    await say(t, OWNER, "Pajak hidup, servis rutin");
    await say(t, OWNER, "1");
    await drainJobs();
    const replies = await botReplies(t.tenant.id);
    expect(replies.at(-1)).toMatch(/Sudah tayang sebagai \*#A01\*/);
    // The recap before publishing is in the owner's language too, down to the gearbox and the plate line.
    const recap = replies.find((r) => r.includes("plat B1234XYZ"));
    expect(recap).toContain("plat B1234XYZ · 1 foto");
    expect(recap).toContain("catatan: Pajak hidup, servis rutin");
    const [car] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles));
    expect(car).toMatchObject({ code: "#A01", plate: "B1234XYZ", price: 185_000_000, mileageKm: 45_000, status: "available", source: "whatsapp" });
    expect(car.images).toHaveLength(1);
    const found = await searchInventoryTool({ tenant: t.tenant, leadId: null, contactId: "", conversationId: "" }, { model: "Avanza" }, 3);
    expect(found.vehicles.map((v) => v.code)).toEqual(["#A01"]);
    // Staff never become leads.
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(leads))).toHaveLength(0);
    expect(graph.sent.some((s) => s.body.to === OWNER)).toBe(true);
  });

  it("photos sent without /upload start the upload", async () => {
    const t = await dealer();
    graph.setMedia("PHOTO2", await sharp({ create: { width: 640, height: 480, channels: 3, background: "#555" } }).jpeg().toBuffer(), "image/jpeg");
    await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappImage({ phoneNumberId: t.phoneNumberId, from: OWNER, mediaId: "PHOTO2" })));
    await drainJobs();
    expect((await botReplies(t.tenant.id)).at(-1)).toBe("1 foto diterima. Kirim lagi, atau ketik *lanjut*.");
    for (const text of ["lanjut", "B9 | Honda Brio RS | 2021 | 180jt | 20rb | AT | Putih", "SKIP", "1"]) await say(t, OWNER, text);
    await drainJobs();
    const [car] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles));
    expect(car).toMatchObject({ model: "Brio", status: "available" });
    expect(car.images).toHaveLength(1);
  });

  it("changes a status after confirmation", async () => {
    const t = await dealer();
    const [car] = await addStock(t.tenant.id, [{ make: "Honda", model: "Brio", plate: "L 1234 AB", price: 150_000_000, currency: "IDR" }]);
    await say(t, OWNER, "/status L1234AB sold");
    await say(t, OWNER, "ya");
    await drainJobs();
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles).where(eq(vehicles.id, car.id)));
    expect(row.status).toBe("sold");
  });

  it("a shopper's number sending /upload gets an ordinary assistant reply", async () => {
    const t = await dealer();
    await say(t, "6281299998888", "/upload");
    await drainJobs();
    advanceClock(5000);
    await drainJobs();
    resetClock();
    expect(await botReplies(t.tenant.id)).toHaveLength(0);
    const assistant = (await withTenant(t.tenant.id, (tx) => tx.select().from(messages))).filter((m) => m.senderKind === "assistant");
    expect(assistant).toHaveLength(1);
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles))).toHaveLength(0);
  });
});
