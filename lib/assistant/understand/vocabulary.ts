import type { Body, Entities, Fuel, Transmission } from "../types";

// All languages together: shoppers mix them ("ada yang automatic?", "een SUV met automatik").
const L = String.raw`(?<![\p{L}\d])`;
const R = String.raw`(?![\p{L}\d])`;
const words = (alternatives: string, flags = "iu") => new RegExp(`${L}(?:${alternatives})${R}`, flags);

export const fuelWords: [Fuel, RegExp][] = [
  ["hybrid", words(String.raw`hybride?|hybrid\w*|hybried\w*|hibrid\w*|hybrit\w*|phev|hev|plug-?in(?: hybrid)?|plugin|ladbar hybrid`)],
  ["electric", words(String.raw`elektrisch\w*|elektries\w*|electrisch\w*|elektrisk\w*|elektro\w*|el-?bil\w*|electric|e-?auto|ev|bev|100% elektrisk|mobil listrik|listrik|volledig elektrisch|stroom`)],
  ["diesel", words(String.raw`diesel\w*|tdi|dci|hdi|solar`)],
  ["lpg", words(String.raw`lpg|autogas|g3`)],
  ["petrol", words(String.raw`benzine|benzien|bensin\w*|benzin(?:er)?|petrol|gasoline|pertalite|pertamax|tsi|tfsi`)],
];

export const transmissionWords: [Transmission, RegExp][] = [
  ["automatic", words(String.raw`automa{2,3}t|automaten|automatisch\w*|automatic\w*|automatgir|automat|automatik\w*|auto ?gear|matic|a\/t|cvt|dsg|tiptronic|otomatis|autogir`)],
  ["automatic", new RegExp(`${L}AT${R}`, "u")],
  ["manual", words(String.raw`handgeschakeld\w*|handbak|schakel\w*|manue[el]\w*|manuell\w*|manuelt|manual\w*|schaltgetriebe|schalter|handschaltung|geschaltet|stick ?shift|m\/t|girkasse manuell`)],
  ["manual", new RegExp(`${L}MT${R}`, "u")],
];

export const bodyWords: [Body, RegExp][] = [
  ["mpv", words(String.raw`mpv|7[- ]?(?:zitter|zits|zitplaatsen|persoons|seter|seters|seat|seats|seater|sitz\w*|penumpang|kursi)|siebensitzer|mobil keluarga|keluarga besar|minivan|people ?carrier|familiebil|gezinsauto|großraumvan|family car|familienauto|familienwagen|(?:groot|groter) gezin|(?:big|large) family|große[nmr]? familie|stor familie`)],
  ["estate", words(String.raw`stationwagen\w*|stationwagon\w*|station wagon|stationcar|combi|kombi|stasjonsvogn\w*|estate|wagon|touring|sports ?tourer`)],
  ["suv", words(String.raw`suvs?|suv's|crossovers?|terreinwagen|4x4|offroader|geländewagen`)],
  ["hatchback", words(String.raw`hatchback\w*|hatch|kleinwagen|småbil|kleine auto|stadsauto|city ?car|mobil kecil`)],
  ["sedan", words(String.raw`sedan\w*|limousine|saloon`)],
  ["convertible", words(String.raw`cabrio\w*|convertible|kabriolet|roadster`)],
  ["coupe", words(String.raw`coup[eé]s?`)],
  ["van", words(String.raw`bestelbus\w*|bestelauto|bedrijfsauto\w*|bedrijfswagens?|varebil\w*|transporter|kastenwagen|lieferwagen|nutzfahrzeuge?|commercial vehicles?|mobil niaga|kendaraan niaga|(?:a|the|cargo|panel|work|delivery|small|big) vans?|vans|mobil box|blind ?van`)],
  ["pickup", words(String.raw`pick-?up|pikap|double cabin|dobel kabin|bakkie|pickup truck`)],
];

export const colorWords: [string, RegExp][] = [
  ["black", words(String.raw`zwart\w*|svart\w*|schwarz\w*|black|hitam`)],
  ["white", words(String.raw`wit|witte|hvit\w*|weiß\w*|weiss\w*|white|putih`)],
  ["grey", words(String.raw`grijs|grijze|grå|gråe?|grau\w*|gr[ae]y|abu[- ]?abu|abu`)],
  ["silver", words(String.raw`zilver\w*|sølv\w*|silber\w*|silver|perak`)],
  ["blue", words(String.raw`blauw\w*|blå|blåe?|blau\w*|blue|biru`)],
  ["red", words(String.raw`rood|rode|rød|røde|rot|rote[nrs]?|red|merah|maroon`)],
  ["green", words(String.raw`groen\w*|grønn\w*|grün\w*|green|hijau`)],
  ["brown", words(String.raw`bruin\w*|brun|brune|braun\w*|brown|coklat|cokelat`)],
  ["beige", words(String.raw`beige|champagne|krem`)],
  ["yellow", words(String.raw`geel|gele|gul|gule|gelb\w*|yellow|kuning`)],
  ["orange", words(String.raw`oranje|orange|oransje|oranye`)],
];

// "geen diesel", "no automatic", "kein Kombi", "ingen elbil", "bukan matic": a wish said not to be one. "Not" itself
// ("niet", "nicht", "ikke") only right before the word: "heb je niet een automaat?" asks for one.
const notA = String.raw`geen|zonder|no|without|non|kein(?:e[nmr]?)?|ohne|ingen|uten|bukan|tanpa|jangan|gak|nggak|enggak|ga|tidak|tdk`;
const not = String.raw`niet|not|nicht|ikke`;
const filler = String.raw`(?:(?:een|a|an|ein|eine|einen|en|et|mau|suka|want|wil|pakai|pake|perlu|yang|yg)\s+)?`;
const negatedWord = new RegExp(String.raw`${L}(?:(?:${notA})\s+${filler}|(?:${not})\s+)(\p{L}[\p{L}/-]*)`, "giu");
// "Hebben jullie geen automaat?", "Habt ihr keinen Kombi?", "Har dere ingen elbil?": asking for one all the same.
const haveQuestion = new RegExp(String.raw`${L}(?:heb|hebt|hebben|heeft|hast|habt|haben|hat|har|have|has|got)\s+(?:\p{L}+\s+){0,2}$`, "iu");

/**
 * The text with the wishes it says no to blanked out, so they are no filters, the gearbox a "no" leaves ("geen
 * automaat" is a manual) and the fuel said no to.
 */
export function withoutNegatedWishes(text: string): { text: string; transmission?: Transmission; refusedFuel?: Fuel } {
  let transmission: Transmission | undefined;
  let refusedFuel: Fuel | undefined;
  const out = text.replace(negatedWord, (whole: string, word: string, at: number) => {
    if (haveQuestion.test(text.slice(Math.max(0, at - 30), at))) return whole;
    const refused = firstMatch(transmissionWords, word);
    if (refused) transmission = refused === "automatic" ? "manual" : "automatic";
    refusedFuel ??= firstMatch(fuelWords, word);
    const isWish = refused || [fuelWords, bodyWords, colorWords].some((table) => firstMatch<unknown>(table, word) !== undefined);
    return isWish ? " ".repeat(whole.length) : whole;
  });
  return { text: out, ...(transmission ? { transmission } : {}), ...(refusedFuel ? { refusedFuel } : {}) };
}

export function firstMatch<T>(table: [T, RegExp][], text: string): T | undefined {
  let best: { value: T; at: number } | undefined;
  for (const [value, re] of table) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { value, at: m.index };
  }
  return best?.value;
}

/** "#A01", "# a01", or a bare "A01" when it is the whole message or follows "code"/"kode"/"nr". */
export function extractVehicleCode(text: string): Entities["vehicleCode"] {
  const m = /#\s?([a-z]{1,3})[- ]?(\d{2,3})(?!\d)/i.exec(text) ??
    /^\s*([a-z]{1,2})(\d{2,3})\s*[?!.]*\s*$/i.exec(text) ??
    /(?:code|kode|nr\.?|nummer|no\.?|nomor|unit)\s*:?\s*([a-z]{1,2})-?(\d{2,3})(?![\p{L}\d])/iu.exec(text);
  return m ? `#${m[1].toUpperCase()}${m[2]}` : undefined;
}
