import { featureKindsIn } from "@/lib/inventory/feature-words";
import { isCommonWord } from "./language";
import { bodyWords, colorWords, firstMatch, fuelWords, transmissionWords } from "./vocabulary";

// Words written with capitals or figures after a car's name that are no version of it ("Golf APK?", "Golf TÜV neu?",
// "Golf Garantie?"), where the language lists (isCommonWord) do not have them.
const notVersions = new Set(`incl excl ex btw bpm nap apk bj km max min tüv hu eu ca cash sold vs asap baru bekas
  garantie leasing anzahlung unfall unfallfrei zustand besichtigung inzahlungnahme erstzulassung tageszulassung jahreswagen scheckheft`.split(/\s+/));
// A version written in lower case counts only as one of these codes: a short lower-case word after a car's name is as
// often an everyday one ("golf zien", "is de golf net binnen").
const versionCodes = new Set(`gti gte gtd gts gt gli rs st gr amg se sr lr vrs sti wrx si ss srt rt opc vxr jcw gsi trd nismo
  xdrive sdrive quattro sline rline`.split(/\s+/));

/**
 * The word right after the car's name that names a version of it ("golf GTE", "Yaris GR", "Brio Satya", "m40i",
 * "Civic Type R"), as written; undefined for figures ("golf 8", "golf 2019"), wishes the search reads (fuel, gearbox,
 * body, colour, equipment) and everyday words.
 */
export function versionAfter(text: string, end: number): string | undefined {
  const m = /^[\s-]+(\p{L}[\p{L}\d]*)(?![\p{L}\d])(?:[\s-]+(\p{Lu}{1,3})(?![\p{L}\d]))?/u.exec(text.slice(end));
  const word = m?.[1];
  // A generation ("mk7") is no version either, as "golf 8" is not.
  if (!word || word.length < 2 || isCommonWord(word) || notVersions.has(word.toLowerCase()) || /^mk\d*$/i.test(word)) return undefined;
  const nameLike = /\p{Lu}/u.test(word) || /\d/.test(word) || versionCodes.has(word);
  const searched = [fuelWords, transmissionWords, bodyWords, colorWords].some((table) => firstMatch<unknown>(table, word) !== undefined);
  // "Civic Type R": a capital letter or two after it belong to it.
  return nameLike && !searched && featureKindsIn(word).length === 0 ? [word, m[2]].filter(Boolean).join(" ") : undefined;
}
