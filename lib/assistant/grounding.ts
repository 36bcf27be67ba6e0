import { findNumbers, type NumberMention } from "./understand/amounts";
import { findVehicleMentions, type VehicleMention } from "./understand/vehicles";

/** `variant`: the trim as the stock spells it, which may itself carry a model name ("Niro" with "e-Niro 64 kWh"). */
export type StockItem = { code: string; make: string; model: string; year: number; price: number; variant?: string | null };
export type GroundingViolation = { kind: "unknown_code" | "price_mismatch" | "unknown_vehicle"; text: string };
type KnownModels = { make: string; model: string }[];
/**
 * `stock`: the available cars, or at least every one `groundingQuery` selects for this reply. `knownModels`: the makes
 * and models of the whole available stock, when `stock` holds only part of it (they decide what counts as a name).
 * `quoted`: the dealer's own words the reply quotes (a sentence of a car's description, a listed feature): a model
 * they name ("ingeruild tegen een Tiguan") is the dealer's statement, not a car on offer.
 */
export type GroundingContext = { stock: StockItem[]; knownModels?: KnownModels; currency: string; locale: string; allowedNumbers?: number[]; quoted?: string[] };

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\d]/gu, "");
// A model spelled with its make ("Polestar 2", as some feeds and the model catalog write it) is the same as without ("2").
const modelKeyOf = (makeKey: string, model: string) => {
  const k = key(model);
  return k.startsWith(makeKey) && k.length > makeKey.length ? k.slice(makeKey.length) : k;
};
const codePattern = /#[A-Z]{1,3}\d{2,3}(?![\p{L}\d])/giu;
const moneyUnit = /^(jt|juta|rb|ribu|k|mio|m|mille)$/;
// Words that may follow a make without being a model name ("Toyota is reliable", "Kia Picanto's").
const prose = /^(is|are|was|has|have|and|or|en|og|und|dan|of|van|with|met|med|mit|dengan|cars?|auto'?s?|bil(?:er)?|mobil|models?|dealer|range|stock|voorraad|lager|bestand|stok|from|fra|aus|dari|in|i|di)$/i;

type Reference = { index: number; end: number; prices: number[] };

/** Stock looked up by code, by make and by price, each name normalised once. */
type StockIndex = {
  byCode: Map<string, StockItem>;
  byMake: Map<string, { modelKey: string; variantKey: string; item: StockItem }[]>;
  models: { make: string; model: string }[];
  prices: Set<number>;
};

function indexOf(stock: StockItem[]): StockIndex {
  const index: StockIndex = { byCode: new Map(), byMake: new Map(), models: [], prices: new Set() };
  const seen = new Set<string>();
  for (const item of stock) {
    index.byCode.set(item.code.toUpperCase(), item);
    index.prices.add(item.price);
    const makeKey = key(item.make);
    const modelKey = modelKeyOf(makeKey, item.model);
    let ofMake = index.byMake.get(makeKey);
    if (!ofMake) index.byMake.set(makeKey, (ofMake = []));
    ofMake.push({ modelKey, variantKey: key(item.variant ?? ""), item });
    const name = `${item.make}|${item.model}`.toLowerCase();
    if (!seen.has(name)) {
      seen.add(name);
      index.models.push({ make: item.make, model: item.model });
    }
  }
  return index;
}

// A modelled name matches stock when one is the other plus a variant ("Golf" ~ "Golf Variant"), or when it is part of a
// stocked car's variant: a Kia "Niro" whose variant is "e-Niro DynamicLine 64 kWh" is named "e-Niro" too.
function stockFor(index: StockIndex, make: string, model?: string): StockItem[] {
  const wanted = model === undefined ? undefined : modelKeyOf(key(make), model);
  return (index.byMake.get(key(make)) ?? [])
    .filter((s) => wanted === undefined || wanted.startsWith(s.modelKey) || s.modelKey.startsWith(wanted) || (wanted.length > 1 && s.variantKey.includes(wanted)))
    .map((s) => s.item);
}

function vehicleReferences(text: string, index: StockIndex, knownModels: KnownModels, violations: GroundingViolation[], quoted: [number, number][]): Reference[] {
  const refs: Reference[] = [];
  for (const m of text.matchAll(codePattern)) {
    const item = index.byCode.get(m[0].toUpperCase());
    if (!item) violations.push({ kind: "unknown_code", text: m[0] });
    refs.push({ index: m.index!, end: m.index! + m[0].length, prices: item ? [item.price] : [] });
  }
  const mentions = mentionsIn(text, knownModels);
  for (const m of mentions) {
    let model = m.model;
    let end = m.end;
    if (!model) {
      const next = /^[\s-]+([A-Z0-9][\p{L}\d.-]*[\p{L}\d])/u.exec(text.slice(m.end));
      const word = next && !prose.test(next[1]) && !/^(19|20)\d{2}$/.test(next[1]) ? next[1] : undefined;
      if (word && stockFor(index, m.make, word).length) end += next![0].length;
      if (word) model = word;
    }
    const matches = stockFor(index, m.make, model);
    const inQuote = quoted.some(([from, to]) => m.index >= from && end <= to);
    if (model && !matches.length && !inQuote) violations.push({ kind: "unknown_vehicle", text: `${m.make} ${model}` });
    else if (matches.length && (model || matches.length === 1)) refs.push({ index: m.index, end, prices: matches.map((s) => s.price) });
  }
  return refs.sort((a, b) => a.end - b.end);
}

function isMoney(n: NumberMention, text: string): boolean {
  if (/^\s*(?:km|kilomet|mil\b|%)/i.test(text.slice(n.end))) return false;
  return Boolean(n.currency) || Boolean(n.unit && moneyUnit.test(n.unit) && n.value >= 1000);
}

// The car a price belongs to: the last one named before it on the same line, or on the line above when that line has no price.
function anchorOf(text: string, n: NumberMention, refs: Reference[]): Reference | undefined {
  const lineStart = text.lastIndexOf("\n", n.index - 1) + 1;
  const sameLine = refs.filter((r) => r.end <= n.index && r.index >= lineStart).at(-1);
  if (sameLine) return sameLine;
  const prevStart = text.lastIndexOf("\n", lineStart - 2) + 1;
  const prevLine = text.slice(prevStart, Math.max(prevStart, lineStart - 1));
  if (lineStart === 0 || findNumbers(prevLine).some((x) => isMoney(x, prevLine))) return undefined;
  return refs.filter((r) => r.index >= prevStart && r.end <= lineStart).at(-1);
}

/**
 * Rejects a reply that names a code, a price or a make+model that is not in the tenant's available stock.
 * Figures the tools computed themselves (financing) come in `allowedNumbers`.
 */
export function checkGrounding(reply: string, ctx: GroundingContext): { ok: boolean; violations: GroundingViolation[] } {
  const text = plain(reply);
  const violations: GroundingViolation[] = [];
  const index = indexOf(ctx.stock);
  const refs = vehicleReferences(text, index, ctx.knownModels ?? index.models, violations, quotedSpans(text, ctx.quoted ?? []));
  const allowed = new Set((ctx.allowedNumbers ?? []).flatMap((n) => [n, Math.round(n)]));
  const anyPrice = index.prices;
  for (const n of findNumbers(text)) {
    if (!isMoney(n, text) || allowed.has(n.value)) continue;
    const anchor = anchorOf(text, n, refs);
    const fits = anchor?.prices.length ? anchor.prices.includes(n.value) : anyPrice.has(n.value);
    if (!fits) violations.push({ kind: "price_mismatch", text: n.text.trim() });
  }
  return { ok: violations.length === 0, violations };
}

/** Where in the reply each quoted passage stands, every time it does. */
function quotedSpans(text: string, quoted: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const q of new Set(quoted.map(plain).filter((q) => q.trim().length > 0))) {
    for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + q.length)) spans.push([at, at + q.length]);
  }
  return spans;
}

const MAX_PRICE = 2_147_483_647;

// A reply is matched twice, once to choose the stock to read (`groundingQuery`) and once to check it: the second
// time reuses the first's mentions.
let lastMentions: { text: string; knownModels: KnownModels; mentions: VehicleMention[] } | null = null;
function mentionsIn(text: string, knownModels: KnownModels): VehicleMention[] {
  if (lastMentions?.text === text && lastMentions.knownModels === knownModels) return lastMentions.mentions;
  const mentions = findVehicleMentions(text, { knownModels, fuzzy: false });
  lastMentions = { text, knownModels, mentions };
  return mentions;
}
const plain = (reply: string) => reply.replace(/[*_~`]/g, "").replace(/[\u00a0\u202f]/g, " ");

/**
 * What of the stock a reply can be checked against: the codes it names, the makes it names (as the stock spells them)
 * and every number in it (a price). The cars matching any of these are all `checkGrounding` looks at, so a dealer
 * with 10,000 cars has a reply checked against a handful instead of reading the whole stock for it.
 */
export function groundingQuery(reply: string, knownModels: KnownModels) {
  const text = plain(reply);
  const codes = [...new Set([...text.matchAll(codePattern)].map((m) => m[0].toUpperCase()))];
  const named = new Set(mentionsIn(text, knownModels).map((m) => key(m.make)));
  const makes = [...new Set(knownModels.map((m) => m.make).filter((make) => named.has(key(make))))];
  // Prices are whole and fit a 32-bit integer; a longer number (a link's id, a phone number) cannot be one.
  const numbers = [...new Set(findNumbers(text).map((n) => n.value).filter((n) => Number.isInteger(n) && n > 0 && n <= MAX_PRICE))];
  return { codes, makes, numbers };
}
