import { unitFactor } from "@/lib/format/numbers";
import type { Entities } from "../types";
import { findNumbers, type NumberMention } from "./amounts";

const ending = (words: string) => new RegExp(String.raw`(?:^|[^\p{L}])(?:${words})\s*[:=]?\s*$`, "u");

const upToWords = String.raw`onder(?: de)?|beneden|tot(?: max(?:imaal)?)?|max(?:imaal|imum|\.)?|hooguit|niet meer dan|minder dan|goedkoper dan|mindre enn|minder enn|færre enn|billigere enn|under|below|less than|cheaper than|billiger als|lebih murah dari|up to|within|no more than|not more than|maks(?:imalt|imum|\.)?|inntil|opp til|ikke over|ikke mer enn|unter|bis(?: zu)?|höchstens|maximal|nicht mehr als|weniger als|di ?bawah|maksimal|kurang dari|sampai|budget(?:nya|ku|je)?(?: (?:van|of|is|på|von|max|maks|maximaal))?|budsjett(?:et)?(?: på| er)?|bujet|dana|for|voor|für|i|with|met|mit|harga|<`;
const upTo = ending(upToWords);
const around = ending(String.raw`rond(?: de)?|rondom|ongeveer|ca\.?|circa|zo'?n|around|about|approx\.?|roughly|rundt|omkring|cirka|ungefähr|etwa|um die|sekitar|kisaran|kurang lebih|[±~]|budget(?:nya)? (?:rond de|around|sekitar|rundt|um die)`);
const atLeast = ending(String.raw`vanaf|boven|minimaal|meer dan|minstens|from|above|over|at least|more than|fra|minst|mer enn|ab|über|mindestens|mehr als|di ?atas|minimal|mulai(?: dari)?|lebih dari|>`);
const notPrice = ending(String.raw`dp|uang muka|aanbetaling|aanbetalen|down ?payment|deposit|egenkapital|anzahlung|cicilan|angsuran|kredit|tenor`);
const perMonth = /^\s*(?:\/\s*(?:m|mnd|bln|md|mo)\b|per (?:maand|month|måned|monat|bulan|mnd|bln)|p\/m|a month|i måneden|pro monat|im monat|sebulan|perbulan|bulanan|x\s*\d+)/i;
const kmAfter = /^\s*(?:km|kilomet\w*|tkm|mil\b|miles?)/i;
const rangeJoin = /^\s*(?:-|–|tot|t\/m|til|bis|to|sampai|s\/d|sd|hingga|a|à|en|and|og|und|dan|or|of)\s*$/i;
const rangeLead = /(?:tussen|between|mellom|zwischen|antara|van|from|fra|von|dari|kisaran)\s*[€]?\s*$/i;

function isYear(n: NumberMention) {
  return n.bare && n.value >= 1950 && n.value <= 2035;
}

/** The budget phrases of five languages; a range ("150-200jt", "tussen 15.000 en 20.000") gives both ends. */
export function extractBudget(text: string): Pick<Entities, "minPrice" | "maxPrice"> {
  const t = text.toLowerCase();
  const numbers = findNumbers(t).filter((n) => !isMileage(t, n) && !isYear(n));
  const out: Pick<Entities, "minPrice" | "maxPrice"> = {};
  const isPrice = (n: NumberMention, before: string) =>
    !notPrice.test(before) && !perMonth.test(t.slice(n.end)) && (n.money || (n.value >= 1000 && !/^\s*(?:uur|u|h|pm|am)\b/.test(t.slice(n.end))));

  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    const before = t.slice(Math.max(0, n.index - 30), n.index);
    const next = numbers[i + 1];
    if (next && rangeJoin.test(t.slice(n.end, next.index))) {
      const join = t.slice(n.end, next.index).trim();
      const needsLead = /^(en|and|og|und|dan|or|of)$/.test(join);
      const lo = !n.unit && next.unit ? n.value * unitFactor(next.unit) : n.value;
      if ((!needsLead || rangeLead.test(before)) && isPrice(next, before) && lo < next.value && next.value >= 1000) {
        return { minPrice: Math.round(lo), maxPrice: next.value };
      }
    }
    if (!isPrice(n, before)) continue;
    if (n.value < 500) continue;
    if (around.test(before)) out.maxPrice ??= Math.round(n.value * 1.1);
    else if (atLeast.test(before)) out.minPrice ??= n.value;
    else if (upTo.test(before) || n.money || toSpend.test(t.slice(n.end))) out.maxPrice ??= n.value;
  }
  return out;
}

// "ik heb 15.000 te besteden", "I have 15k to spend", "jeg har 150 000 å handle for": the most the shopper will pay.
const toSpend = /^\s*(?:euro|eur|kr|kroner|nok|rp|rupiah|dollar|pounds?)?\s*(?:te besteden|om te besteden|to spend|to spare|å handle for|å rutte med|zur verfügung|zum ausgeben|auszugeben|buat beli|untuk beli)/i;

const mileageLimit = new RegExp(String.raw`(?:km|kilomet\w*|km-stand|km stand|mileage|laufleistung|kjørt|kilometre)\s*(?:stand\s*)?(?:${upToWords})\s*[:=]?\s*$`, "iu");
const orLess = /^\s*(?:km|kilomet\w*|tkm|mil\b)?\s*(?:of minder|or less|or under|eller mindre|oder weniger|ke ?bawah)/i;

function isMileage(t: string, n: NumberMention) {
  return kmAfter.test(t.slice(n.end)) || n.unit === "tkm" || mileageLimit.test(t.slice(Math.max(0, n.index - 50), n.index));
}

/** A number's distance in km, by the unit written after it: a Scandinavian mil is 10 km, an English mile 1.609 km. */
function inKm(n: NumberMention, after: string): number {
  if (/^\s*mil\b/i.test(after)) return n.value * 10;
  return /^\s*miles?\b/i.test(after) ? Math.round(n.value * 1.609344) : n.value;
}

const kmJustBefore = /(?:km|kilometerstand|km-stand|kilometer)\s*[:=]?\s*$/i;

/**
 * The first distance written with its unit ("180.000 km", "120k miles", "80 tkm", "km 80rb"): its value in km and
 * where it is, unit included.
 */
export function firstDistance(text: string): { km: number; index: number; end: number } | null {
  const t = text.toLowerCase();
  const n = findNumbers(t).find((x) => kmAfter.test(t.slice(x.end)) || x.unit === "tkm" || kmJustBefore.test(t.slice(0, x.index)));
  if (!n) return null;
  const unit = kmAfter.exec(t.slice(n.end));
  return { km: inKm(n, t.slice(n.end)), index: n.index, end: n.end + (unit?.[0].length ?? 0) };
}

/** The most a shopper wants a car to have run, in km: "minder dan 100.000 km", "maks 50rb km", "under 10 000 mil". */
export function extractMileage(text: string): number | undefined {
  const t = text.toLowerCase();
  for (const n of findNumbers(t)) {
    if (!isMileage(t, n)) continue;
    const before = t.slice(Math.max(0, n.index - 50), n.index);
    const after = t.slice(n.end);
    if (!upTo.test(before) && !mileageLimit.test(before) && !orLess.test(after)) continue;
    return inKm(n, after);
  }
  return undefined;
}

const minYearBefore = ending(String.raw`vanaf|from|since|fra|ab|seit|tahun|thn|th\.?|minimal tahun|minimal|keluaran|bouwjaar|årsmodell|årgang|baujahr|model year|year|bj\.?|ez|jaar|jaargang|min\.?|mínimo|at least`);
const newerThan = ending(String.raw`na|after|nieuwer dan|jonger dan|newer than|nyere enn|etter|neuer als|jünger als|di atas tahun|diatas tahun|di atas|diatas|lebih baru dari`);
const notOlderThan = ending(String.raw`niet ouder dan|not older than|no older than|ikke eldre enn|nicht älter als|tidak lebih tua dari`);
const olderThan = ending(String.raw`ouder dan|older than|eldre enn|älter als|voor|before|før|vor|sebelum|di bawah tahun|dibawah tahun`);
const upToYear = ending(String.raw`tot|until|up to|til|bis|sampai|max(?:imaal)?|maks|höchstens|bouwjaar tot|baujahr bis`);
const orNewer = /^\s*(?:\+|of nieuwer|of jonger|or newer|or later|and newer|and up|eller nyere|oder neuer|oder jünger|ke ?atas|keatas|atau lebih baru)/i;
const orOlder = /^\s*(?:of ouder|or older|eller eldre|oder älter|ke ?bawah|kebawah)/i;

/** The one model year a message names, whatever the words around it ("die van 2019", "the 2019 one"); null for none or several. */
export function yearNamed(text: string, now: Date): number | null {
  const years = yearMentions(text.toLowerCase(), now);
  return years.length === 1 ? years[0].value : null;
}

/** The model years in lower-cased text: 1990 to next year, not a mileage ("2019 km"). */
function yearMentions(t: string, now: Date): NumberMention[] {
  const latest = now.getUTCFullYear() + 1;
  return findNumbers(t).filter((n) => isYear(n) && n.value >= 1990 && n.value <= latest && !kmAfter.test(t.slice(n.end)));
}

/** Year limits: "vanaf 2018", "nieuwer dan 2019", "2020 or newer", "tahun 2019", "2016-2019", "ouder dan 2015". */
export function extractYears(text: string, now: Date): Pick<Entities, "minYear" | "maxYear"> {
  const t = text.toLowerCase();
  const years = yearMentions(t, now);
  const out: Pick<Entities, "minYear" | "maxYear"> = {};
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    const before = t.slice(Math.max(0, y.index - 25), y.index);
    const after = t.slice(y.end);
    const next = years[i + 1];
    if (next && rangeJoin.test(t.slice(y.end, next.index)) && y.value < next.value) return { minYear: y.value, maxYear: next.value };
    if (orNewer.test(after)) out.minYear ??= y.value;
    else if (orOlder.test(after)) out.maxYear ??= y.value;
    else if (notOlderThan.test(before)) out.minYear ??= y.value;
    else if (newerThan.test(before)) out.minYear ??= y.value + 1;
    else if (olderThan.test(before)) out.maxYear ??= y.value - 1;
    else if (upToYear.test(before)) out.maxYear ??= y.value;
    else if (minYearBefore.test(before)) out.minYear ??= y.value;
  }
  return out;
}
