/**
 * A whole number as dealers type it: thousands grouped by one mark ("14.000", "14,000", "14 000", "150.000.000"),
 * at most a zero decimal part in the other mark ("14.950,-", "14.950,00"). Anything else is null rather than a guess:
 * "14,5", "1.000,000", "12.3456".
 */
export function parseWholeNumber(typed: string): number | null {
  const s = typed.trim().replace(/[\u00a0\u202f]/g, " ");
  const m = /^(-?)(\d{1,3}([., ])\d{3}(?:\3\d{3})*|\d+)(?:([.,])(?:00?|-))?$/.exec(s);
  if (!m || (m[3] && m[3] === m[4])) return null;
  const n = Number(`${m[1]}${m[2].replace(/\D/g, "")}`);
  return Number.isSafeInteger(n) ? n : null;
}

/** The marks a dealer writes around an amount in its currency: its code and symbols ("EUR", "€"; "NOK", "kr"; "IDR", "Rp"). */
function currencyMarks(currency: string): string[] {
  const code = currency.toUpperCase();
  const marks = new Set([code]);
  for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
    try {
      const part = new Intl.NumberFormat("en", { style: "currency", currency: code, currencyDisplay }).formatToParts(0).find((p) => p.type === "currency");
      if (part) marks.add(part.value);
    } catch {
      // Not an ISO code Intl knows: the code alone is its mark.
    }
  }
  return [...marks];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A price as a dealer types it: a whole number (see parseWholeNumber), with its currency's code or symbol before or
 * after it ("€ 21.950", "kr 289 900", "Rp 185.000.000", "289 900 NOK") and the ",-" of a round amount. Another
 * currency's mark, or a mark on both sides, is null: the price would be a guess.
 */
export function parseWholeAmount(typed: string, currency: string): number | null {
  const s = typed.trim().replace(/[\u00a0\u202f]/g, " ");
  const mark = currencyMarks(currency).map(escapeRegExp).join("|");
  const bare = s.replace(new RegExp(`^(?:${mark})\\.?\\s*`, "i"), "");
  const amount = bare.replace(new RegExp(`\\s*(?:${mark})\\.?$`, "i"), "");
  if (bare !== s && amount !== bare) return null;
  return parseWholeNumber(amount);
}

// Amounts as shoppers and dealers write them: "20.000", "200 000", "23,950", "20k", "150jt", "1,5 mio", "25 mille".
const unitFactors: [RegExp, number][] = [
  [/^(jt|juta|jeti|m|mio|mill|mill?ion\w*|miljoen|millioner|millionen)$/, 1_000_000],
  [/^ton$/, 100_000],
  [/^(rb|ribu|rebu|k|rb\.|mille|duizend|tusen|tausend|tsd|tkm|grand)$/, 1000],
];

export function unitFactor(unit: string | undefined): number {
  if (!unit) return 1;
  const u = unit.toLowerCase();
  return unitFactors.find(([re]) => re.test(u))?.[1] ?? 1;
}

/** The value of a written number: thousand separators (. , or space before three digits) vs a decimal mark. */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/[\u00a0\u202f]/g, " ").replace(/,-$/, "");
  if (/^\d{1,3}([., ]\d{3})+([.,]\d{1,2})?$/.test(s)) {
    const decimal = /[.,](\d{1,2})$/.exec(s);
    const whole = (decimal ? s.slice(0, -decimal[0].length) : s).replace(/[., ]/g, "");
    return Number(`${whole}${decimal ? `.${decimal[1]}` : ""}`);
  }
  if (/^\d+([.,]\d+)?$/.test(s)) return Number(s.replace(",", "."));
  return null;
}

/** "185jt" → 185000000, "20k" → 20000, "€ 20.000" → 20000, "1,2M" → 1200000, "249 900" → 249900. */
export function parseAmount(raw: string): number | null {
  const m = /^(?:€|eur|euro|kr\.?|nok|rp\.?|idr)?\s*([\d., \u00a0\u202f]*\d(?:,-)?)\s*([a-z.]+)?\s*(?:€|euro|eur|kr|kroner|nok|rupiah|idr)?$/i.exec(raw.trim());
  if (!m) return null;
  const n = parseNumber(m[1]);
  if (n === null) return null;
  return Math.round(n * unitFactor(m[2]));
}
