import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { mediaObjects, vehicles, type VehicleImage } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { changeDealerSite } from "@/lib/catalog/change";

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;
const accepted = new Set(["jpeg", "png", "webp", "heif", "avif"]);

export type PhotoResult = { ok: true; image: VehicleImage } | { ok: false; error: string };

/**
 * Accepts a photo by its content, not its name: sharp must decode it as a real raster image of sane
 * dimensions (a script renamed .jpg, an SVG or a decompression bomb is refused). Stored re-encoded as WebP,
 * which also drops metadata such as GPS position.
 */
export async function addVehiclePhoto(tenantId: string, vehicleId: string, bytes: Buffer): Promise<PhotoResult> {
  if (bytes.length === 0) return { ok: false, error: "The file is empty." };
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, error: "Photos can be at most 10 MB." };
  const { default: sharp } = await import("sharp");
  let meta;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    return { ok: false, error: "This file is not an image we can read. Use JPEG, PNG, WebP or HEIC." };
  }
  if (!meta.format || !accepted.has(meta.format)) return { ok: false, error: "Use a JPEG, PNG, WebP or HEIC photo." };
  if (!meta.width || !meta.height || meta.width * meta.height > MAX_PIXELS) return { ok: false, error: "That image is too large in pixels." };
  let out: { data: Buffer; info: { width: number; height: number } };
  try {
    out = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width: 1600, withoutEnlargement: true }).webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
  } catch {
    return { ok: false, error: "This image could not be processed." };
  }
  const result = await changeDealerSite(tenantId, async (tx) => {
    const [v] = await tx.select({ images: vehicles.images, make: vehicles.make, model: vehicles.model }).from(vehicles)
      .where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, vehicleId))).limit(1);
    if (!v) return { ok: false as const, error: "Vehicle not found." };
    const [row] = await tx.insert(mediaObjects).values({
      tenantId, kind: "vehicle_photo", mimeType: "image/webp", bytes: out.data, size: out.data.length,
      sha256: createHash("sha256").update(out.data).digest("hex"), width: out.info.width, height: out.info.height,
    }).returning({ id: mediaObjects.id });
    const image: VehicleImage = { mediaId: row.id, url: `/media/${row.id}`, width: out.info.width, height: out.info.height, alt: `${v.make} ${v.model}` };
    await tx.update(vehicles).set({ images: [...v.images, image], updatedAt: new Date() }).where(eq(vehicles.id, vehicleId));
    return { ok: true as const, image };
  });
  if (result.ok) {
    // Its sizes are made in the background; if this event is lost, each size is made on its first request instead.
    await sendEvent({ name: "media/photo.added", data: { tenantId, mediaId: result.image.mediaId } })
      .catch((err) => console.warn(`[photos] sizes of ${result.image.mediaId} not queued: ${(err as Error).message}`));
  }
  return result;
}

/** Moves one photo (the first is the cover) or removes it. */
export async function arrangeVehiclePhotos(tenantId: string, vehicleId: string, op: { mediaId: string; action: "first" | "left" | "right" | "remove" }) {
  return changeDealerSite(tenantId, async (tx) => {
    const [v] = await tx.select({ images: vehicles.images }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, vehicleId))).limit(1);
    if (!v) return false;
    const list = [...v.images];
    const i = list.findIndex((img) => img.mediaId === op.mediaId);
    if (i < 0) return false;
    const [img] = list.splice(i, 1);
    if (op.action !== "remove") {
      const to = op.action === "first" ? 0 : op.action === "left" ? Math.max(0, i - 1) : Math.min(list.length, i + 1);
      list.splice(to, 0, img);
    }
    await tx.update(vehicles).set({ images: list, updatedAt: new Date() }).where(eq(vehicles.id, vehicleId));
    return true;
  });
}
