import type { Entities } from "./types";

/** "185jt" → 185000000, "20k" → 20000, "20.000" → 20000, "1,2M" → 1200000, "249 900" → 249900. */
export function parseAmount(raw: string): number | null {
  const m = /^(\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?)\s*(jt|juta|rb|ribu|k|m|mio|mill?|million|miljoen|millionen|mille|ton)?$/i.exec(raw.trim().replace(/\u00a0/g, " "));
  if (!m) return null;
  const unit = (m[2] ?? "").toLowerCase();
  let digits = m[1];
  // Thousand separators (. , or space before exactly three digits) vs a decimal comma/point.
  if (/^\d{1,3}([.,\s]\d{3})+$/.test(digits) && !unit) digits = digits.replace(/[.,\s]/g, "");
  else digits = digits.replace(/\s/g, "").replace(/\.(?=\d{3}\b)/g, "").replace(",", ".");
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  const factor = unit === "jt" || unit === "juta" || unit === "m" || unit === "mio" || unit.startsWith("mil") || unit === "miljoen" ? 1_000_000
    : unit === "rb" || unit === "ribu" || unit === "k" || unit === "mille" ? 1000 : unit === "ton" ? 100_000 : 1;
  return Math.round(n * factor);
}

const amount = String.raw`(?:€|eur|euro|kr\.?|nok|rp\.?|idr)?\s*(\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?\s*(?:jt|juta|rb|ribu|k|m|mio|mille|ton)?)\b(?!\s*(?:km|kilomet))\s*(?:€|euro|eur|kr|kroner|nok|rupiah)?`;
const upTo = String.raw`(?:onder(?: de)?|tot(?: maximaal)?|max(?:imaal|imum|\.)?|maks(?:imalt|\.)?|under|below|less than|up to|budget(?: of| van| på| von)?(?: max)?|bis|unter|höchstens|di ?bawah|maksimal|max|kurang dari|sampai|budget|budsjett(?: på)?|rond de|rundt|around|sekitar|±|ca\.?)`;
const from = String.raw`(?:vanaf|boven|minimaal|over|above|from|at least|fra|over|ab|über|mindestens|di ?atas|minimal|mulai)`;

/** Budget phrases in five languages; a bare "150-200jt" range gives both ends. */
export function extractBudget(text: string): Pick<Entities, "minPrice" | "maxPrice"> {
  const t = text.toLowerCase();
  const range = new RegExp(String.raw`(\d+(?:[.,]\d+)?)\s*(jt|juta|k|m)?\s*(?:-|–|tot|til|bis|to|sampai|s\/d)\s*${amount}`, "i").exec(t);
  if (range) {
    const hiRaw = range[3];
    const unit = range[2] ?? /(jt|juta|k|m|mio)\b/i.exec(hiRaw)?.[1] ?? "";
    const lo = parseAmount(`${range[1]}${unit}`);
    const hi = parseAmount(hiRaw);
    if (lo && hi && lo < hi && hi >= 1000) return { minPrice: lo, maxPrice: hi };
  }
  const out: Pick<Entities, "minPrice" | "maxPrice"> = {};
  const max = new RegExp(`${upTo}\\s*${amount}`, "i").exec(t);
  if (max) {
    const v = parseAmount(max[1]);
    if (v && v >= 1000) out.maxPrice = v;
  }
  const min = new RegExp(`${from}\\s*${amount}`, "i").exec(t);
  if (min && !/km|kilomet/.test(t.slice(min.index, min.index + min[0].length + 4))) {
    const v = parseAmount(min[1]);
    if (v && v >= 1000 && !(v >= 1950 && v <= 2100)) out.minPrice = v;
  }
  if (!out.maxPrice && !out.minPrice) {
    const bare = /(?:€|eur|kr|rp\.?)\s*(\d+(?:[.,\s]\d{3})*)|(\d+(?:[.,]\d+)?)\s*(jt|juta)\b/i.exec(t);
    if (bare) {
      const v = parseAmount(bare[1] ?? `${bare[2]}${bare[3]}`);
      if (v && v >= 1000) out.maxPrice = v;
    }
  }
  return out;
}

export function extractMileage(text: string): number | undefined {
  const m = /(?:onder(?: de)?|minder dan|max(?:imaal)?|maks|under|below|less than|unter|weniger als|di ?bawah|kurang dari)\s*(\d+(?:[.,\s]\d{3})*\s*(?:k|rb|ribu)?)\s*(?:km|kilomet)/i.exec(text);
  if (!m) return undefined;
  return parseAmount(m[1]) ?? undefined;
}

export function extractYear(text: string, now: Date): number | undefined {
  const thisYear = now.getUTCFullYear();
  const m = /(?:vanaf|nieuwer dan|na|from|newer than|after|or newer|fra|nyere enn|etter|ab|neuer als|tahun|minimal tahun|di atas tahun|keluaran)\s*(?:bouwjaar\s*)?((?:19|20)\d{2})|((?:19|20)\d{2})\s*(?:of nieuwer|or newer|eller nyere|oder neuer|ke atas|keatas|\+)/i.exec(text);
  const y = Number(m?.[1] ?? m?.[2]);
  return y >= 1990 && y <= thisYear + 1 ? y : undefined;
}
