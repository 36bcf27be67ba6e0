// Numbers in a shopper's message: where they are, with their units and currencies (the value of one written
// amount is lib/format/numbers.ts's parseAmount).
import { parseNumber, unitFactor } from "@/lib/format/numbers";

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
