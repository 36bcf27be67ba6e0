import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { and, eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { contacts, leads, mediaObjects, vehicleEvents, vehicles } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { allowedWidths, getMedia, getVariant, prepareVariants } from "@/lib/media";
import { listBranches } from "@/lib/branches";
import { getVehicleAdmin, updateVehicle, updateVehicleFromForm, vehicleFormSchema } from "@/lib/inventory/admin";
import { addVehiclePhoto, arrangeVehiclePhotos } from "@/lib/inventory/photos";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";

useTestDatabase();

const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: "#3366aa" } }).png().toBuffer();

describe("inventory administration", () => {
  it("records price and status changes as events with old → new", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{ price: 20000 }]);
    await updateVehicle(t.tenant.id, car.id, { price: 18500 }, t.manager.id);
    await updateVehicle(t.tenant.id, car.id, { status: "sold" }, t.manager.id);
    const events = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicleEvents));
    expect(events.map((e) => e.type).sort()).toEqual(["created", "price_changed", "status_changed"]);
    expect(events.find((e) => e.type === "price_changed")).toMatchObject({ old: { price: 20000 }, new: { price: 18500 } });
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles));
    expect(row.soldAt).not.toBeNull();
  });

  // The form's "Main showroom" is blank, while a seeded, imported or moved-back car may hold the main showroom's id:
  // saving a new price once also recorded "Updated branchId" for a car that never moved.
  it("a price saved from the form records only the price when the car stands in the main showroom", async () => {
    const t = await createTestTenant();
    const [main] = (await withTenant(t.tenant.id, (tx) => listBranches(tx, t.tenant.id))).filter((b) => b.isDefault);
    const [car] = await addStock(t.tenant.id, [{ price: 20000, branchId: main.id }]);
    const form = vehicleFormSchema.parse({ make: car.make, model: car.model, variant: car.variant ?? "", year: String(car.year), mileageKm: String(car.mileageKm), price: "18.500", fuel: car.fuel, transmission: car.transmission, body: car.body, color: car.color ?? "", status: car.status, branchId: "" });
    await updateVehicleFromForm(t.tenant.id, car.id, form, car.status, t.manager.id);
    const events = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicleEvents).where(eq(vehicleEvents.vehicleId, car.id)));
    expect(events.map((e) => e.type).sort()).toEqual(["created", "price_changed"]);
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles).where(eq(vehicles.id, car.id)));
    expect(row).toMatchObject({ price: 18500, branchId: main.id });
  });

  // The inbox and the board hide another rep's leads from a sales rep; the car's page once listed them with their names.
  it("lists the leads interested in a car as the viewer may see them: a rep gets their own and unassigned ones", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{}]);
    await withTenant(t.tenant.id, async (tx) => {
      for (const [name, rep] of [["Mine", t.sales1.id], ["Nobody's", null], ["Sara's", t.sales2.id]] as const) {
        const [c] = await tx.insert(contacts).values({ tenantId: t.tenant.id, name }).returning();
        await tx.insert(leads).values({ tenantId: t.tenant.id, contactId: c.id, vehicleId: car.id, source: "website", assignedUserId: rep });
      }
    });
    const names = async (viewer: { userId: string; role: "sales" | "manager" }) => (await getVehicleAdmin(t.tenant.id, car.id, viewer))!.interested.map((l) => l.name).sort();
    expect(await names({ userId: t.sales1.id, role: "sales" })).toEqual(["Mine", "Nobody's"]);
    expect(await names({ userId: t.manager.id, role: "manager" })).toEqual(["Mine", "Nobody's", "Sara's"]);
  });

  it("cannot read or change another tenant's vehicle", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const [car] = await addStock(b.tenant.id, [{ price: 15000 }]);
    expect(await getVehicleAdmin(a.tenant.id, car.id, { userId: a.owner.id, role: "owner" })).toBeNull();
    expect(await updateVehicle(a.tenant.id, car.id, { price: 1 }, a.owner.id)).toBeNull();
    const [still] = await withTenant(b.tenant.id, (tx) => tx.select().from(vehicles));
    expect(still.price).toBe(15000);
  });

  it("validates the form with clear field errors", () => {
    const r = vehicleFormSchema.safeParse({ make: "", model: "Golf", year: "1890", mileageKm: "-5", price: "abc", fuel: "petrol", transmission: "manual", body: "hatchback", status: "available" });
    expect(r.success).toBe(false);
    const fe = r.error!.flatten().fieldErrors;
    expect(fe.make?.[0]).toBe("Enter the make.");
    expect(fe.year?.[0]).toMatch(/1950/);
    expect(fe.mileageKm?.[0]).toMatch(/negative/);
    expect(fe.price).toBeDefined();
  });

  it("accepts a real photo, stores a WebP and keeps the order staff choose", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{}]);
    const first = await addVehiclePhoto(t.tenant.id, car.id, await png(1200, 800));
    const second = await addVehiclePhoto(t.tenant.id, car.id, await png(800, 600));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.image.url).toMatch(/^\/media\//);
    await arrangeVehiclePhotos(t.tenant.id, car.id, { mediaId: second.image.mediaId!, action: "first" });
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles));
    expect(row.images.map((i) => i.mediaId)).toEqual([second.image.mediaId, first.image.mediaId]);
  });

  it("resizes a new photo to every width in the background, so its first visitor waits for none", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{}]);
    const added = await addVehiclePhoto(t.tenant.id, car.id, await png(1000, 750));
    if (!added.ok) throw new Error(added.error);
    const mediaId = added.image.mediaId!;
    const db = await getSystemDb();
    const variants = () => db.select({ variant: mediaObjects.variant, width: mediaObjects.width, tenantId: mediaObjects.tenantId })
      .from(mediaObjects).where(eq(mediaObjects.originalId, mediaId));
    expect(await variants()).toHaveLength(0);
    await drainJobs();
    const made = await variants();
    expect(made.map((v) => v.variant).sort()).toEqual(allowedWidths.map((w) => `w${w}.webp`).sort());
    expect(made.every((v) => v.tenantId === t.tenant.id)).toBe(true);
    // Never wider than the upload; the route then serves them as they are, adding none.
    expect(made.find((v) => v.variant === "w1280.webp")?.width).toBe(1000);
    expect(made.find((v) => v.variant === "w320.webp")?.width).toBe(320);
    const original = (await getMedia(mediaId))!;
    expect((await getVariant(original, 640)).width).toBe(640);
    expect(await variants()).toHaveLength(allowedWidths.length);
    // A variant or an unknown id has nothing to prepare, nor has another dealer's photo.
    expect(await prepareVariants(t.tenant.id, crypto.randomUUID())).toBe(0);
    const other = await createTestTenant();
    expect(await prepareVariants(other.tenant.id, mediaId)).toBe(0);
  });

  it("makes one row of a size that two requests ask for at the same moment", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{}]);
    const added = await addVehiclePhoto(t.tenant.id, car.id, await png(800, 600));
    if (!added.ok) throw new Error(added.error);
    const original = (await getMedia(added.image.mediaId!))!;
    const [a, b, c] = await Promise.all([getVariant(original, 480), getVariant(original, 480), getVariant(original, 480)]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    const db = await getSystemDb();
    const rows = await db.select({ id: mediaObjects.id }).from(mediaObjects)
      .where(and(eq(mediaObjects.originalId, original.id), eq(mediaObjects.variant, "w480.webp")));
    expect(rows).toHaveLength(1);
  });

  it("rejects a script renamed .jpg, an SVG polyglot, an oversized file and a decompression bomb", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{}]);
    const script = Buffer.from("#!/bin/sh\nrm -rf /\n");
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const huge = Buffer.alloc(11 * 1024 * 1024, 0xff);
    const bomb = await sharp({ create: { width: 10000, height: 10000, channels: 3, background: "#000" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const bytes of [script, svg, huge, bomb]) {
      const r = await addVehiclePhoto(t.tenant.id, car.id, bytes);
      expect(r.ok).toBe(false);
    }
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(vehicles));
    expect(row.images).toHaveLength(0);
  });
});
