import { featureKindsIn } from "@/lib/inventory/feature-words";
import type { KnownModel } from "../types";
import { isChatWord, isCommonWord } from "./language";
import { bodyWords, colorWords, firstMatch, fuelWords, transmissionWords } from "./vocabulary";

// Words written with capitals or figures after a car's name that are no version of it ("Golf APK?", "Golf TÜV neu?",
// "Golf Garantie?"), where the language lists (isCommonWord) do not have them.
const notVersions = new Set(`incl excl ex btw bpm nap apk bj km max min tüv hu eu ca cash sold vs asap baru bekas
  garantie leasing anzahlung unfall unfallfrei zustand besichtigung inzahlungnahme erstzulassung tageszulassung jahreswagen scheckheft`.split(/\s+/));
// Common trim codes, a version whatever the model: a lower-case word after a car's name is as often an everyday one
// ("golf zien", "is de golf net binnen"), so other lower-case words count only as a known version of that model.
const versionCodes = new Set(`gti gte gtd gts gt gli rs st gr amg se sr lr vrs sti wrx si ss srt rt opc vxr jcw gsi trd nismo
  xdrive sdrive quattro sline rline`.split(/\s+/));
// Real versions of the catalogue's models, by model, that a shopper writes in lower case ("brio satya", "avanza veloz")
// whether or not the dealer has one; the dealer's stock adds the words of its own versions.
const modelVersions: Record<string, string> = {
  golf: "life style highline comfortline trendline alltrack", polo: "highline comfortline trendline beats", passat: "alltrack highline",
  octavia: "scout ambition sportline", superb: "sportline laurin", kodiaq: "scout sportline laurin",
  brio: "satya", avanza: "veloz", fortuner: "vrz legender", innova: "venturer", xpander: "ultimate exceed",
  "pajero sport": "dakar exceed rockford", triton: "exceed ultimate", ertiga: "gx gl", "hr-v": "prestige", "cr-v": "prestige",
  ranger: "wildtrak raptor", focus: "titanium vignale", "3008": "allure", "208": "allure", clio: "intens techno",
  corolla: "altis", xenia: "ads", terios: "ads",
};
// Words of the dealer's version names that say nothing on their own ("1.5 TSI Business Edition Plus").
const fillerWords = new Set("edition plus line pack package launch special business first limited".split(" "));

/** Whether a word is a version of this model by name ("avanza veloz", though the Veloz is a model of its own now). */
export const isVersionOf = (model: string, word: string, stock: KnownModel[] = []) => versionWordsOf(model, stock).has(word.toLowerCase());

/** The lower-case words that name a version of this model: built in, and from the dealer's versions of it. */
function versionWordsOf(model: string, stock: KnownModel[]): Set<string> {
  const m = model.toLowerCase();
  const own = stock.filter((k) => k.model.toLowerCase() === m).flatMap((k) => k.variants ?? []);
  const words = [...(modelVersions[m]?.split(" ") ?? []), ...own.flatMap((v) => v.toLowerCase().split(/[^\p{L}\d]+/u))];
  return new Set(words.filter((w) => /^\p{L}{2,}$/u.test(w) && !fillerWords.has(w)));
}

/**
 * The word right after the car's name that names a version of it ("golf GTE", "Yaris GR", "Brio Satya", "brio satya",
 * "m40i", "Civic Type R"), as written; undefined for figures ("golf 8", "golf 2019"), wishes the search reads (fuel,
 * gearbox, body, colour, equipment) and everyday words. `stock`: the dealer's models with their versions.
 */
export function versionAfter(text: string, end: number, model: string, stock: KnownModel[] = []): string | undefined {
  const m = /^[\s-]+(\p{L}[\p{L}\d]*)(?![\p{L}\d])(?:[\s-]+(\p{Lu}{1,3})(?![\p{L}\d]))?/u.exec(text.slice(end));
  const word = m?.[1];
  const lower = word?.toLowerCase() ?? "";
  // A generation ("mk7") is no version either, as "golf 8" is not.
  if (!word || word.length < 2 || notVersions.has(lower) || /^mk\d*$/i.test(word)) return undefined;
  // A model's own version ("xpander exceed") only yields to the shoppers' everyday words, not to words kept from the
  // typo match ("exceed" is one letter from the XCeed).
  const ownVersion = isVersionOf(model, lower, stock);
  if (ownVersion ? isChatWord(word) : isCommonWord(word)) return undefined;
  const nameLike = /\p{Lu}/u.test(word) || /\d/.test(word) || versionCodes.has(lower) || ownVersion;
  const searched = [fuelWords, transmissionWords, bodyWords, colorWords].some((table) => firstMatch<unknown>(table, word) !== undefined);
  // "Civic Type R": a capital letter or two after it belong to it.
  return nameLike && !searched && featureKindsIn(word).length === 0 ? [word, m[2]].filter(Boolean).join(" ") : undefined;
}

/** Whether a short follow-up could name a version of any model, before a car is read to know which. */
export function mayNameVersion(text: string, stock: KnownModel[] = []): boolean {
  const words = text.match(/\p{L}[\p{L}\d]*/gu) ?? [];
  if (words.length > 5) return false;
  const models = [...Object.keys(modelVersions), ...stock.map((k) => k.model)];
  return words.some((w) => !isChatWord(w) && (versionCodes.has(w.toLowerCase()) || models.some((m) => isVersionOf(m, w, stock))));
}

/**
 * A version named without its model in a short follow-up ("En de GTE?", "yg ultimate ada?") about a car of this model:
 * a common trim code or a version of the model by name, as written.
 */
export function versionNamedAlone(text: string, model: string, stock: KnownModel[] = []): string | undefined {
  const words = text.match(/\p{L}[\p{L}\d]*/gu) ?? [];
  if (words.length > 5) return undefined;
  return words.find((w) => !isChatWord(w) && (versionCodes.has(w.toLowerCase()) || isVersionOf(model, w, stock)));
}

/** Whether a car's name ("Golf 1.4 eHybrid GTE") has every word of a version. */
export function carriesVersion(car: { model: string; variant?: string | null }, version: string): boolean {
  const words = new Set(`${car.model} ${car.variant ?? ""}`.toLowerCase().split(/[^\p{L}\d]+/u));
  return version.toLowerCase().split(/\s+/).every((w) => words.has(w));
}

/** A version as a reply names it: a short code in capitals ("GTE"), a name with one ("Ultimate"). */
export function versionAsNamed(version: string): string {
  return version.split(" ").map((w) => (!/^\p{Ll}+$/u.test(w) ? w : w.length <= 3 || (w.length === 4 && versionCodes.has(w)) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1))).join(" ");
}
