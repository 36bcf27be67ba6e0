import type { VehicleImage } from "@/db/schema";

export const GALLERY_WIDTHS = [320, 480, 640, 960, 1280] as const;
export const CARD_WIDTHS = [320, 480, 640] as const;

export type ResponsiveImage = { src: string; srcSet?: string; width: number; height: number; alt: string };

/** A vehicle photo as <img> attributes: stored media get WebP variants of the media route, other URLs are used as they are. */
export function responsiveImage(img: VehicleImage, alt: string, widths: readonly number[] = GALLERY_WIDTHS, fallbackWidth = 640): ResponsiveImage {
  const width = img.width ?? 800;
  const height = img.height ?? 600;
  if (!img.mediaId) return { src: img.url, width, height, alt: img.alt ?? alt };
  const at = (w: number) => `/media/${img.mediaId}?w=${w}`;
  return { src: at(fallbackWidth), srcSet: widths.map((w) => `${at(w)} ${w}w`).join(", "), width, height, alt: img.alt ?? alt };
}

/** An absolute URL of a photo for Open Graph and JSON-LD. */
export function absoluteImageUrl(origin: string, img: VehicleImage, width = 1280): string {
  if (img.mediaId) return `${origin}/media/${img.mediaId}?w=${width}`;
  return /^https?:\/\//.test(img.url) ? img.url : `${origin}${img.url.startsWith("/") ? "" : "/"}${img.url}`;
}
