import { and, eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { mediaObjects } from "@/db/schema";

export type MediaObject = typeof mediaObjects.$inferSelect;

// Vehicle photos are public (they are on the dealer's site); anything else needs the owning tenant's session.
export const publicMediaKinds = new Set(["vehicle_photo", "logo"]);
export const allowedWidths = [160, 320, 480, 640, 960, 1280] as const;

export async function getMedia(id: string): Promise<MediaObject | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getSystemDb();
  const [row] = await db.select().from(mediaObjects).where(eq(mediaObjects.id, id)).limit(1);
  return row ?? null;
}

/** A resized WebP of an image, made once and kept as a variant row. */
export async function getVariant(original: MediaObject, width: number): Promise<MediaObject> {
  const name = `w${width}.webp`;
  const db = await getSystemDb();
  const [cached] = await db
    .select()
    .from(mediaObjects)
    .where(and(eq(mediaObjects.originalId, original.id), eq(mediaObjects.variant, name)))
    .limit(1);
  if (cached) return cached;
  const { default: sharp } = await import("sharp");
  const { data, info } = await sharp(original.bytes, { limitInputPixels: 40_000_000 })
    .resize({ width, withoutEnlargement: original.mimeType !== "image/svg+xml" })
    .webp({ quality: 78 })
    .toBuffer({ resolveWithObject: true });
  const { createHash } = await import("node:crypto");
  const [row] = await db
    .insert(mediaObjects)
    .values({
      tenantId: original.tenantId, kind: original.kind, mimeType: "image/webp", bytes: data, size: data.length,
      sha256: createHash("sha256").update(data).digest("hex"), width: info.width, height: info.height,
      originalId: original.id, variant: name,
    })
    .onConflictDoNothing({ target: [mediaObjects.originalId, mediaObjects.variant] })
    .returning();
  if (row) return row;
  // Made at the same moment by another request or the background resize: theirs is kept.
  const [made] = await db.select().from(mediaObjects).where(and(eq(mediaObjects.originalId, original.id), eq(mediaObjects.variant, name))).limit(1);
  return made;
}

/**
 * Makes every width the site and the dashboard ask for, right after a photo is stored, so its first visitor waits
 * for none (a width still missing is made on its first request). Only the tenant's own photos; returns how many widths
 * the photo has.
 */
export async function prepareVariants(tenantId: string, mediaId: string): Promise<number> {
  const media = await getMedia(mediaId);
  if (!media || media.tenantId !== tenantId || media.originalId || !media.mimeType.startsWith("image/")) return 0;
  for (const width of allowedWidths) await getVariant(media, width);
  return allowedWidths.length;
}
