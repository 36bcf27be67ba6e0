import type { KnownModel } from "../types";
import { isCommonWord } from "./language";
import { builtInMakes, builtInModels, makeAliases, modelNeedsMake, modelOnlyMakes, wordLikeMakes } from "./catalog";

export type VehicleMention = { make: string; model?: string; index: number; end: number };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const chunksOf = (s: string) => s.match(/[\p{L}]+|\d+|[#&]/gu) ?? [];

/** A name's pattern and its first chunk (lower case), with which every match of the pattern begins. */
type Compiled = { re: RegExp; head: string };
const compiled = new Map<string, Compiled>();
// Norwegian names a car in its definite form: "golfen", "teslaen", "ID.3-en", "Model Y'en", "golfene".
const definiteEnding = String.raw`(?:[-']?en|ene)?`;
// Names are matched on every message; build and compile each name's pattern once (and once more with the ending).
function compile(name: string, definite = false): Compiled {
  const key = definite ? `${name}\u0000` : name;
  let c = compiled.get(key);
  if (!c) {
    const re = new RegExp(String.raw`(?<![\p{L}\d])(?:${loosePattern(name)})${definite ? definiteEnding : ""}(?![\p{L}\d])`, "giu");
    compiled.set(key, (c = { re, head: chunksOf(name.toLowerCase())[0] ?? "" }));
  }
  return c;
}

/**
 * Where a name occurs in lower-cased text. Most candidates share only their first letters with a word of the
 * text, so a plain search for the name's first chunk rules them out before the pattern (with its lookbehind) runs.
 */
function matchesOf(lower: string, name: string, definite = false): Iterable<RegExpMatchArray> {
  const { re, head } = compile(name, definite);
  return lower.includes(head) ? lower.matchAll(re) : [];
}

// "ID.3" ~ "id3" ~ "id 3", "CR-V" ~ "crv", "RAV4" ~ "rav 4", but "i3" and "X1" only as written.
function loosePattern(name: string): string {
  const chunks = chunksOf(name.toLowerCase());
  return chunks.map((c, i) => {
    if (i === 0) return escape(c);
    const tight = chunks[i - 1].length === 1 && /\d/.test(c) !== /\d/.test(chunks[i - 1]);
    return `${tight ? "" : "[\\s.\\-:&]*"}${escape(c)}`;
  }).join("");
}

/**
 * A name can only match where a word of the text starts with the name's first chunk, so the first one or two
 * characters of that chunk must begin a word. Names are indexed by those characters, so a message runs the patterns
 * of the few names that can match instead of every name in the catalogue (the lookbehind makes every match start
 * where a word starts).
 */
const nameKey = (name: string) => compile(name).head.slice(0, 2);
function wordStarts(lower: string): Set<string> {
  const starts = new Set<string>();
  for (const w of chunksOf(lower)) starts.add(w.slice(0, 1)).add(w.slice(0, 2));
  return starts;
}

/**
 * Whether one edit turns `a` into `b`: a letter changed, added or dropped, or two neighbours swapped (an
 * optimal-string-alignment distance of exactly 1), for one-letter typos in names ("peugot", "yariss", "expander").
 * Checked from the first difference on, without building the distance table: every long word of a message is
 * compared with every name of about its length.
 */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

const article = /(?:^|\s)(?:de|het|die|der|den|the|a|an|een|ein|eine|en|et|si|itu)\s+$/i;
// Words before a car asked for by its model: an article, or Indonesian "ada"/"yg"/"harga" ("ada jazz?", "harga jazz brp").
const askedModel = /(?:^|\s)(?:de|het|die|der|den|the|a|an|een|ein|eine|einen|en|et|si|itu|ada|yg|yang|harga|unit)\s+$/i;

type Hit = VehicleMention & { kind: "make" | "model" };

/** The positions in `list` of the names that can start at one of these word starts, in list order. */
function candidates(byStart: Map<string, number[]>, starts: Set<string>): number[] {
  const found: number[] = [];
  for (const s of starts) {
    const at = byStart.get(s);
    if (at) found.push(...at);
  }
  return found.sort((a, b) => a - b);
}

function modelHits(text: string, lower: string, names: Names, starts: Set<string>, definite: boolean): Hit[] {
  const hits: Hit[] = [];
  const { models, tenantModels } = names;
  for (const i of candidates(names.modelsByStart, starts)) {
    const { make, model } = models[i];
    for (const m of matchesOf(lower, model, definite)) {
      const written = text.slice(m.index!, m.index! + m[0].length);
      const key = `${make}|${model}`.toLowerCase();
      const numeric = /^\d{3}$/.test(model) && tenantModels.has(key) && article.test(lower.slice(0, m.index));
      // A model of the dealer's stock that is also a word ("Jazz", "Focus") counts when written as a name or asked for.
      const capitalised = tenantModels.has(key) && (/^[A-Z]/.test(written) || askedModel.test(lower.slice(0, m.index)));
      const needsMake = modelNeedsMake(model) && !numeric && !capitalised;
      hits.push({ make, model, index: m.index!, end: m.index! + m[0].length, kind: needsMake ? "make" : "model" });
    }
  }
  return hits;
}

function makeHits(text: string, lower: string, names: Names, starts: Set<string>, definite: boolean): Hit[] {
  const hits: Hit[] = [];
  for (const i of candidates(names.makeNamesByStart, starts)) {
    const [name, make] = names.makeNameList[i];
    for (const m of matchesOf(lower, name, definite)) {
      const written = text.slice(m.index!, m.index! + m[0].length);
      if (wordLikeMakes.has(make) && !/^[A-Z]/.test(written)) continue;
      hits.push({ make, index: m.index!, end: m.index! + m[0].length, kind: "make" });
    }
  }
  return hits;
}

function fuzzyHits(lower: string, names: Names, taken: (i: number, e: number) => boolean): Hit[] {
  const hits: Hit[] = [];
  const { fuzzyMakes: makeNames, fuzzyModels: modelNames, makes } = names;
  for (const w of lower.matchAll(/[\p{L}]{5,}/gu)) {
    const index = w.index!, end = index + w[0].length;
    if (taken(index, end) || isCommonWord(w[0])) continue;
    // One edit changes the length by at most one, so names further off in length are not compared.
    const near = (name: string) => Math.abs(name.length - w[0].length) <= 1 && oneEditApart(w[0], name.toLowerCase());
    const model = modelNames.find((m) => near(m.model));
    if (model) { hits.push({ ...model, index, end, kind: "model" }); continue; }
    const make = makeNames.find((n) => near(n));
    if (make) hits.push({ make: makeAliases[make] ?? makes.find((m) => m.toLowerCase() === make.toLowerCase()) ?? make, index, end, kind: "make" });
  }
  return hits;
}

type Names = {
  tenantModels: Set<string>; models: KnownModel[]; makes: string[];
  /** Every way a make is written (lower case, aliases included) and the make. */
  makeNameList: [string, string][];
  /** Where in `models` and `makeNameList` the names that begin with a word start (`nameKey`) are. */
  modelsByStart: Map<string, number[]>; makeNamesByStart: Map<string, number[]>;
  fuzzyModels: KnownModel[]; fuzzyMakes: string[];
};
const namesCache = new Map<string, Names>();

function byStart(list: string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  list.forEach((name, i) => {
    const key = nameKey(name);
    const at = index.get(key);
    if (at) at.push(i);
    else index.set(key, [i]);
  });
  return index;
}

/** The tenant's stock names merged into the built-in catalogue, longest model first; the same stock reuses its list. */
function namesFor(knownMakes: string[], knownModels: KnownModel[]): Names {
  const cacheKey = `${knownMakes.join("\u0001")}\u0002${knownModels.map((m) => `${m.make}|${m.model}`).join("\u0001")}`;
  const hit = namesCache.get(cacheKey);
  if (hit) return hit;
  const tenantModels = new Set(knownModels.map((m) => `${m.make}|${m.model}`.toLowerCase()));
  const seen = new Set<string>();
  const models = [...knownModels, ...builtInModels]
    .filter((m) => !seen.has(`${m.make}|${m.model}`.toLowerCase()) && seen.add(`${m.make}|${m.model}`.toLowerCase()))
    .sort((a, b) => b.model.length - a.model.length);
  const makes = [...new Set([...builtInMakes, ...knownMakes, ...models.map((m) => m.make)])];
  if (namesCache.size >= 200) namesCache.delete(namesCache.keys().next().value!);
  const makeNameList = [...new Map<string, string>([...makes.map((m) => [m.toLowerCase(), m] as [string, string]), ...Object.entries(makeAliases)])];
  const names = {
    tenantModels, models, makes, makeNameList,
    modelsByStart: byStart(models.map((m) => m.model)), makeNamesByStart: byStart(makeNameList.map(([name]) => name)),
    // Typo matching only for single words of five letters or more.
    fuzzyModels: models.filter((m) => m.model.length >= 5 && /^[\p{L}]+$/u.test(m.model) && !modelNeedsMake(m.model)),
    // Aliases are often typos already ("peugot"): a typo of a short one ("lambo", "mercy") is too near everyday words.
    fuzzyMakes: [...makes.filter((n) => !modelOnlyMakes.has(n)), ...Object.keys(makeAliases).filter((n) => n.length >= 6)].filter((n) => n.length >= 5 && !/\s/.test(n)),
  };
  namesCache.set(cacheKey, names);
  return names;
}

/**
 * Makes and models named in the text, left to right; a make directly before its model counts once. `definite`: names
 * may carry the Norwegian definite ending ("golfen").
 */
export function findVehicleMentions(text: string, extra: { knownMakes?: string[]; knownModels?: KnownModel[]; fuzzy?: boolean; definite?: boolean } = {}): VehicleMention[] {
  const lower = text.toLowerCase();
  const names = namesFor(extra.knownMakes ?? [], extra.knownModels ?? []);
  const starts = wordStarts(lower);
  const definite = extra.definite ?? false;
  const hits = [...modelHits(text, lower, names, starts, definite), ...makeHits(text, lower, names, starts, definite)];
  const chosen: Hit[] = [];
  const overlaps = (i: number, e: number) => chosen.some((c) => i < c.end && e > c.index);
  const longestFirst = (a: Hit, b: Hit) => b.end - b.index - (a.end - a.index);
  // Models before makes and longer before shorter, so "Mazda3" beats "Mazda" and "Yaris Cross" beats "Yaris".
  for (const h of hits.filter((x) => x.kind === "model").sort(longestFirst)) if (!overlaps(h.index, h.end)) chosen.push(h);
  for (const h of hits.filter((x) => x.kind === "make" && !x.model).sort(longestFirst)) if (!overlaps(h.index, h.end)) chosen.push(h);
  // A word-like model ("Up", "208", "Jazz") only counts right after its make.
  for (const h of hits.filter((x) => x.kind === "make" && x.model)) {
    const make = chosen.find((c) => !c.model && c.make === h.make && c.end <= h.index && /^[\s-]*$/.test(lower.slice(c.end, h.index)));
    if (make) Object.assign(make, { model: h.model, end: h.end });
  }
  if (extra.fuzzy !== false) chosen.push(...fuzzyHits(lower, names, overlaps));

  const ordered = chosen.sort((a, b) => a.index - b.index);
  const merged: VehicleMention[] = [];
  for (const h of ordered) {
    const prev = merged.at(-1);
    if (prev && !prev.model && h.model && prev.make === h.make && /^[\s-]*$/.test(lower.slice(prev.end, h.index))) {
      prev.model = h.model;
      prev.end = h.end;
      continue;
    }
    merged.push({ make: h.make, model: h.model, index: h.index, end: h.end });
  }
  return merged.flatMap((m) => (m.model ? [m] : modelOnlyMakes.has(m.make) ? [] : [{ make: m.make, index: m.index, end: m.end }]));
}
