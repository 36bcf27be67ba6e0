import { parseAmount } from "./amounts";

export type StockItem = { code: string; make: string; model: string; year: number; price: number };
export type Violation = { kind: "unknown_code" | "price_mismatch" | "unknown_vehicle"; text: string };

const moneyPattern = /(?:€|eur|euro|kr\.?|nok|rp\.?|idr)\s*(\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?\s*(?:jt|juta|k)?)|(\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?\s*(?:jt|juta))\s*(?:€|eur|euro|kr|kroner|nok|rupiah)?(?=\W|$)/gi;

/**
 * Rejects a reply that names a code, a price or a make+model that is not in the tenant's available
 * stock. Numbers the tools produced themselves (financing figures) are passed in `allowedNumbers`.
 */
export function checkGrounding(reply: string, ctx: { stock: StockItem[]; knownMakes: string[]; allowedNumbers?: number[] }): { ok: boolean; violations: Violation[] } {
  const violations: Violation[] = [];
  const codes = new Set(ctx.stock.map((s) => s.code.toUpperCase()));
  for (const m of reply.matchAll(/#[A-Z]{1,3}\d{2}\b/gi)) if (!codes.has(m[0].toUpperCase())) violations.push({ kind: "unknown_code", text: m[0] });

  const prices = new Set([...ctx.stock.map((s) => s.price), ...(ctx.allowedNumbers ?? [])]);
  for (const m of reply.matchAll(moneyPattern)) {
    const raw = (m[1] ?? m[2] ?? "").trim();
    if (!/[€]|eur|kr|nok|rp|idr|jt|juta|rupiah/i.test(m[0])) continue;
    const value = parseAmount(raw);
    if (value !== null && value >= 100 && !prices.has(value)) violations.push({ kind: "price_mismatch", text: m[0].trim() });
  }

  const lower = reply.toLowerCase();
  for (const make of ctx.knownMakes) {
    const idx = lower.indexOf(make.toLowerCase());
    if (idx < 0) continue;
    const after = lower.slice(idx + make.length, idx + make.length + 30).trim();
    const inStock = ctx.stock.filter((s) => s.make.toLowerCase() === make.toLowerCase());
    if (inStock.length === 0) {
      violations.push({ kind: "unknown_vehicle", text: make });
      continue;
    }
    const word = /^[\p{L}\d][\p{L}\d.-]*/u.exec(after)?.[0];
    const knownModelWord = inStock.some((s) => s.model.toLowerCase().startsWith(word ?? "\u0000"));
    if (word && word.length > 1 && /\d|^[A-Z]/i.test(word) && !knownModelWord && looksLikeModel(word)) violations.push({ kind: "unknown_vehicle", text: `${make} ${word}` });
  }
  return { ok: violations.length === 0, violations };
}

// A word right after a make is a model name when it is not ordinary prose ("Toyota is", "Volvo's").
const prose = new Set(["is", "er", "ist", "en", "and", "og", "und", "dan", "of", "van", "with", "met", "med", "mit", "dengan", "s", "'s", "cars", "auto", "bil", "mobil"]);
function looksLikeModel(word: string) {
  return !prose.has(word) && word.length <= 12;
}
