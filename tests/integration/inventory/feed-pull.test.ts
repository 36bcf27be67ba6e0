import http from "node:http";
import { gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { inventoryImports, jobRuns, tenants, vehicleEvents, vehicles } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, clock, resetClock } from "@/inngest/local/clock";
import { reloadEnv } from "@/lib/env";
import { parseXml, xmlFeedRows } from "@/lib/inventory/feed-xml";
import { feedSettingsSchema, pullFeed, saveFeedSettings, tenantsDueForFeedPull } from "@/lib/inventory/feed-pull";
import { testFeed } from "@/lib/inventory/feed-source";
import { inflateFeed } from "@/lib/inventory/gzip";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

type Served = { body: string | Buffer; type: string; etag?: string; lastModified?: string; status?: number; requests: { ifNoneMatch?: string; ifModifiedSince?: string }[] };
const feeds = new Map<string, Served>();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const f = feeds.get(req.url ?? "");
    if (!f) return void res.writeHead(404).end("no such feed");
    f.requests.push({ ifNoneMatch: req.headers["if-none-match"], ifModifiedSince: req.headers["if-modified-since"] });
    if (f.status) return void res.writeHead(f.status).end("upstream trouble");
    const fresh = (f.etag && req.headers["if-none-match"] === f.etag) || (!f.etag && f.lastModified && req.headers["if-modified-since"] === f.lastModified);
    const validators = { ...(f.etag ? { etag: f.etag } : {}), ...(f.lastModified ? { "last-modified": f.lastModified } : {}) };
    if (fresh) return void res.writeHead(304, validators).end();
    res.writeHead(200, { "content-type": f.type, ...validators }).end(f.body);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.FEED_ALLOW_LOOPBACK = "1";
  reloadEnv();
});
afterAll(async () => {
  delete process.env.FEED_ALLOW_LOOPBACK;
  reloadEnv();
  await new Promise<void>((r) => server.close(() => r()));
});
afterEach(() => resetClock());

const car = (id: string, price: number, more: Record<string, unknown> = {}) => ({
  external_id: id, make: "Toyota", model: "Corolla", year: 2021, mileage_km: 42000, price, fuel: "hybrid", transmission: "automatic", body: "estate", ...more,
});
const json = (...cars: object[]) => JSON.stringify({ vehicles: cars });
const xmlCar = (id: string, price: number | string) => `<vehicle><external_id>${id}</external_id><make>Škoda</make><model>Octavia</model><variant>1.5 TSI &amp; Style</variant>
  <year>2020</year><mileage_km>61000</mileage_km><price>${price}</price><fuel>petrol</fuel><transmission>manual</transmission><body>estate</body>
  <description><![CDATA[Full <b>history</b>]]></description><features><feature>Navigation</feature><feature>Cruise control</feature></features>
  <images><image>https://cdn.example.com/${id}.jpg</image></images><warranty_months>12</warranty_months></vehicle>`;

async function dealerWithFeed(path: string, served: Omit<Served, "requests">, format: "json" | "csv" | "xml", pullMinutes = 60) {
  const t = await createTestTenant();
  feeds.set(path, { ...served, requests: [] });
  await saveFeedSettings(t.tenant.id, feedSettingsSchema.parse({ url: `${base}${path}`, format, pullMinutes }));
  return t;
}

/** What the in-process runner does when the five-minute cron fires. */
async function cronTick() {
  await (await getSystemDb()).insert(jobRuns).values({
    functionId: "schedule-feed-pulls", eventName: "inngest/scheduled.timer", event: { name: "inngest/scheduled.timer", data: {}, ts: clock.now().getTime() }, runAt: clock.now(),
  });
  await drainJobs();
}
const importsOf = (tenantId: string) => withTenant(tenantId, (tx) => tx.select().from(inventoryImports).where(eq(inventoryImports.tenantId, tenantId)).orderBy(inventoryImports.createdAt));
const tenantRow = async (tenantId: string) => (await withTenant(tenantId, (tx) => tx.select().from(tenants).where(eq(tenants.id, tenantId))))[0];

describe("the XML layout", () => {
  it("reads fields, lists, entities and CDATA; keeps unknown fields", () => {
    const rows = xmlFeedRows(`<?xml version="1.0"?>\n<!-- stock --><inventory>${xmlCar("X1", 18950)}</inventory>`);
    expect(rows).toEqual({ ok: true, value: [expect.objectContaining({
      external_id: "X1", make: "Škoda", variant: "1.5 TSI & Style", price: "18950", description: "Full <b>history</b>",
      features: ["Navigation", "Cruise control"], images: ["https://cdn.example.com/X1.jpg"], warranty_months: "12",
    })] });
    expect(parseXml("<a>&#65;&#x42;&lt;</a>")).toMatchObject({ ok: true, value: { text: "AB<" } });
  });

  it("refuses DTDs and malformed documents with a reason", () => {
    expect(parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')).toMatchObject({ ok: false, error: expect.stringContaining("DOCTYPE") });
    expect(parseXml("<inventory><vehicle></inventory>")).toMatchObject({ ok: false, error: expect.stringContaining("Unexpected </inventory>") });
    expect(parseXml("<inventory><vehicle>")).toMatchObject({ ok: false, error: expect.stringContaining("never closed") });
    expect(parseXml("<a/><b/>")).toMatchObject({ ok: false, error: expect.stringContaining("second root") });
    expect(parseXml("just text")).toMatchObject({ ok: false });
    expect(xmlFeedRows("<stock><car/></stock>")).toMatchObject({ ok: false, error: expect.stringContaining("<inventory>") });
  });
});

describe("feed settings", () => {
  it("accept http(s) URLs in a known format and interval only", () => {
    expect(feedSettingsSchema.safeParse({ url: "https://dms.example.com/stock.xml", format: "xml", pullMinutes: "60" }).success).toBe(true);
    expect(feedSettingsSchema.safeParse({ url: "ftp://dms.example.com/stock.csv", format: "csv", pullMinutes: 60 }).success).toBe(false);
    expect(feedSettingsSchema.safeParse({ url: "stock.json", format: "json", pullMinutes: 60 }).success).toBe(false);
    expect(feedSettingsSchema.safeParse({ url: "https://dms.example.com/s", format: "yaml", pullMinutes: 60 }).success).toBe(false);
    expect(feedSettingsSchema.safeParse({ url: "https://dms.example.com/s", format: "json", pullMinutes: 1 }).success).toBe(false);
  });
});

describe("scheduled pull", () => {
  it("imports a JSON feed through the import function, then a 304 imports nothing", async () => {
    const t = await dealerWithFeed("/a/stock.json", { body: json(car("A1", 23950), car("A2", 19950)), type: "application/json", etag: '"v1"' }, "json");
    await cronTick();
    const [first] = await importsOf(t.tenant.id);
    expect(first).toMatchObject({ source: "feed", format: "json", status: "done", counts: { created: 2, updated: 0, removed: 0, unchanged: 0, invalid: 0 } });
    expect(await tenantRow(t.tenant.id)).toMatchObject({ feedEtag: '"v1"', feedLastResult: { outcome: "imported", importId: first.id, httpStatus: 200 } });

    advanceClock(30 * 60_000);
    await cronTick();
    expect(feeds.get("/a/stock.json")!.requests).toHaveLength(1);

    advanceClock(31 * 60_000);
    await cronTick();
    const served = feeds.get("/a/stock.json")!;
    expect(served.requests).toHaveLength(2);
    expect(served.requests[1].ifNoneMatch).toBe('"v1"');
    expect(await importsOf(t.tenant.id)).toHaveLength(1);
    expect((await tenantRow(t.tenant.id)).feedLastResult).toMatchObject({ outcome: "not_modified", httpStatus: 304 });

    served.body = json(car("A1", 21950));
    served.etag = '"v2"';
    advanceClock(61 * 60_000);
    await cronTick();
    const second = (await importsOf(t.tenant.id))[1];
    expect(second.counts).toEqual({ created: 0, updated: 1, removed: 1, unchanged: 0, invalid: 0 });
    const drops = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicleEvents).where(eq(vehicleEvents.type, "price_changed")));
    expect(drops.map((e) => [e.old, e.new])).toEqual([[{ price: 23950 }, { price: 21950 }]]);
  });

  it("uses Last-Modified when there is no ETag, and skips an identical body from a server without validators", async () => {
    const lm = "Tue, 03 Nov 2026 10:00:00 GMT";
    const t = await dealerWithFeed("/b/stock.csv", { body: "external_id,make,model,year,mileage_km,price,fuel,transmission,body\nB1,Kia,Ceed,2019,80000,14950,petrol,manual,hatchback\n", type: "text/csv", lastModified: lm }, "csv");
    expect(await pullFeed(t.tenant.id)).toMatchObject({ outcome: "imported" });
    expect(await pullFeed(t.tenant.id)).toMatchObject({ outcome: "not_modified" });
    expect(feeds.get("/b/stock.csv")!.requests[1].ifModifiedSince).toBe(lm);

    const u = await dealerWithFeed("/c/stock.csv", { body: "external_id,make,model,year,mileage_km,price,fuel,transmission,body\nC1,Kia,Rio,2018,90000,9950,petrol,manual,hatchback\n", type: "text/plain" }, "csv");
    expect(await pullFeed(u.tenant.id)).toMatchObject({ outcome: "imported" });
    expect(await pullFeed(u.tenant.id)).toMatchObject({ outcome: "unchanged", httpStatus: 200 });
    await drainJobs();
    expect(await importsOf(u.tenant.id)).toHaveLength(1);
    expect(await withTenant(u.tenant.id, (tx) => tx.select().from(vehicles))).toHaveLength(1);
  });

  it("imports the XML layout and reports a bad row without dropping the others", async () => {
    const t = await dealerWithFeed("/d/stock.xml", { body: `<inventory>${xmlCar("X1", 18950)}${xmlCar("X2", "cheap")}${xmlCar("X3", 20950)}</inventory>`, type: "application/xml" }, "xml");
    await cronTick();
    const [imp] = await importsOf(t.tenant.id);
    expect(imp).toMatchObject({ format: "xml", counts: { created: 2, invalid: 1 }, report: [{ rowNumber: 2, reason: expect.stringContaining("price") }] });
    const [x1] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles).where(eq(vehicles.externalId, "X1")));
    expect(x1).toMatchObject({ make: "Škoda", variant: "1.5 TSI & Style", features: ["Navigation", "Cruise control"], extra: { warranty_months: "12" } });
  });

  it("records a failing feed, keeps its validators, and imports nothing", async () => {
    const t = await dealerWithFeed("/e/stock.json", { body: json(car("E1", 9950)), type: "application/json", etag: '"e1"' }, "json");
    expect(await pullFeed(t.tenant.id)).toMatchObject({ outcome: "imported" });
    feeds.get("/e/stock.json")!.status = 500;
    expect(await pullFeed(t.tenant.id)).toMatchObject({ outcome: "failed", httpStatus: 500, error: "The feed answered HTTP 500" });
    expect(await tenantRow(t.tenant.id)).toMatchObject({ feedEtag: '"e1"', feedLastResult: { outcome: "failed" } });
    await saveFeedSettings(t.tenant.id, feedSettingsSchema.parse({ url: `${base}/nowhere.json`, format: "json", pullMinutes: 60 }));
    expect(await pullFeed(t.tenant.id)).toMatchObject({ outcome: "failed", httpStatus: 404 });
    await drainJobs();
    expect(await importsOf(t.tenant.id)).toHaveLength(1);
  });

  it("without the test flag, a feed on 127.0.0.1 is refused by the SSRF guard", async () => {
    const t = await dealerWithFeed("/f/stock.json", { body: json(car("F1", 9950)), type: "application/json" }, "json");
    process.env.FEED_ALLOW_LOOPBACK = "0";
    reloadEnv();
    try {
      const r = await pullFeed(t.tenant.id);
      expect(r).toMatchObject({ outcome: "failed", error: expect.stringContaining("loopback") });
      await saveFeedSettings(t.tenant.id, feedSettingsSchema.parse({ url: "http://169.254.169.254/latest/meta-data/", format: "json", pullMinutes: 60 }));
      expect(await pullFeed(t.tenant.id)).toMatchObject({ outcome: "failed", error: expect.stringContaining("link-local") });
    } finally {
      process.env.FEED_ALLOW_LOOPBACK = "1";
      reloadEnv();
    }
    expect(feeds.get("/f/stock.json")!.requests).toHaveLength(0);
    expect(await importsOf(t.tenant.id)).toHaveLength(0);
  });

  it("only tenants with a feed URL whose interval has passed are due", async () => {
    const none = await createTestTenant();
    const t = await dealerWithFeed("/g/stock.json", { body: json(car("G1", 9950)), type: "application/json" }, "json", 15);
    expect(await tenantsDueForFeedPull(clock.now())).toContain(t.tenant.id);
    expect(await tenantsDueForFeedPull(clock.now())).not.toContain(none.tenant.id);
    await pullFeed(t.tenant.id, clock.now());
    expect(await tenantsDueForFeedPull(new Date(clock.now().getTime() + 14 * 60_000))).not.toContain(t.tenant.id);
    expect(await tenantsDueForFeedPull(new Date(clock.now().getTime() + 15 * 60_000))).toContain(t.tenant.id);
    await saveFeedSettings(t.tenant.id, null);
    expect(await tenantsDueForFeedPull(new Date(clock.now().getTime() + 15 * 60_000))).not.toContain(t.tenant.id);
  });
});

describe("test now", () => {
  it("validates a feed without importing it", async () => {
    const t = await createTestTenant();
    feeds.set("/h/stock.json", { body: json(car("H1", 9950), car("H2", -5), { external_id: "H3" }), type: "application/json", requests: [] });
    const r = await testFeed(`${base}/h/stock.json`, "json", "EUR");
    expect(r).toMatchObject({ ok: true, rows: 3, valid: 1, errors: [{ rowNumber: 2 }, { rowNumber: 3 }] });
    expect(await testFeed(`${base}/h/stock.json`, "xml", "EUR")).toMatchObject({ ok: false, error: expect.stringContaining("Malformed XML") });
    expect(await testFeed(`${base}/missing`, "json", "EUR")).toMatchObject({ ok: false, error: "The feed answered HTTP 404" });
    expect(await importsOf(t.tenant.id)).toHaveLength(0);
  });
});

describe("gzip-compressed feeds", () => {
  it("inflates a stock.json.gz whatever its content type, and refuses a corrupt one", async () => {
    feeds.set("/gz/stock.json.gz", { body: gzipSync(json(car("G1", 12950), car("G2", 13950))), type: "application/gzip", requests: [] });
    expect(await testFeed(`${base}/gz/stock.json.gz`, "json", "EUR")).toMatchObject({ ok: true, rows: 2, valid: 2 });
    feeds.set("/gz/broken.gz", { body: Buffer.concat([gzipSync(json(car("G3", 1)).repeat(5)).subarray(0, 30)]), type: "application/octet-stream", requests: [] });
    expect(await testFeed(`${base}/gz/broken.gz`, "json", "EUR")).toMatchObject({ ok: false, error: expect.stringMatching(/could not be decompressed/) });
  });

  it("stops inflating at the limit, so a small bomb cannot fill the memory", () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    expect(inflateFeed(bomb, 1024 * 1024)).toMatchObject({ ok: false, error: expect.stringMatching(/inflates to more than 1 MB/) });
    expect(inflateFeed(Buffer.from("plain text"))).toMatchObject({ ok: true, inflated: false });
  });
});
