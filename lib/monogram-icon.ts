import { DEFAULT_BRAND, parseHexColor, textColorOn } from "@/components/brand";

/**
 * A favicon made of a name's initial on a colour (a dealer site's on its brand colour, the dashboard's on the platform's),
 * as an inline SVG, so browsers ask no host for /favicon.ico.
 */
export function monogramIconDataUrl(name: string, brandColor?: string | null): string {
  const fill = brandColor && parseHexColor(brandColor) ? `#${brandColor.replace(/^#/, "")}` : DEFAULT_BRAND;
  const initial = (name.trim().match(/[\p{L}\p{N}]/u)?.[0] ?? "").toUpperCase();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${fill}"/>`
    + `<text x="16" y="22" font-family="sans-serif" font-size="18" font-weight="700" text-anchor="middle" fill="${textColorOn(fill)}">${initial}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
