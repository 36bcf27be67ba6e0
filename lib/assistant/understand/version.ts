import { featureKindsIn } from "@/lib/inventory/feature-words";
import { isCommonWord } from "./language";
import { bodyWords, colorWords, firstMatch, fuelWords, transmissionWords } from "./vocabulary";

// Short words that follow a car's name in a question and are no version of it ("golf te koop", "model y be on finance",
// "brio yg merah", "golf incl btw", "Golf APK?"), where the language lists (isCommonWord) do not have them.
const notVersions = new Set(`te op uit af aan al nu zo door eens soms mss zal moet zou geen oud nieuw incl excl ex btw bpm nap apk bj km
  be had did go get buy sell sold look come but if so too yet new old used top sale left here from as on vs pls plz thx tx lol asap
  da zu hier mee war bzw oder neu alt tüv hu eu ca eller ny ni max min cash
  itu yg yah yuk kah tuh bro sis brp hrg kok ko deh sih nih dah lg lagi msh mo cek info aja baru bekas lama gk bs thn th`.split(/\s+/));

/**
 * The word right after the car's name that names a version of it ("golf GTE", "Yaris GR", "Brio Satya", "m40i",
 * "Civic Type R"), as written; undefined for figures ("golf 8", "golf 2019"), wishes the search reads (fuel, gearbox, body, colour,
 * equipment) and everyday words. Lower-case words count only when short, as long ones are likelier verbs ("golf kopen").
 */
export function versionAfter(text: string, end: number): string | undefined {
  const m = /^[\s-]+(\p{L}[\p{L}\d]*)(?![\p{L}\d])(?:[\s-]+(\p{Lu}{1,3})(?![\p{L}\d]))?/u.exec(text.slice(end));
  const word = m?.[1];
  // A generation ("mk7") is no version either, as "golf 8" is not.
  if (!word || word.length < 2 || isCommonWord(word) || notVersions.has(word.toLowerCase()) || /^mk\d*$/i.test(word)) return undefined;
  const nameLike = /\p{Lu}/u.test(word) || /\d/.test(word) || word.length <= 4;
  const searched = [fuelWords, transmissionWords, bodyWords, colorWords].some((table) => firstMatch<unknown>(table, word) !== undefined);
  // "Civic Type R": a capital letter or two after it belong to it.
  return nameLike && !searched && featureKindsIn(word).length === 0 ? [word, m[2]].filter(Boolean).join(" ") : undefined;
}
