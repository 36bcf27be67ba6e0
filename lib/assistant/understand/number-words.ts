import type { Lang } from "../types";

// Amounts written in words, so the budget reader sees digits: "max twaalfduizend euro" → "max 12000 euro", "unter
// zwanzigtausend" → "unter 20000", "twenty grand" → "20000", "hundre og femti tusen" → "150000", "seratus juta" →
// "100 juta", "dua ratus jt" and "2 ratus jt" → "200 jt". Only amounts with a magnitude (hundred, thousand, juta) or
// followed by a money word are rewritten: "een auto", "to biler" and "satu unit" stay as they are.

type Part = { value: number; kind: "unit" | "ten" | "hundred" | "thousand" | "million" | "and" | "tens" | "teens" };

const units = (words: string, from = 1): [string, Part][] =>
  words.split(" ").flatMap((w, i) => w.split("/").map((v): [string, Part] => [v, { value: from + i, kind: "unit" }]));
const tens = (words: string): [string, Part][] =>
  words.split(" ").flatMap((w, i) => w.split("/").map((v): [string, Part] => [v, { value: (i + 2) * 10, kind: "ten" }]));
const word = (w: string, value: number, kind: Part["kind"]): [string, Part] => [w, { value, kind }];

const vocab: Record<Lang, [string, Part][]> = {
  nl: [
    ...units("een/één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien"),
    ...tens("twintig dertig veertig vijftig zestig zeventig tachtig negentig"),
    word("honderd", 100, "hundred"), word("duizend", 1000, "thousand"), word("mille", 1000, "thousand"), word("en", 0, "and"), word("ën", 0, "and"),
  ],
  de: [
    ...units("eins/ein/eine zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn"),
    ...tens("zwanzig dreißig/dreissig vierzig fünfzig sechzig siebzig achtzig neunzig"),
    word("hundert", 100, "hundred"), word("tausend", 1000, "thousand"), word("und", 0, "and"),
  ],
  en: [
    ...units("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"),
    ...tens("twenty thirty forty fifty sixty seventy eighty ninety"),
    word("hundred", 100, "hundred"), word("thousand", 1000, "thousand"), word("grand", 1000, "thousand"), word("and", 0, "and"), word("a", 1, "unit"),
  ],
  nb: [
    ...units("en/ett to tre fire fem seks sju/syv åtte ni ti elleve tolv tretten fjorten femten seksten sytten atten nitten"),
    ...tens("tjue tretti førti femti seksti sytti åtti nitti"),
    word("hundre", 100, "hundred"), word("tusen", 1000, "thousand"), word("og", 0, "and"),
  ],
  id: [
    ...units("satu dua tiga empat lima enam tujuh delapan sembilan"),
    word("sepuluh", 10, "unit"), word("sebelas", 11, "unit"), word("seratus", 100, "hundred"), word("seribu", 1000, "thousand"),
    word("puluh", 10, "tens"), word("belas", 10, "teens"), word("ratus", 100, "hundred"), word("ribu", 1000, "thousand"), word("rb", 1000, "thousand"),
    word("juta", 1_000_000, "million"), word("jt", 1_000_000, "million"),
  ],
};

// Longest first, so "achttien" is not "acht" + "tien" and "seratus" not "se" + "ratus".
const sorted = Object.fromEntries(
  (Object.keys(vocab) as Lang[]).map((l) => [l, [...vocab[l]].sort((a, b) => b[0].length - a[0].length)]),
) as Record<Lang, [string, Part][]>;

/** A word as number parts ("vijfentwintigduizend" → 5, and, 20, 1000), or null when it is not all number. */
function partsOf(w: string, lang: Lang): Part[] | null {
  if (/^\d+$/.test(w)) return [{ value: Number(w), kind: "unit" }];
  const out: Part[] = [];
  let rest = w;
  while (rest) {
    const hit = sorted[lang].find(([m]) => rest.startsWith(m));
    if (!hit) return null;
    out.push(hit[1]);
    rest = rest.slice(hit[0].length);
  }
  return out;
}

/** The value of a run of number parts; `million` parts end it (juta stays a unit the budget reader knows). */
function valueOf(parts: Part[]): { value: number; magnitude: boolean } {
  let total = 0;
  let current = 0;
  let last = 0;
  let magnitude = false;
  for (const p of parts) {
    if (p.kind === "unit" || p.kind === "ten") {
      current += p.value;
      last = p.value;
    } else if (p.kind === "tens") {
      current += last * 9; // "dua puluh": 2 becomes 20
      last *= 10;
    } else if (p.kind === "teens") {
      current += 10; // "lima belas": 15
    } else if (p.kind === "hundred") {
      current = (current || 1) * 100;
      magnitude = true;
    } else if (p.kind === "thousand") {
      total += (current || 1) * 1000;
      current = 0;
      magnitude = true;
    }
  }
  return { value: total + current, magnitude };
}

const startsOnly = new Set(["a", "een", "één", "ein", "eine", "en", "ett", "satu"]);
const moneyAfter = /^\s*(?:euro|eur|€|kr|kroner|nok|rupiah|rp|juta|jt|mille|k)\b/i;

/** The text with amounts written in words turned into digits (see above); anything else is left as written. */
export function numberWordsToDigits(text: string, lang: Lang): string {
  // "200an jt", "150-an juta": about that much.
  let s = text.replace(/(\d+)-?an(?=\s*(?:jt|juta|rb|ribu)\b)/gi, "$1");
  const tokens = [...s.matchAll(/[\p{L}\d]+/gu)];
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const run: Part[] = [];
    let j = i;
    let end = i;
    for (; j < tokens.length; j++) {
      // Only spaces between the words of one amount ("hundre og femti tusen").
      if (j > i && !/^\s+$/.test(s.slice(tokens[j - 1].index! + tokens[j - 1][0].length, tokens[j].index))) break;
      const w = tokens[j][0].toLowerCase();
      // Digits ("2 ratus jt") and articles ("a hundred", "een") only begin an amount: "18 000" and "duizend en een" end it.
      if (j > i && (/^\d+$/.test(w) || startsOnly.has(w))) break;
      const parts = partsOf(w, lang);
      if (!parts || (parts[0].kind === "and" && j === i)) break;
      if (parts.some((p) => p.kind === "million")) break;
      run.push(...parts);
      if (parts.at(-1)!.kind !== "and") end = j;
    }
    if (end < i || run.length === 0) continue;
    const { value, magnitude } = valueOf(run);
    const after = s.slice(tokens[end].index! + tokens[end][0].length);
    // Digits with a thousand word ("18 duizend", "150 og 250 tusen") are the budget reader's own; "2 ratus" is not.
    const digitsFirst = /^\d+$/.test(tokens[i][0]);
    if (digitsFirst && !run.some((p) => p.kind === "hundred")) {
      i = end;
      continue;
    }
    if (value <= 0 || (!magnitude && !(value >= 10 && moneyAfter.test(after)))) continue;
    out.push(s.slice(at, tokens[i].index), String(value));
    at = tokens[end].index! + tokens[end][0].length;
    i = end;
  }
  out.push(s.slice(at));
  return out.join("");
}
