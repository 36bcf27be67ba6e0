import type { Lang } from "../types";

// Frequent chat words per language. A word listed for several languages counts for each, split: words every
// language uses for cars ("diesel", "hybrid") are in all five, so they leave the conversation's language as it is.
const markers: Record<Lang, string> = {
  nl: `ik je jij jouw u jullie een het de is zijn heb hebben heeft wat welke nog onder graag kan kun kunt mag auto autos auto's
    proefrit hoeveel kost kosten niet ook voor met en van zaterdag zondag maandag dinsdag woensdag donderdag vrijdag morgen
    overmorgen vandaag bedankt dank hoi hallo goedemorgen goedemiddag goedenavond automaat beschikbaar euro tot wil willen
    wanneer waar open zoek zoeken er naar bij dat deze die dit mijn mij me ook nee ja jawel prima oké kunnen komen langskomen
    oke okee half inruilen inruil financieren financiering afbetalen maand per bouwjaar kilometerstand km-stand zwart wit grijs blauw rood
    zilver groen adres openingstijden spreken iemand verkoper medewerker alstublieft aub svp bedankt hartelijk welk hoe laat
    uur om rond mille duizend vanaf nieuwer minder dan benzine elektrisch hybride stationwagen zitter bestelbus handgeschakeld
    schakel gezin leuke mooie goede prijs korting afspraak bezichtigen even zijn nou toch wel diesel hybrid`,
  nb: `jeg du dere en et er har hva hvilke hvilken fortsatt gjerne kan bil bilen biler bilene prøvekjøre prøvekjøring prøvetur
    hvor mye koster ikke også til med og av lørdag søndag mandag tirsdag onsdag torsdag fredag takk tusen hei heisann elbil
    elbiler automatgir tilgjengelig kr kroner vil når åpent åpningstider noen finnes hvit svart grå blå rød sølv grønn
    pris kjøpe prøve ser etter leter meg min mitt mine på innbytte bytte inn finansiering lån månedlig måned maks budsjett
    mellom og nyere enn eldre fra årsmodell kjørt mil stasjonsvogn varebil seter bensin diesel selger snakke person ringe
    adresse ligger dere i dag morgen overmorgen kl klokka ja nei greit flott hvordan kanskje kunne skal hybrid`,
  de: `ich du dich dir dein deine hast kannst bist mich schick schickst sie ihr ein eine einen der die das ist sind haben habe hat was welche welcher noch unter gerne kann können auto autos
    probefahrt wie viel kostet kosten nicht auch für mit und von samstag sonntag montag dienstag mittwoch donnerstag freitag
    morgen übermorgen heute danke dankeschön hallo guten tag automatik verfügbar euro bis möchte möchten wann wo geöffnet
    öffnungszeiten gibt es suche suchen mein meine meinen mir bitte ja nein schwarz weiß weiss grau blau rot silber grün
    finanzierung finanzieren monatlich monat rate inzahlung nehmen baujahr kilometer tausend höchstens maximal zwischen neuer
    als älter ab uhr um adresse mitarbeiter verkäufer sprechen rückruf kombi benziner schaltgetriebe elektro preis nachlass
    termin vorbeikommen besichtigen wagen fahrzeug gebraucht einem einer uns finden finde ihren ihrem standort diesel hybrid`,
  en: `i you a an the is are have has do does what which still under please can could car cars test drive how much cost costs
    not also for with and of saturday sunday monday tuesday wednesday thursday friday tomorrow today thanks thank hello hi hey
    automatic available any want when where open looking budget my me is it there got need would like see price below less than
    or newer older up to around between mileage year black white grey gray silver blue red green trade in finance monthly
    per month loan talk speak person someone human call address opening hours manual petrol electric hybrid estate seater
    am pm at about this that good great ok okay yes no much many your you're i'm we do does cheap cheaper best deal diesel`,
  id: `saya aku kamu kak kakak ada apa yang masih di bawah dibawah tolong bisa mobil berapa harga tidak gak ga nggak enggak juga
    untuk dengan dan dari sabtu minggu senin selasa rabu kamis jumat besok lusa hari ini terima kasih makasih halo matic
    tersedia jt juta rb ribu mau kapan dimana mana buka pak bu gan om dong nya cari kredit dp cicilan angsuran bulan tahun
    warna hitam putih abu merah biru silver unit ready stok stock boleh lihat datang jam siang sore pagi malam bicara sales
    orang tukar tambah alamat lokasi showroom keluarga listrik bensin manual budget sekitar kurang lebih murah nego diskon
    pas sudah belum udah hi gimana bagaimana kalau kalo atau sama ya iya oke ok sip mas mbak tipe km an diesel hybrid`,
};

const wordSets = Object.fromEntries(
  (Object.keys(markers) as Lang[]).map((l) => [l, new Set(markers[l].split(/\s+/).filter(Boolean))]),
) as Record<Lang, Set<string>>;

const allLangs = Object.keys(markers) as Lang[];

// Everyday words that sit one typo away from a car name ("prijs"~Prius, "carry"~Camry, "raise"~Raize), by language:
// English, Dutch, German, Norwegian, Indonesian (found by running every word of a spelling dictionary through the typo
// matcher; for Indonesian, the words a shopper writes, not rare ones likelier to be a misspelt name, such as "pasat").
const lookalikes = new Set(`prijs raise carry civil scale micro cherry sonnet aroma create extra model jumps hondo terima kasih sabtu
  zeker naval captive infinite infinity crude pesta grant
  range ranges ranged anger danger hanger manger ringer ranker start shift arena traffic tragic transmit sonic tonic tonal
  candy daddy paddy yards yarns living ruling merry cares caress fortune exceed capture crafted crater printer proceeds
  shortage siesta tango bingo vista titan exile scalp scald scaly grants vests sander sanders magnate sigma twinge stoic
  pries lambs limbo mambo baron bacon baton bayou rayon campy chewy cheery craze maize nexus plexus rafter rioter sifter
  drifter smarts swifts toucan tourney wrangle wrangled civics confer cortex epsilon astray astral lyric pander portage splinter
  enige langer zonet passant rangen zanger mekka monde monden nissen prins primus sprinten totale veste versta
  balen begane corso doble lifter ranze refter siena smakt smalt springer stift taiga tournee transporten vanger varens
  passt sonst musst spart arten ewige smarte sonnt pranger vegane reize morsche forsche sprinte sprintet
  snart ganger sanger fanger skift skala smala sonen soner synet sovet sovnet tomta vekta passet skada termos krona
  januar testa solet passa festa henda holda handa nesta rangere rangert smurt smert halal grata trios prigs jimmy dacha ducat labia copra
  baris garis laris nyaris paris waris makan macam mapan matan mitra lansia kadar nisan balon guling suling musang catur
  sastra soket bonet fobia tonase senta griya ronda komando hafal haris kamil megan manda maman sandera vespa camar`.split(/\s+/));

export function isCommonWord(word: string): boolean {
  return lookalikes.has(word.toLowerCase()) || isChatWord(word);
}

/** Whether a word is one of the frequent chat words of the five languages (not counting `lookalikes`). */
export function isChatWord(word: string): boolean {
  const w = word.toLowerCase();
  return allLangs.some((l) => wordSets[l].has(w));
}

// Spelling that only one of the five languages uses, weighted like a strong word.
const spelling: [RegExp, Lang, number][] = [
  [/[æøå]/i, "nb", 2],
  [/[äöüß]/i, "de", 2],
  [/\b\w*(ij|oe|aa)\w*\b/i, "nl", 0.5],
  [/\b\w+(nya|kan|lah)\b/i, "id", 1],
  [/\b\w+(ung|keit|lich)\b/i, "de", 0.5],
];

function scoreWords(words: string[]): Map<Lang, number> {
  const scores = new Map<Lang, number>(allLangs.map((l) => [l, 0]));
  for (const w of words) {
    const owners = allLangs.filter((l) => wordSets[l].has(w));
    for (const l of owners) scores.set(l, scores.get(l)! + 1 / owners.length);
  }
  return scores;
}

/** The language of a shopper's message; short or ambiguous text keeps the conversation's language. */
export function detectLanguage(text: string, fallback: Lang): { lang: Lang; certainty: number } {
  const words = text.toLowerCase().normalize("NFC").match(/(?<![\p{L}\d])[\p{L}']+(?![\p{L}\d])/gu) ?? [];
  if (words.length === 0) return { lang: fallback, certainty: 0 };
  const scores = scoreWords(words);
  for (const [re, lang, weight] of spelling) if (re.test(text)) scores.set(lang, scores.get(lang)! + weight);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [[best, top], [, second]] = ranked;
  // The conversation's language keeps a message with words of its own unless another leads by a whole word ("oke dan
  // morgen om half 4" is Dutch, though "oke", "dan" and "om" are Indonesian too).
  const own = scores.get(fallback)!;
  if (best !== fallback && own >= 1 && top - own < 1) return { lang: fallback, certainty: 0.3 };
  // A lead under one full distinctive word is too little to switch away from the conversation's language.
  if (top < 1 || top - second < 0.5) {
    const tied = ranked.filter(([, s]) => top - s < 0.5).map(([l]) => l);
    return { lang: tied.includes(fallback) || top < 1 ? fallback : best, certainty: 0.3 };
  }
  return { lang: best, certainty: Math.min(1, (top - second) / 2 + 0.5) };
}
