import { featureKindsIn } from "@/lib/inventory/feature-words";
import { isCommonWord } from "./language";
import { bodyWords, colorWords, firstMatch, fuelWords, transmissionWords } from "./vocabulary";

// Short words that follow a car's name in a question and are no version of it ("golf te koop", "model y be on finance",
// "brio yg merah"), where the language lists (isCommonWord) do not have them.
const notVersions = new Set(`te op uit af aan al nu zo door eens soms mss zal moet zou geen oud nieuw
  be had did go get buy sell look come but if so too yet new old used top sale left here from as on pls plz thx tx lol btw asap
  da zu hier mee war bzw oder neu alt eller ny ni
  itu yg yah yuk kah tuh bro sis brp hrg kok ko deh sih nih dah lg lagi msh mo cek info aja baru bekas lama gk`.split(/\s+/));

/**
 * The word right after the car's name that names a version of it ("golf GTE", "Yaris GR", "Brio Satya", "m40i"), as
 * written; undefined for figures ("golf 8", "golf 2019"), wishes the search reads (fuel, gearbox, body, colour,
 * equipment) and everyday words. Lower-case words count only when short, as long ones are likelier verbs ("golf kopen").
 */
export function versionAfter(text: string, end: number): string | undefined {
  const word = /^[\s-]+([\p{L}][\p{L}\d]*|\d+\p{L}[\p{L}\d]*)(?![\p{L}\d])/u.exec(text.slice(end))?.[1];
  if (!word || word.length < 2 || isCommonWord(word) || notVersions.has(word.toLowerCase())) return undefined;
  const nameLike = /\p{Lu}/u.test(word) || /\d/.test(word) || word.length <= 4;
  const searched = [fuelWords, transmissionWords, bodyWords, colorWords].some((table) => firstMatch<unknown>(table, word) !== undefined);
  return nameLike && !searched && featureKindsIn(word).length === 0 ? word : undefined;
}
