/**
 * Equipment by what it is rather than how one listing spells it: a shopper asking for "heated seats" at a Dutch
 * dealer means the car listed with "Stoelverwarming voor", one writing "hengerfeste" means "Tow bar", "firehjulstrekk"
 * the "4x4" of a variant. Each kind lists the word beginnings that name it in the five languages; words of three
 * letters or fewer ("AC", "AHK") only count as whole words. The assistant uses these to answer "Does it have …?" and
 * to search; the search matches the same words in a car's feature list and variant.
 */
const kinds = {
  allWheelDrive: ["4x4", "4wd", "awd", "all-wheel", "all wheel", "four-wheel", "four wheel", "4motion", "quattro", "xdrive", "4matic", "all4", "allrad", "vierwielaandrijving", "vierwiel", "4-wiel", "firehjulstrekk", "firehjulsdrift", "penggerak 4 roda", "double gardan"],
  towbar: ["trekhaak", "tow bar", "towbar", "tow hitch", "towing hitch", "anhängerkupplung", "ahk", "hengerfeste", "tarikan gandeng"],
  heatedSeats: ["stoelverwarming", "verwarmde stoel", "heated seat", "heated front seat", "seat heating", "sitzheizung", "beheizte sitz", "setevarme", "oppvarmede seter", "pemanas jok", "pemanas kursi"],
  heatedWheel: ["stuurverwarming", "stuurwielverwarming", "verwarmd stuur", "heated steering", "heated wheel", "lenkradheizung", "beheiztes lenkrad", "rattvarme", "oppvarmet ratt"],
  navigation: ["navigatie", "navigation", "navi", "sat nav", "satnav", "gps", "navigasjon", "navigasi"],
  smartphone: ["carplay", "android auto"],
  climate: ["climate control", "climatronic", "airco", "air conditioning", "air con", "aircon", "klimaanlage", "klimaautomatik", "klimaanlegg", "ac"],
  rearAirCon: ["ac double blower", "double blower", "dual blower", "ac double", "ac belakang", "rear air con", "rear ac"],
  parkingSensors: ["parkeersensor", "parkeerhulp", "parking sensor", "park assist", "park distance", "pdc", "einparkhilfe", "parksensor", "parkpilot", "parkeringssensor", "parkeringsassistent", "sensor parkir"],
  camera: ["camera", "achteruitrijcamera", "reversing camera", "rear camera", "rearview camera", "backup camera", "rückfahrkamera", "kamera", "ryggekamera", "kamera mundur", "kamera belakang"],
  cruiseControl: ["cruise", "tempomat", "cruisekontroll", "acc"],
  panoramicRoof: ["panoramadak", "panorama", "panoramic roof", "glass roof", "glazen dak", "schuifdak", "sunroof", "moonroof", "schiebedach", "glasdach", "soltak", "panoramatak"],
  keyless: ["keyless", "nøkkelfri", "schlüssellos", "push start", "start button"],
  heatPump: ["warmtepomp", "heat pump", "wärmepumpe", "varmepumpe"],
  fastCharging: ["snellad", "fast charg", "rapid charg", "dc charg", "schnelllad", "hurtiglad", "ccs"],
  chargingCable: ["laadkabel", "charging cable", "charge cable", "ladekabel", "kabel charger", "kabel cas"],
  winterTyres: ["winterband", "winter tyre", "winter tire", "winterreifen", "vinterhjul", "vinterdekk", "piggdekk"],
  leather: ["leder", "leer", "leather", "skinn", "kulit", "jok kulit"],
  powerTailgate: ["elektrische achterklep", "elektrische klep", "power tailgate", "electric tailgate", "power boot", "elektrische heckklappe", "elektrisk bakluke", "power back door"],
  roofRails: ["dakrail", "dakdrager", "roof rail", "dachreling", "takrail", "rail atap"],
  blindSpot: ["dodehoek", "dode hoek", "blind spot", "blind-spot", "totwinkel", "blindsone", "blindsonevarsler"],
  laneAssist: ["lane assist", "lane keep", "lane departure", "rijstrook", "spurhalte", "spurassistent", "feltassistent", "filskifte"],
  ledLights: ["led", "led-koplamp", "led-scheinwerfer", "lampu led"],
  alloyWheels: ["lichtmetalen velg", "lichtmetaal", "alloy", "alu", "leichtmetall", "lettmetallfelg", "alufelg", "velg alloy"],
} satisfies Record<string, string[]>;

export type FeatureKind = keyof typeof kinds;
export const featureKinds = Object.keys(kinds) as FeatureKind[];

/** Each kind in English, as the dashboard shows what a shopper asked for. */
const englishNames: Record<FeatureKind, string> = {
  allWheelDrive: "all-wheel drive", towbar: "tow bar", heatedSeats: "heated seats", heatedWheel: "heated steering wheel", navigation: "navigation", smartphone: "CarPlay / Android Auto",
  climate: "air conditioning", rearAirCon: "rear air conditioning", parkingSensors: "parking sensors", camera: "camera", cruiseControl: "cruise control", panoramicRoof: "panoramic roof",
  keyless: "keyless entry", heatPump: "heat pump", fastCharging: "fast charging", chargingCable: "charging cable", winterTyres: "winter tyres",
  leather: "leather", powerTailgate: "power tailgate", roofRails: "roof rails", blindSpot: "blind-spot warning", laneAssist: "lane assist",
  ledLights: "LED lights", alloyWheels: "alloy wheels",
};

/** A kind's English name; anything else (a word Claude passed on) as it is. */
export function featureName(feature: string): string {
  return isFeatureKind(feature) ? englishNames[feature] : feature;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A word beginning, or the whole word when it is three letters or fewer; spaces and hyphens are interchangeable. */
const piece = (word: string) => escape(word).replace(/[\s-]+/g, "[\\s-]*") + (word.length <= 3 ? "(?![\\p{L}\\d])" : "");
// Longest first, so a match quotes the most of the shopper's words ("AC double blower", not "AC double").
const longestFirst = (k: FeatureKind) => [...kinds[k]].sort((a, b) => b.length - a.length);
// Up to the end of the word, so `featuresNamed` quotes it whole ("heated seats", not "heated seat").
const patterns = new Map(featureKinds.map((k) => [k, new RegExp(`(?<![\\p{L}\\d])(?:${longestFirst(k).map(piece).join("|")})[\\p{L}\\d]*`, "iu")]));

/** The kinds of equipment a text names, in its order ("met trekhaak en stoelverwarming" → towbar, heatedSeats). */
export function featureKindsIn(text: string): FeatureKind[] {
  return featuresNamed(text).map((f) => f.kind);
}

/** Each kind a text names with the words that name it: "Heeft hij stoelverwarming?" → heatedSeats, "stoelverwarming". */
export function featuresNamed(text: string): { kind: FeatureKind; words: string }[] {
  const found = featureKinds.flatMap((kind) => {
    const m = patterns.get(kind)!.exec(text);
    return m ? [{ kind, words: m[0], at: m.index, end: m.index + m[0].length }] : [];
  });
  // "AC double blower" is one thing, not also "AC": a match inside a longer one does not count.
  const inside = (a: (typeof found)[number]) => found.some((b) => b !== a && b.at <= a.at && b.end >= a.end && b.end - b.at > a.end - a.at);
  return found.filter((f) => !inside(f)).sort((a, b) => a.at - b.at).map(({ kind, words }) => ({ kind, words }));
}

/** Whether a line of a car's feature list (or a sentence) names this kind of equipment. */
export function namesFeatureKind(kind: FeatureKind, line: string): boolean {
  return patterns.get(kind)!.test(line);
}

export function isFeatureKind(value: string): value is FeatureKind {
  return Object.hasOwn(kinds, value);
}

/**
 * The same test as a PostgreSQL regular expression (for `~*` on a car's feature list): `\m` marks a word's beginning,
 * `\M` a short word's end.
 */
export function featureKindSqlPattern(kind: FeatureKind): string {
  const sqlPiece = (word: string) => `\\m${escape(word).replace(/[\s-]+/g, "[ -]*")}${word.length <= 3 ? "\\M" : ""}`;
  return `(${longestFirst(kind).map(sqlPiece).join("|")})`;
}
