import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { getSystemDb } from "@/db/client";
import { inventoryImports, tenants, vehicles } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { reloadEnv } from "@/lib/env";
import { signInWithPassword, SESSION_COOKIE } from "@/lib/auth/local";
import { getFeedSettings } from "@/lib/inventory/feed-pull";
import { MAX_UPLOAD_BYTES, queueUpload } from "@/lib/inventory/uploads";
import { createTestTenant, TEST_PASSWORD } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

// Server actions read the session cookie through next/headers; the session itself is real.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (n: string) => (jar.has(n) ? { name: n, value: jar.get(n) } : undefined), getAll: () => [], has: (n: string) => jar.has(n), set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const { feedAction, importProgressAction, uploadAction } = await import("@/app/(dashboard)/inventory/imports/actions");

useTestDatabase();

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/stock.csv") return void res.writeHead(200, { "content-type": "text/csv" }).end(`${header}\nS1,Kia,Niro,2022,20000,28950,hybrid,automatic,suv\n`);
    res.writeHead(404).end();
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

const header = "external_id,make,model,year,mileage_km,price,fuel,transmission,body";
const csv = [header, "U1,Volkswagen,Golf,2020,60000,21950,petrol,manual,hatchback", "U2,Toyota,Yaris,2021,30000,not-a-price,hybrid,automatic,hatchback", "U3,Kia,Picanto,2019,45000,11950,petrol,manual,hatchback"].join("\n");

async function signIn(email: string) {
  const r = await signInWithPassword(email, TEST_PASSWORD);
  if (!r.ok) throw new Error(`sign-in failed for ${email}`);
  jar.set(SESSION_COOKIE, r.token);
}
const fileForm = (name: string, body: string | Buffer, type = "") => {
  const form = new FormData();
  form.set("file", new File([typeof body === "string" ? body : new Uint8Array(body)], name, { type }));
  return form;
};
const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
};
const importCount = (tenantId: string) => withTenant(tenantId, async (tx) => (await tx.select().from(inventoryImports).where(eq(inventoryImports.tenantId, tenantId))).length);

describe("upload from the dashboard", () => {
  it("a manager's CSV becomes an import record, runs through the import function, and the progress view sees counts and the row report", async () => {
    const t = await createTestTenant();
    await signIn(t.manager.email);
    const r = await uploadAction(null, fileForm("stock.csv", csv, "text/csv"));
    expect(r).toMatchObject({ ok: true, rows: 3 });
    const queued = await importProgressAction(r!.importId!);
    expect(queued).toMatchObject({ status: "queued", source: "upload", format: "csv", mode: "partial", filename: "stock.csv" });
    await drainJobs();
    const done = await importProgressAction(r!.importId!);
    expect(done).toMatchObject({ status: "done", counts: { created: 2, updated: 0, removed: 0, unchanged: 0, invalid: 1 }, reportSize: 1, report: [{ rowNumber: 2, reason: expect.stringContaining("price") }] });
    expect(done!.durationMs).toBeGreaterThanOrEqual(0);
    expect((await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles))).map((v) => v.externalId).sort()).toEqual(["U1", "U3"]);
  });

  it("reads JSON and XML files by extension or by content; only a file marked complete marks missing cars sold", async () => {
    const t = await createTestTenant();
    const json = JSON.stringify({ vehicles: [{ external_id: "J1", make: "Tesla", model: "Model 3", year: 2021, mileage_km: 50000, price: 32950, fuel: "electric", transmission: "automatic", body: "sedan" }] });
    const xml = `<inventory><vehicle><external_id>X1</external_id><make>Volvo</make><model>V60</model><year>2019</year><mileage_km>99000</mileage_km><price>24950</price><fuel>diesel</fuel><transmission>automatic</transmission><body>estate</body></vehicle></inventory>`;
    const lot = async () => (await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles).orderBy(vehicles.externalId))).map((v) => [v.externalId, v.status]);
    expect(await queueUpload(t.tenant.id, { name: "export.json", type: "", bytes: Buffer.from(json) })).toMatchObject({ ok: true, rows: 1 });
    await drainJobs();
    expect(await queueUpload(t.tenant.id, { name: "export", type: "application/octet-stream", bytes: Buffer.from(`\uFEFF${xml}`) })).toMatchObject({ ok: true, rows: 1 });
    await drainJobs();
    expect(await lot()).toEqual([["J1", "available"], ["X1", "available"]]);
    await signIn(t.manager.email);
    const complete = fileForm("stock.xml", xml.replace("24950", "23950"));
    complete.set("complete", "on");
    const r = await uploadAction(null, complete);
    await drainJobs();
    expect(await importProgressAction(r!.importId!)).toMatchObject({ mode: "snapshot", counts: { created: 0, updated: 1, removed: 1, unchanged: 0, invalid: 0 } });
    expect(await lot()).toEqual([["J1", "sold"], ["X1", "available"]]);
  });

  it("refuses unreadable files with a reason and stores nothing", async () => {
    const t = await createTestTenant();
    await signIn(t.manager.email);
    expect(await uploadAction(null, new FormData())).toMatchObject({ ok: false, error: expect.stringContaining("Choose") });
    expect(await uploadAction(null, fileForm("empty.csv", ""))).toMatchObject({ ok: false });
    expect(await uploadAction(null, fileForm("photo.pdf", "%PDF-1.7"))).toMatchObject({ ok: false, error: expect.stringContaining(".csv, .json or .xml") });
    expect(await uploadAction(null, fileForm("stock.json", '{"vehicles": ['))).toMatchObject({ ok: false, error: expect.stringContaining("Malformed JSON") });
    expect(await uploadAction(null, fileForm("stock.csv", "make,model\nKia,Rio"))).toMatchObject({ ok: false, error: expect.stringContaining("external_id") });
    expect(await uploadAction(null, fileForm("stock.xml", "<inventory><vehicle></inventory>"))).toMatchObject({ ok: false, error: expect.stringContaining("Malformed XML") });
    expect(await uploadAction(null, fileForm("stock.json", '{"vehicles": []}'))).toMatchObject({ ok: false, error: expect.stringContaining("no vehicles") });
    expect(await queueUpload(t.tenant.id, { name: "huge.csv", type: "text/csv", bytes: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 97) })).toMatchObject({ ok: false, error: expect.stringContaining("10 MB") });
    expect(await importCount(t.tenant.id)).toBe(0);
  });

  it("an import that cannot be applied (over the plan's vehicle limit) is marked failed with the reason, not left running", async () => {
    const t = await createTestTenant();
    await (await getSystemDb()).update(tenants).set({ limits: { vehicles: 1 } }).where(eq(tenants.id, t.tenant.id));
    const r = await queueUpload(t.tenant.id, { name: "stock.csv", type: "text/csv", bytes: Buffer.from(csv) });
    await drainJobs();
    const p = await withTenant(t.tenant.id, (tx) => tx.select().from(inventoryImports).where(eq(inventoryImports.id, r.ok ? r.importId : "")));
    expect(p[0]).toMatchObject({ status: "failed", error: expect.any(String) });
    expect(p[0].error!.length).toBeGreaterThan(5);
    expect(await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles))).toHaveLength(0);
  });

  it("a sales rep cannot upload, and nobody sees another dealer's import", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    await signIn(t.sales1.email);
    expect(await uploadAction(null, fileForm("stock.csv", csv))).toMatchObject({ ok: false });
    expect(await importCount(t.tenant.id)).toBe(0);
    const mine = await queueUpload(t.tenant.id, { name: "stock.csv", type: "text/csv", bytes: Buffer.from(csv) });
    await signIn(other.manager.email);
    expect(await importProgressAction(mine.ok ? mine.importId : "")).toBeNull();
    expect(await importProgressAction("not-a-uuid")).toBeNull();
  });
});

describe("feed settings from the dashboard", () => {
  it("validates, tests without importing, saves and removes the feed (admins only)", async () => {
    const t = await createTestTenant();
    await signIn(t.manager.email);
    expect(await feedAction(null, formOf({ intent: "save", url: `${base}/stock.csv`, format: "csv", pullMinutes: "60" }))).toMatchObject({ ok: false });
    expect((await getFeedSettings(t.tenant.id)).url).toBeNull();

    await signIn(t.owner.email);
    const bad = await feedAction(null, formOf({ intent: "save", url: "javascript:alert(1)", format: "pdf", pullMinutes: "7" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { url: expect.any(String), format: expect.any(String), pullMinutes: expect.any(String) } });

    const tested = await feedAction(null, formOf({ intent: "test", url: `${base}/stock.csv`, format: "csv", pullMinutes: "60" }));
    expect(tested).toMatchObject({ ok: true, test: { rows: 1, valid: 1, format: "csv" } });
    expect((await getFeedSettings(t.tenant.id)).url).toBeNull();
    expect(await feedAction(null, formOf({ intent: "test", url: `${base}/gone.csv`, format: "csv", pullMinutes: "60" }))).toMatchObject({ ok: false, error: "The feed answered HTTP 404" });

    expect(await feedAction(null, formOf({ intent: "save", url: `${base}/stock.csv`, format: "csv", pullMinutes: "360" }))).toMatchObject({ ok: true });
    expect(await getFeedSettings(t.tenant.id)).toMatchObject({ url: `${base}/stock.csv`, format: "csv", pullMinutes: 360 });
    expect(await importCount(t.tenant.id)).toBe(0);

    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/stock.csv", "http://dms.internal/stock.csv"]) {
      for (const intent of ["save", "test"])
        expect(await feedAction(null, formOf({ intent, url, format: "csv", pullMinutes: "60" })), `${intent} ${url}`)
          .toMatchObject({ ok: false, fieldErrors: { url: expect.stringMatching(/private or local/) }, values: { url } });
    }
    expect((await getFeedSettings(t.tenant.id)).url).toBe(`${base}/stock.csv`);

    expect(await feedAction(null, formOf({ intent: "remove" }))).toEqual({ ok: true });
    expect(await getFeedSettings(t.tenant.id)).toMatchObject({ url: null, format: null });
  });
});
