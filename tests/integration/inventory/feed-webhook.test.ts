import { createHmac } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/inventory/[tenantSlug]/route";
import { withTenant } from "@/db/tenant";
import { inventoryImports, vehicleEvents, vehicles } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { searchInventoryTool } from "@/lib/assistant/tools";
import { loadListing } from "@/lib/catalog/data";
import { parseListingQuery } from "@/lib/catalog/query";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const car = (i: number, over: Record<string, unknown> = {}) => ({
  external_id: `DMS-${i}`, make: "Toyota", model: "Yaris", variant: "1.5 Hybrid", year: 2020, mileage_km: 40000 + i, price: 18000 + i * 100,
  currency: "EUR", fuel: "hybrid", transmission: "automatic", body: "hatchback", color: "white", features: ["Navigatie"], images: [], status: "available",
  dms_location: "Lot B", ...over,
});
function post(slug: string, body: unknown, secret: string, contentType = "application/json") {
  const raw = typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const sig = `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
  return POST(new Request(`http://localhost/api/webhooks/inventory/${slug}`, { method: "POST", body: typeof raw === "string" ? raw : new Uint8Array(raw), headers: { "content-type": contentType, "x-signature-256": sig } }), { params: Promise.resolve({ tenantSlug: slug }) });
}
async function importOf(tenantId: string, id: string) {
  const [row] = await withTenant(tenantId, (tx) => tx.select().from(inventoryImports));
  return (await withTenant(tenantId, (tx) => tx.select().from(inventoryImports))).find((r) => r.id === id) ?? row;
}

describe("inventory webhook and incremental import", () => {
  it("imports a snapshot, then applies only the differences of the next one", async () => {
    const t = await createTestTenant();
    const v1 = { vehicles: Array.from({ length: 20 }, (_, i) => car(i)) };
    const r1 = await post(t.tenant.slug, v1, t.feedSecret);
    expect(r1.status).toBe(202);
    const { importId: first } = await r1.json();
    await drainJobs();
    expect((await importOf(t.tenant.id, first)).counts).toEqual({ created: 20, updated: 0, removed: 0, unchanged: 0, invalid: 0 });

    // v2: two price drops, one mileage change, two cars gone, one new.
    const v2 = { vehicles: [...v1.vehicles.slice(0, 18), car(20)].map((c, i) => (i === 0 ? { ...c, price: 15000 } : i === 1 ? { ...c, price: 16000 } : i === 2 ? { ...c, mileage_km: 99999 } : c)) };
    const { importId: second } = await (await post(t.tenant.slug, v2, t.feedSecret)).json();
    await drainJobs();
    const imp = await importOf(t.tenant.id, second);
    expect(imp.counts).toEqual({ created: 1, updated: 3, removed: 2, unchanged: 15, invalid: 0 });
    const events = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicleEvents));
    const drops = events.filter((e) => e.type === "price_changed");
    expect(drops.map((e) => e.new?.price).sort()).toEqual([15000, 16000]);
    const gone = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles));
    expect(gone.filter((v) => v.status === "sold").map((v) => v.externalId).sort()).toEqual(["DMS-18", "DMS-19"]);
    expect(gone.find((v) => v.externalId === "DMS-0")?.extra).toEqual({ dms_location: "Lot B" });
  });

  it("a replayed webhook changes nothing", async () => {
    const t = await createTestTenant();
    const body = { vehicles: [car(1), car(2)] };
    const a = await (await post(t.tenant.slug, body, t.feedSecret)).json();
    await drainJobs();
    const b = await (await post(t.tenant.slug, body, t.feedSecret)).json();
    await drainJobs();
    expect(b).toEqual({ importId: a.importId, duplicate: true });
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles))).toHaveLength(2);
  });

  it("reports a bad row with its number and imports the rest", async () => {
    const t = await createTestTenant();
    const { importId } = await (await post(t.tenant.slug, { vehicles: [car(1), { ...car(2), year: "old" }, car(3, { fuel: "steam" })] }, t.feedSecret)).json();
    await drainJobs();
    const imp = await importOf(t.tenant.id, importId);
    expect(imp.counts).toMatchObject({ created: 1, invalid: 2 });
    expect(imp.report.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(imp.report[0].reason).toMatch(/year/);
  });

  it("accepts the same columns as CSV", async () => {
    const t = await createTestTenant();
    const csv = 'external_id;make;model;year;mileage_km;price;fuel;transmission;body;features\nC-1;Kia;Picanto;2019;50000;9950;benzine;handgeschakeld;hatchback;"Airco|Radio; DAB"\n';
    expect((await post(t.tenant.slug, csv, t.feedSecret, "text/csv")).status).toBe(202);
    await drainJobs();
    const [v] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles));
    expect(v).toMatchObject({ make: "Kia", fuel: "petrol", transmission: "manual", features: ["Airco", "Radio; DAB"] });
  });

  it("a sold event takes the car out of the assistant's answers and the dealer site's listing at once", async () => {
    const t = await createTestTenant();
    await post(t.tenant.slug, { vehicles: [car(1), car(2)] }, t.feedSecret);
    await drainJobs();
    expect((await loadListing(t.tenant.id, parseListingQuery({}))).total).toBe(2);
    await post(t.tenant.slug, { type: "vehicle.sold", vehicle: { external_id: "DMS-1" } }, t.feedSecret);
    await drainJobs();
    const found = await searchInventoryTool({ tenant: t.tenant, leadId: null, contactId: "", conversationId: "" }, { model: "Yaris" }, 5);
    expect(found.vehicles).toHaveLength(1);
    // Within the second the listing's inventory stamp is kept: the import itself makes the site read again.
    expect((await loadListing(t.tenant.id, parseListingQuery({}))).total).toBe(1);
  });

  it("accepts a gzip body signed as sent, and refuses a corrupt one", async () => {
    const t = await createTestTenant();
    const res = await post(t.tenant.slug, gzipSync(JSON.stringify({ vehicles: [car(1), car(2)] })), t.feedSecret);
    expect(res.status).toBe(202);
    await drainJobs();
    expect(await importOf(t.tenant.id, (await res.json()).importId)).toMatchObject({ status: "done" });
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles))).toHaveLength(2);
    expect((await post(t.tenant.slug, gzipSync("{}").subarray(0, 12), t.feedSecret)).status).toBe(400);
  });

  it("refuses a wrong signature (401), bad bodies (400) and an unknown dealer (404), storing nothing", async () => {
    const t = await createTestTenant();
    expect((await post(t.tenant.slug, { vehicles: [car(1)] }, "wrong-secret")).status).toBe(401);
    expect((await post(t.tenant.slug, "{oops", t.feedSecret)).status).toBe(400);
    expect((await post(t.tenant.slug, { cars: [] }, t.feedSecret)).status).toBe(400);
    expect((await post(t.tenant.slug, { type: "vehicle.exploded", vehicle: {} }, t.feedSecret)).status).toBe(400);
    expect((await post("no-such-dealer", { vehicles: [] }, t.feedSecret)).status).toBe(404);
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(inventoryImports))).toHaveLength(0);
  });
});
