import { parseAmount } from "@/lib/format/numbers";
import type { Entities } from "../types";
import { currencyAfter, currencyBefore, numberPattern } from "./amounts";

// Short answers to what the assistant just said: "ja graag" to "Wil je een proefrit plannen?", "de tweede" to a list
// of cars, "ok" or 👍 to anything. Only a message made of nothing else counts, so "ja, maar is er ook een diesel?" is
// understood as the question it is.

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));
const yes = words(`ja jazeker zeker graag yes yeah yep yup sure please definitely absolutely gerne gern jawohl gjerne
  iya ya yoi boleh mau bisa`);
const ack = words(`ok oké oke okay okey okee top prima super fine alright great perfect perfekt mooi goed gut greit fint flott
  sip siap baik noted cool klar`);
// With the words that regret a no: "jammer", "helaas", "leider", "synd".
const no = words("nee neen no nope nein nei niet nicht tidak gak nggak ga engga enggak ndak jammer helaas pity leider synd dessverre");
// Words that travel with a yes, no or ok without changing it.
const filler = words(`hoor dan wel maar doe is thanks thank you dank je u bedankt danke bitte schön takk tusen kak dong deh
  sih hello hi sounds good that's that it alles in orde da det er sehr very much thx ty terima kasih makasih of course
  natuurlijk natürlich selvfølgelig tentu lets let's do go dat ah oh`);
const ackEmoji = /^[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f\s]+$/u;

/** "yes", "no" or "ok" when the whole message is one (in any of the assistant's languages), else null. */
export function shortAnswer(text: string): "yes" | "no" | "ok" | null {
  const t = text.trim();
  if (!t) return null;
  if (ackEmoji.test(t)) return /👎/u.test(t) ? "no" : /[👍👌🙏✅]/u.test(t) ? "ok" : null;
  const tokens = t.toLowerCase().replace(/\p{Extended_Pictographic}/gu, " ").split(/[^\p{L}']+/u).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 6) return null;
  if (!tokens.every((w) => yes.has(w) || ack.has(w) || no.has(w) || filler.has(w))) return null;
  if (tokens.some((w) => no.has(w))) return "no";
  if (tokens.some((w) => yes.has(w))) return "yes";
  return tokens.some((w) => ack.has(w)) ? "ok" : null;
}

const ordinalWords: Record<number, string[]> = {
  1: ["eerste", "first", "erste", "ersten", "erster", "første", "pertama", "1e", "1ste", "1st", "ke1"],
  2: ["tweede", "second", "zweite", "zweiten", "zweiter", "andre", "kedua", "2e", "2de", "2nd", "ke2"],
  3: ["derde", "third", "dritte", "dritten", "dritter", "tredje", "ketiga", "3e", "3de", "3rd", "ke3"],
};
// The last car of the list: "de laatste", "the last one", "den siste", "yang terakhir".
const lastWords = ["laatste", "last", "letzte", "letzten", "letzter", "siste", "terakhir"];
// …but "de laatste prijs", "the last time" and "harga terakhir" are no car.
const lastOfSomethingElse = /(?:laatste|last|letzte\w*|siste|terakhir)\s+(?:prijs|price|pris|preis|bod|offer|angebot|keer|time|mal|gang|kali)|harga\s+terakhir/u;

// In a longer message an ordinal picks a car only after an article, and not as "the first time" or "de eerste eigenaar".
const articleOrdinal = new RegExp(String.raw`(?<!\p{L})(?:the|de|die|der|den|das|dem|yang)\s+(${[...Object.values(ordinalWords).flat(), ...lastWords].join("|")})(?!\p{L})` +
  String.raw`(?!\s+(?:time|keer|mal|gang|kali|hand|owner|eigenaar|besitzer|eier|pemilik|tangan)(?!\p{L}))`, "iu");

/**
 * Which car of a list the shopper picks (0-based): "de tweede", "the first one", "nummer 3", "yang kedua", or a bare
 * "2"; in a longer message, an ordinal after an article ("book the first one on friday"). Null otherwise.
 */
export function pickFromList(text: string, listLength: number): number | null {
  const t = text.trim().toLowerCase().replace(/\bke-(\d)\b/g, "ke$1");
  const bare = /^(?:(?:nummer|nr|number|no|nomor|nummeret)\.?\s*)?([1-9])\s*[.)]?$/u.exec(t) ?? /\b(?:nummer|nr|number|nomor|nummeret)\.?\s*([1-9])\b/u.exec(t);
  if (bare) return Number(bare[1]) - 1;
  const tokens = t.split(/[^\p{L}\d]+/u).filter(Boolean);
  if (/second[- ]hand/.test(t)) return null;
  if (tokens.length > 5) {
    const word = articleOrdinal.exec(t)?.[1];
    if (word && lastWords.includes(word)) return listLength - 1;
    const n = word ? Object.entries(ordinalWords).find(([, list]) => list.includes(word))?.[0] : undefined;
    return n ? Number(n) - 1 : null;
  }
  for (const [n, list] of Object.entries(ordinalWords)) if (tokens.some((w) => list.includes(w))) return Number(n) - 1;
  return tokens.some((w) => lastWords.includes(w)) && !lastOfSomethingElse.test(t) ? listLength - 1 : null;
}

// "hij", "die", "it", "er", "den", "itu"… in a question: the shopper asks about the car we just showed.
// (Not "er": in Dutch it mostly means "there", as in "Zijn er nog meer?")
const backReference = /(?<![\p{L}'])(hij|ie|die|deze|dat|hem|'m|it|that one|this one|ihn|der|den|denne|bilen|itu|ini|mobilnya|unitnya|harganya|hrgnya)(?![\p{L}'])/iu;
// A question that opens with the verb and that pronoun ("Is hij…", "Does it…", "Hat er…") asks about that car even when it
// names a feature that would otherwise start a search ("Is dat een automaat?").
// Verbs and pronouns pair per language: Dutch "Is er…" is "Is there…", a search, while German "Hat er…" is "Has it…".
const verbFirst = new RegExp([
  String.raw`^\s*(?:is|heeft|rijdt|zit|does|has)\s+(?:hij|ie|die|dat|het|it|that|this)\b`,
  String.raw`^\s*(?:ist|hat|fährt)\s+(?:er|der|das|es)\b`,
  String.raw`^\s*(?:er|har)\s+(?:den|denne|bilen)\b`,
  String.raw`^\s*apakah\s+(?:itu|ini)\b`,
].join("|"), "iu");
// Indonesian asks "how much" anywhere in the sentence ("harganya berapa kak", "brp harganya").
const question = /\?|^\s*(?:hoe|wat|welke|waar|wanneer|is|heeft|how|what|which|when|where|does|has|wie|was|welche|wann|wo|ist|hat|hvor|hva|hvilken|når|er|har|berapa|apa|kapan|di ?mana|apakah)\b|(?<!\p{L})(?:berapa|brp|brapa)(?!\p{L})/iu;

// Photos or a video of a car: its page has them, so the answer is that car's card with the link.
const photoWords = String.raw`foto'?s?|fotos|fotonya|foto2|photos?|pictures?|pics|bilder?|bilete|gambar\w*|video'?s?|videonya`;
// Figures a listing may give in its description, named in the five languages: an electric car's range, fuel use.
const rangeWords = String.raw`actieradius|bereik|rijbereik|(?<!price |prijs)range|reichweite|rekkevidde\w*|jarak tempuh`;
const useWords = String.raw`verbruik\w*|consumption|fuel economy|mpg|verbrauch|spritverbrauch|forbruk\w*|konsumsi`;
const photoAsk = new RegExp(String.raw`(?<!\p{L})(?:${photoWords})(?!\p{L})`, "iu");

/** "Heeft u foto's?", "Bisa kirim foto interior?": photos of a car. */
export function asksForPhotos(text: string): boolean {
  return photoAsk.test(text);
}

// What one asks about a particular car ("Wat is de kilometerstand?"), warranty aside: that is the dealer's policy.
const carDetail = new RegExp(String.raw`(?<!\p{L})(?:km|kilometer\w*|km-stand|mileage|miles|laufleistung|bouwjaar|baujahr|årsmodell|kleur|colou?r|farbe|farge|warna|apk|tüv|eu-kontroll\w*|onderhoud\w*|servicebuch|service ?history|servicehistorikk|opties|uitrusting|options|ausstattung|utstyr|fitur|schade\w*|damage|unfall\w*|skade\w*|eigenaars?|owners?|vorbesitzer|eiere|pemilik|banden|tyres|tires|reifen|dekk|tahun(?:nya)?|harga\w*|hrg\w*|year|jaar|jahr|årgang|${rangeWords}|${useWords}|${photoWords})(?: ?nya)?(?!\p{L})`, "iu");

/**
 * Whether the message asks about the car the conversation is on rather than for other cars: `strong` for a
 * verb-first question about "it" ("Is dat een automaat?"), else any question with such a pronoun ("Hoeveel km heeft
 * hij?") or about a car's particulars ("Wat is de kilometerstand?").
 */
export function asksAboutThatCar(text: string): "strong" | "weak" | null {
  if (verbFirst.test(text)) return "strong";
  return question.test(text) && (backReference.test(text) || carDetail.test(text)) ? "weak" : null;
}

const visitWords = /langs ?(?:komen|gaan|kom)|komen kijken|kom(?:en)? (?:kijken|langs)|bezoek|showroom|komme innom|komme forbi|besøk|vorbei ?(?:kommen|schauen)|besuch|come (?:by|and see|over|in|round)|drop by|stop by|visit|datang|mampir|berkunjung|kunjung|ke showroom/iu;
const testDriveWords = /proef|test ?drive|test-drive|probefahrt|probe fahren|prøve|test mobil/iu;

const lookAroundWords = /rond ?(?:te )?kijk|rondneuz|look(?:ing)? a?round|brows(?:e|ing)|um(?:zu)?sehen|um(?:zu)?schauen|se (?:meg )?rundt|kikke rundt|lihat[- ]?lihat|liat[- ]?liat|lihat2|liat2|cuci mata/iu;

/** A visit to look around (no test drive named): "Kan ik morgen langskomen?", "Can I drop by on Saturday?". */
export function wantsVisit(text: string): boolean {
  return (visitWords.test(text) || lookAroundWords.test(text)) && !testDriveWords.test(text);
}

/** Coming by to look around, at no car in particular: "Kan ik langskomen om rond te kijken?", "Kann ich mich umsehen?". */
export function wantsToLookAround(text: string): boolean {
  return lookAroundWords.test(text) && !testDriveWords.test(text);
}

const continuation = /^\s*(?:en|and|und|og|dan|or|of|oder|eller|atau|maar|but|aber|men|tapi)(?!\p{L})|(?<!\p{L})(?:ook|also|auch|også|juga|too)(?!\p{L})/iu;
// "Do you have it in red?", "Hebben jullie die in het blauw?", "Gibt es den in Schwarz?": the same wish in another colour.
const sameInAnother = /(?<!\p{L})(?:it|one|them|die|hem|ihn|den|denne|dem)\s+(?:in|i)\s+(?:the\s+|het\s+)?\p{L}+/iu;
// "Ik zoek een diesel" asks anew, however short.
const freshSearch = /^\s*(?:ik zoek|zoek|i'?m looking|looking for|i want|ich suche|suche|jeg ser|ser etter|jeg vil ha|saya cari|cari|mau cari)(?!\p{L})/iu;
const cheaperWords = /goedkoper|cheaper|less expensive|lower price|günstiger|billiger|billigere|rimeligere|lebih murah|yang murah/iu;

/**
 * Whether the message narrows or varies the last search instead of starting a new one: it opens with "en", "and",
 * "und"… or says "ook", "also", "auch"…, or it is only a few words of filters ("Automaat?", "onder de 15.000").
 */
export function continuesSearch(text: string, namesFilters: boolean): boolean {
  if (continuation.test(text) || (namesFilters && sameInAnother.test(text))) return true;
  return namesFilters && !freshSearch.test(text) && text.trim().split(/\s+/).length <= 4;
}

// "Die van 2019", "the automatic one", "den fra 2019", "yang merah": one car of the list, named by what it has.
const singlingOut = /(?<!\p{L})(?:die|de|het|degene|diegene|the|that one|the one|der|das|den|denne|det|yang|itu)(?!\p{L})/iu;
// "Is er een automaat?", "Do you have one from 2019?", "Ada yang matic?": asking whether there is more, a search.
const isThere = /^\s*(?:is er|zijn er|heb(?:ben)? (?:jullie|je|u)|hebt u|do you have|have you got|is there|are there|any\b|har dere|har du|finnes det|habt ihr|haben sie|hast du|gibt es|ada\b|punya)/iu;

/**
 * Whether the message singles out one car of a list by a feature ("Wat kost die van 2019?", "the automatic one") rather
 * than asking for more ("Is er ook een automaat?", "En onder de 15.000?") or for something new ("Ik zoek een diesel").
 */
export function singlesOut(text: string): boolean {
  return singlingOut.test(text) && !continuation.test(text) && !freshSearch.test(text) && !isThere.test(text);
}

// "Heeft hij een trekhaak?", "Does it have heated seats?", "Hat er eine Anhängerkupplung?", "Har den hengerfeste?", "Apakah ada sunroof?"
const hasQuestion = /^\s*(?:heeft (?:hij|ie|die|het|deze|dat)|does (?:it|that|this one|that one) have|has (?:it|that) got|hat (?:er|der|das|es)|har (?:den|denne|bilen)|apakah (?:mobil(?:nya)? (?:ini |itu )?)?(?:ada|punya|sudah ada))\s+(?!yang\b)(.+?)[\s?!.]*$/iu;
const leadingArticle = /^(?:een|a|an|eine?n?|en|et|ei)\s+/iu;
const trailingWords = /\s+(?:erop|erin|erbij|op|on it|in it|drauf|dabei|på|nya)$/iu;
const colourQuestion = /(?<!\p{L})(?:kleur|colou?r|farbe|farge|warna)(?!\p{L})/iu;

/** What a "does it have …?" question asks for ("trekhaak", "heated seats"), or null. */
export function featureAsked(text: string): string | null {
  const m = hasQuestion.exec(text);
  if (!m) return null;
  const asked = m[1].replace(leadingArticle, "").replace(trailingWords, "").trim();
  return asked.length >= 3 && asked.split(/\s+/).length <= 4 ? asked : null;
}

// "met trekhaak", "with a tow bar", "yang pakai sunroof": equipment a car to look for should have.
const withWord = /(?<!\p{L})(?:met|with|mit|med|dengan|pakai|yang)(?!\p{L})/iu;

/**
 * Whether a message naming equipment asks if the car (or cars) just shown have it ("Zit er een trekhaak op?", "Ada AC?",
 * "Heeft hij stoelverwarming?") rather than for more cars that have it ("Hebben jullie er een met trekhaak?", "En ook
 * met navigatie?", "Ik zoek een auto met panoramadak").
 */
export function asksWhetherItHas(text: string): boolean {
  if (featureAsked(text) !== null) return true;
  return !continuation.test(text) && !freshSearch.test(text) && !(isThere.test(text) && withWord.test(text));
}

// "Irit" (economical) asks for fuel use about one car, but after a list it compares them, so it is no car detail above.
const specWords: RegExp[] = [rangeWords, `${useWords}|irit(?:nya)?`].map((w) => new RegExp(String.raw`(?<!\p{L})(?:${w})(?!\p{L})`, "iu"));

/**
 * The figure a question about the car asks for ("Hva er rekkevidden?"): the shopper's word, and the pattern that finds
 * the same figure in a listing in any of the five languages. Null for anything else.
 */
export function specAsked(text: string): { word: string; names: (line: string) => boolean } | null {
  for (const re of specWords) {
    const m = re.exec(text);
    if (m) return { word: m[0], names: (line) => re.test(line) };
  }
  return null;
}

/** "Welke kleur heeft hij?", "What colour is it?", "Warnanya apa?". */
export function asksColour(text: string): boolean {
  return colourQuestion.test(text) || /(?<!\p{L})warnanya(?!\p{L})/iu.test(text);
}

// What a shopper asks about a car's past, by the word beginnings that name it in the five languages.
const historyTopics: RegExp[] = [
  /schade|damage|accident|ongeluk|ongeval|unfall|skade|kollisjon|kecelakaan|tabrak|banjir|crash/iu,
  /eigena|owner|besitzer|vorbesitz|(?<!\p{L})eier|tangan pertama|pemilik|(?<!\p{L})hand(?!\p{L})/iu,
  /onderhoud|service|servis|wartung|scheckheft|servicehefte|servicebuch|inspectie|inspeksi/iu,
  /(?<!\p{L})(?:apk|mot|tüv|hu|eu-kontroll\w*|pkb|pajak\w*)(?!\p{L})/iu,
  /(?<!\p{L})nap(?!\p{L})|tellerstand|km-stand|kilometerstand echt|odometer|tachostand/iu,
];

/** The pattern of the car-history topic a message asks about ("Is hij schadevrij?", "Ist der unfallfrei?"), or null. */
export function historyTopic(text: string): RegExp | null {
  return historyTopics.find((re) => re.test(text)) ?? null;
}

export type Superlative = "cheapest" | "dearest" | "newest" | "oldest" | "leastKm";
const superlatives: [Superlative, RegExp][] = [
  ["cheapest", /goedkoopst|voordeligst|cheapest|least expensive|günstigste|billigste|rimeligste|termurah|paling murah/iu],
  ["dearest", /duurst|most expensive|teuerste|dyreste|termahal|paling mahal/iu],
  ["leastKm", new RegExp([
    String.raw`minste (?:kilometers|km)|laagste (?:kilometerstand|km)|weinig (?:kilometers|km)|lage (?:kilometerstand|km-stand|km)|weinig gereden`,
    String.raw`(?:least|lowest|fewest) (?:km|mileage|miles)|low (?:mileage|miles|km)`,
    String.raw`wenigsten (?:kilometer|km)|wenig(?:en)? (?:kilometern?|km)|(?:niedrige|geringe)[mnr]? (?:laufleistung|kilometerstand)|wenig gelaufen`,
    String.raw`minst (?:kjørt|km|kilometer)|færrest (?:km|kilometer)|lav(?:est|este)? (?:kilometerstand|km)|lite kjørt|få (?:km|kilometer)`,
    String.raw`(?:km|kilometer)(?: ?nya)? (?:paling |masih )?(?:sedikit|rendah|kecil)|(?:km|kilometer)(?: ?nya)? terendah|paling sedikit (?:km|kilometer)`,
  ].join("|"), "iu")],
  ["newest", /nieuwst|jongst|newest|youngest|neueste|jüngste|nyeste|terbaru|paling baru/iu],
  ["oldest", /oudst|oldest|älteste|eldste|tertua|paling tua/iu],
];

/** "De goedkoopste", "the newest", "den billigste": one car of a list by how it compares with the others. */
export function superlativeIn(text: string): Superlative | null {
  return superlatives.find(([, re]) => re.test(text))?.[0] ?? null;
}

// "Iets goedkoops", "something cheap", "noe billig", "mobil murah": the cheapest first.
const cheapWords = /(?<!\p{L})(?:goedkope?|goedkoops|cheap|inexpensive|affordable|billig|billige|rimelig|günstige?[nrs]?|preiswert\w*|murah)(?!\p{L})/iu;

/** The order a search asks for ("jullie goedkoopste auto", "low mileage", "mobil terbaru", "noe billig"); "the oldest" is none. */
export function searchOrder(text: string): Entities["order"] {
  const s = superlativeIn(text);
  if (s) return s === "oldest" ? undefined : s;
  return cheapWords.test(text) ? "cheapest" : undefined;
}

/** "Heb je ook iets goedkopers?", "anything cheaper?", "etwas Günstigeres?". */
export function asksCheaper(text: string): boolean {
  return cheaperWords.test(text);
}

const months = /(?<!\d)(\d{1,3})\s*(?:maanden|maand|mnd|months?|monate?n?|måneder|måned|bulan|bln)(?!\p{L})/iu;
const years = /(?<!\d)(\d{1,2})\s*(?:jaar|years?|jahre?n?|års?|tahun|thn)(?!\p{L})/iu;
const downWords = String.raw`aanbetaling|aanbetalen|down ?payment|down|deposit|anzahlung|egenandel|egenkapital|kontantinnskudd|dp|uang muka`;
const amount = String.raw`(?:${currencyBefore})?\s*(?:${numberPattern})\s*(?:k|jt|juta|rb|ribu|mille|duizend|tausend)?\s*(?:${currencyAfter})?`;
const downPct = new RegExp(String.raw`(\d{1,2})\s*%\s*(?:${downWords})|(?:${downWords})\D{0,15}?(\d{1,2})\s*%`, "iu");
const downAmount = new RegExp(String.raw`(?:${downWords})\D{0,15}?(${amount})|(${amount})\s*(?:(?:i|in|als|sebagai)\s+)?(?:${downWords})`, "iu");

/**
 * The terms a shopper asks a financing example for: "over 72 maanden", "5 jaar", "met 5.000 aanbetaling", "DP 20%".
 * Terms outside 6–120 months are ignored.
 */
export function financingTerms(text: string): { months?: number; downPayment?: number; downPaymentPct?: number } {
  const out: { months?: number; downPayment?: number; downPaymentPct?: number } = {};
  const m = months.exec(text);
  const y = years.exec(text);
  const n = m ? Number(m[1]) : y ? Number(y[1]) * 12 : 0;
  if (n >= 6 && n <= 120) out.months = n;
  const pct = downPct.exec(text);
  if (pct) out.downPaymentPct = Number(pct[1] ?? pct[2]);
  else {
    const a = downAmount.exec(text);
    const v = a ? parseAmount((a[1] ?? a[2]).trim()) : null;
    if (v) out.downPayment = v;
  }
  return out;
}

const compareWords = /vergelijk\w*|vergeleken|verschil|compare[ds]?|comparison|difference|versus|\bvs\.?(?!\p{L})|vergleich\w*|unterschied|sammenlign\w*|forskjell\w*|bandingkan|perbandingan|bedanya|beda(?!\p{L})|yang mana|welke (?:is|van de|heeft|verbruikt|rijdt)\b|which (?:one|is|of)\b|welche[rs]? (?:ist|von|hat|verbraucht)\b|hvilken (?:er|av|har|bruker)\b|mana yang/iu;

/** "Wat is het verschil tussen de #A01 en de #A02?", "Which is better?", "Mana yang lebih irit?". */
export function asksToCompare(text: string): boolean {
  return compareWords.test(text);
}

/** Every car code the message names ("#A01", "A 02" after a hash), in order, once each. */
export function vehicleCodesIn(text: string): string[] {
  const codes = [...text.matchAll(/#\s?([a-z]{1,3})[- ]?(\d{2,3})(?!\d)/giu)].map((m) => `#${m[1].toUpperCase()}${m[2]}`);
  return [...new Set(codes)];
}

// "Mijn naam is Jan de Vries", "Jeg heter Ola", "atas nama Budi": the words that introduce the shopper's name. Not "ik
// ben" or "I'm", which as often begin "ik ben op zoek naar" or "I'm looking for".
const nameIntro = /(?<!\p{L})(?:mijn naam is|ik heet|my name is|my name's|call me|jeg heter|mitt navn er|navnet mitt er|ich heiße|ich heisse|mein name ist|nama saya|namaku|nama aku|atas nama|a\.n\.)\s*:?\s*/iu;
// Where a name ends: punctuation, or a word that joins the rest of the message or is said to be polite.
const nameEnd = /[.,!?;:()]|\s(?:en|and|og|und|dan|ya|yah|kak|gan|dong|ja|thanks|thank|bedankt|takk|danke|please|graag|bitte)(?!\p{L})/iu;
const nameParticle = /^(?:van|de|der|den|ter|von|bin|binti)$/i;
// Words that show the words after the intro are no name ("Ik heet u welkom", "nama saya sudah terdaftar").
const notAName = /^(?:u|je|jullie|you|sie|dich|euch|deg|dere|sudah|belum|tidak|nicht|ikke|niet|not|is|ist|er|welkom|willkommen)$/iu;

/**
 * The name the shopper gives for themselves ("Ik heet Jan de Vries" → "Jan de Vries"), capitalised, and where it is
 * written; null when they give none.
 */
export function nameGiven(text: string): { name: string; index: number; end: number } | null {
  const intro = nameIntro.exec(text);
  if (!intro) return null;
  const from = intro.index + intro[0].length;
  const after = text.slice(from);
  const stop = nameEnd.exec(after);
  const span = stop ? after.slice(0, stop.index) : after;
  const words = span.trim().split(/\s+/).filter(Boolean);
  const named = words.filter((w) => !nameParticle.test(w));
  if (named.length === 0 || named.length > 3 || notAName.test(words[0]) || !words.every((w) => /^\p{L}[\p{L}'’-]*$/u.test(w))) return null;
  const name = words.map((w, i) => (i > 0 && nameParticle.test(w) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1))).join(" ");
  return { name, index: from, end: from + span.trimEnd().length };
}

export const statedName = (text: string): string | null => nameGiven(text)?.name ?? null;

// "Annuleer de afspraak maar", "I need to cancel my test drive", "Ich muss den Termin absagen", "batalin jadwal test drive".
const cancelWords = /(?<!\p{L})(?:annuleer\w*|annuleren|afzeggen|zeg\w* (?:\w+ )?af|cancel\w*|absagen|sage\w* (?:\w+ )?ab|stornier\w*|avlys\w*|avbestill\w*|batal\w*|gak jadi|nggak jadi|ga jadi)(?!\p{L})/iu;
const appointmentWords = /(?<!\p{L})(?:afspraak|proefrit|bezoek|appointment|test ?drive|booking|visit|termin|probefahrt|besuch|avtale\w*|prøvetur\w*|prøvekjøring\w*|besøk\w*|jadwal|janji|kunjungan)(?!\p{L})/iu;

// What a shopper unsubscribes from: "cancel my subscription", "nieuwsbrief annuleren", "batalkan langganan".
const subscriptionWords = /(?<!\p{L})(?:subscri\w*|newsletters?|messages|promos?|promotions?|notifications?|mailings?|e-?mails|offers|ads|abonnement\w*|abo|nieuwsbrie\w*|berichten|meldingen|notificaties|aanbiedingen|reclame|nyhetsbrev\w*|meldinger|varsler|varslinger|tilbud|reklame|nachrichten|benachrichtigungen|werbung|angebote|mails|langganan|berlangganan|notifikasi|iklan|broadcast|pesan (?:promo|iklan|lagi|wa|whatsapp)|kirim pesan)(?!\p{L})/iu;

/**
 * Whether the shopper cancels their appointment: a cancelling word with the appointment named, or alone in a short
 * message. A cancelling word about a subscription, messages or offers ("cancel my subscription") opts out instead.
 */
export function wantsToCancel(text: string): boolean {
  if (!cancelWords.test(text)) return false;
  if (appointmentWords.test(text)) return true;
  return !subscriptionWords.test(text) && text.trim().split(/\s+/).length <= 4;
}
