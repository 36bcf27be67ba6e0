import type { CSSProperties } from "react";

export const DEFAULT_BRAND = "#1d4ed8";
const WHITE = "#ffffff";
const DARK_INK = "#111827";
const MIN_TEXT_CONTRAST = 4.5;

type Rgb = [number, number, number];

export function parseHexColor(value: string): Rgb | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

// WCAG 2.x relative luminance.
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [parseHexColor(a), parseHexColor(b)].map((c) => (c ? luminance(c) : 0));
  const [light, dark] = la > lb ? [la, lb] : [lb, la];
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black, whichever reads better on the brand colour. */
export function textColorOn(background: string): string {
  return contrastRatio(background, WHITE) >= contrastRatio(background, DARK_INK) ? WHITE : DARK_INK;
}

/** The brand colour, darkened just enough to be readable as text and links on white (pale brands such as yellow). */
export function readableOnWhite(color: string): string {
  const rgb = parseHexColor(color);
  if (!rgb) return DARK_INK;
  for (let step = 0; step <= 20; step++) {
    const candidate = toHex(rgb.map((c) => c * (1 - step / 20)) as Rgb);
    if (contrastRatio(candidate, WHITE) >= MIN_TEXT_CONTRAST) return candidate;
  }
  return DARK_INK;
}

/** CSS variables for a tenant's brand, to set on the wrapper of the public site. Invalid colours fall back to the default. */
export function brandStyle(primaryColor: string | null | undefined): CSSProperties {
  const parsed = primaryColor ? parseHexColor(primaryColor) : null;
  const brand = parsed ? toHex(parsed) : DEFAULT_BRAND;
  return {
    ["--brand" as string]: brand,
    ["--brand-contrast" as string]: textColorOn(brand),
    ["--brand-ink" as string]: readableOnWhite(brand),
  };
}
