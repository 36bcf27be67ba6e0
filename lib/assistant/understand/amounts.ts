// Numbers as shoppers and dealers write them: "20.000", "200 000", "23,950", "20k", "150jt", "1,5 mio", "25 mille".

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

export const currencyBefore = String.raw`€|eur\b|euro\b|kr\.?|nok\b|rp\.?|idr\b`;
export const currencyAfter = String.raw`€|euro'?s?\b|eur\b|kr\b\.?|kroner\b|nok\b|rupiah\b|idr\b|,-`;
export const numberPattern = String.raw`\d{1,3}(?:[., \u00a0\u202f]\d{3})+(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d{1,2}(?!\d))?`;
export const moneyUnits = String.raw`jt|juta|jeti|rb|ribu|rebu|k|mio|million\w*|millioner|millionen|miljoen|mill|m|mille|duizend|tusen|tausend|tsd|ton|grand`;

export type NumberMention = {
  index: number;
  end: number;
  text: string;
  value: number;
  /** A currency sign/word or a money unit (jt, k, mille…) was written with it. */
  money: boolean;
  unit?: string;
  currency?: string;
  /** Plain digits with no separators and no unit: could be a year. */
  bare: boolean;
};

const mentionPattern = new RegExp(
  String.raw`(?<![\p{L}\d#.,])(?:(${currencyBefore})\s*)?(${numberPattern})\s*(${moneyUnits}|tkm)?(?![\p{L}\d])(?:\s*(${currencyAfter}))?`,
  "giu",
);

/** Every number in the text with its unit and currency, left to right. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(mentionPattern)) {
    const n = parseNumber(m[2]);
    if (n === null) continue;
    const unit = m[3]?.toLowerCase();
    const currency = (m[1] ?? m[4])?.toLowerCase();
    out.push({
      index: m.index!, end: m.index! + m[0].length, text: m[0], value: Math.round(n * unitFactor(unit)),
      money: Boolean(currency) || (Boolean(unit) && unit !== "tkm"), unit, currency, bare: /^\d+$/.test(m[2]) && !unit && !currency,
    });
  }
  return out;
}
