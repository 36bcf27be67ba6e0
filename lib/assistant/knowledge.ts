import { and, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { knowledgeEntries, type KnowledgeTopic } from "@/db/schema";
import type { Lang } from "./types";
import { asksForPhotos } from "./understand/answers";

export type KnowledgeHit = { id: string; language: Lang; topic: KnowledgeTopic; title: string; body: string; score: number };

// Words that say nothing about which policy is meant: function words of the five languages, the
// dealer's everyday vocabulary (price, including), units of time and money ("6 bulan" is in a warranty and a loan alike), and generic opening-hours words (so "when are you open?" stays an
// opening-hours answer while "open at Christmas?" finds the holiday entry by "Christmas").
const stopWords = new Set(`
  de het een en of van voor met bij naar over ook nog wel niet geen dat die dit deze wat wie hoe waar wanneer waarom welke
  ik je jij u uw we wij jullie ze zij hun mijn onze kan kun kunt kunnen wil wilt willen moet moeten mag heb hebt heeft hebben
  ben bent zijn is was krijg krijgt krijgen lang hoeveel graag even dan als maar want omdat erg heel veel
  og eller av til fra med ved ikke som det den dette hva hvem hvordan hvor hvorfor hvilken jeg dere deg meg vi har kan vil
  skal må får gjelder lenge mye hei
  der die das ein eine einen und oder von für mit bei nach über auch noch nicht kein dass was wer wie wo wann warum welche
  ich sie wir ihr ihre mein unser kann können will wollen muss müssen habe haben hat bin sind ist bekomme bekommt lange viel
  the a an and or of for with at to from about also not no that this what who how where when why which
  you your we our can could will would must have has had get gets got long much many does do did are is was please
  yang dan atau dari untuk dengan di ke ini itu apa siapa bagaimana gimana mana kapan kenapa berapa saya aku kamu anda
  kami kita bisa mau ada tidak nggak gak dong ya sih kak min lama hari dagen tage dager days sampai sampe
  auto autos bil bilen biler wagen mobil car cars dealer garage showroom jullie
  maand maanden jaar jaren month months year years monat monate monaten jahr jahre jahren måned måneder bulan tahun
  juta ribu euro kroner rupiah eerste tweede first second erste zweite første andre pertama kedua
  prijs prijzen price prices preis preise pris priser harga inclusief inclusive including inklusive inkludert termasuk
  exclusief exclusive exklusive eksklusiv kost kosten koster kostet cost costs biaya mnd
`.split(/\s+/).filter(Boolean));
// "jam" (Indonesian for hour) only as a word: "jaminan" is a warranty.
const genericPrefixes = /^(?:open|geopend|åpen|åpn|öffn|geöffn|offen|buka|tutup|hours|uur|tijd|zeit|time|waktu)|^jam$/;

const MAX_TERMS = 8;
// A term matches an inflected form too ("garanti" ~ "garantie", "kerst" ~ "kerstdagen"). A long compound keeps more of
// itself: "bedrijfswagens" cut to "bedrijf" would find any entry that mentions a company.
const PREFIX_CHARS = 7;
const prefixOf = (word: string) => word.slice(0, word.length > PREFIX_CHARS + 2 ? word.length - 3 : PREFIX_CHARS);

/** The meaningful words of a question, as `simple` tsquery prefixes; empty when nothing is worth searching for. */
export function knowledgeTerms(text: string): string[] {
  const words = text.toLowerCase().normalize("NFC").split(/[^\p{L}\p{N}]+/u);
  const terms = words
    .filter((w) => w.length >= 4 && !/^\d+$/.test(w) && !stopWords.has(w) && !genericPrefixes.test(w))
    .map(prefixOf);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/**
 * Word beginnings that name a policy topic in the five languages. When no entry shares a word with the question (an
 * English "warranty" and a Dutch "garantie"), an entry of the topic the question names still answers it. Opening hours
 * are left out: a plain "when are you open?" has its own answer.
 */
const topicStems: [KnowledgeTopic, string[]][] = [
  ["warranty", ["garanti", "warrant", "guarante", "jaminan", "bergaransi", "gewährl"]],
  ["delivery", ["bezorg", "aflever", "thuisbez", "lever", "ophaal", "ophal", "deliver", "ship", "pickup", "liefer", "zustell", "abhol", "utlever", "hjemlever", "levering", "hente", "frakt", "versand", "pengirim", "dikirim", "kirim", "ongkir"]],
  ["documents", ["kenteken", "papier", "document", "dokument", "vognkort", "registr", "zulassung", "fahrzeugbrief", "paperwork", "logbook", "bpkb", "stnk"]],
  ["trade_in", ["inruil", "innbytt", "inzahlung", "tradein", "trade", "tukar"]],
  ["financing", ["financ", "finans", "lening", "kredit", "credit", "leasing", "cicil", "angsur"]],
];

/** The topics a question names by its words (see `topicStems`). */
export function questionTopics(text: string): KnowledgeTopic[] {
  // "Kirim foto dong": photos sent are no delivery, though "kirim" (to send) is how one asks for both.
  const photos = asksForPhotos(text);
  const words = text.toLowerCase().normalize("NFC").split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4 && !(photos && /^(?:di)?kirim/.test(w)));
  return topicStems.filter(([, stems]) => words.some((w) => stems.some((s) => w.startsWith(s)))).map(([topic]) => topic);
}

/** Whether a question has anything the dealer's entries could answer: a meaningful word or a named topic. */
export const mayAskDealerKnowledge = (text: string) => knowledgeTerms(text).length > 0 || questionTopics(text).length > 0;

const sumOf = (parts: SQL[]) => sql.join(parts, sql` + `);

async function rankedEntries(tx: Tx, tenantId: string, terms: string[], language: SQL | undefined) {
  const vector = knowledgeEntries.searchVector;
  const any = sql`to_tsquery('simple', ${terms.map((t) => `${t}:*`).join(" | ")})`;
  const hits = sumOf(terms.map((t) => sql`(${vector} @@ to_tsquery('simple', ${`${t}:*`}))::int`));
  const titleHits = sumOf(terms.map((t) => sql`(${vector} @@ to_tsquery('simple', ${`${t}:*A`}))::int`));
  return tx
    .select({
      id: knowledgeEntries.id, language: knowledgeEntries.language, topic: knowledgeEntries.topic, title: knowledgeEntries.title, body: knowledgeEntries.body,
      hits: sql<number>`(${hits})`.mapWith(Number), titleHits: sql<number>`(${titleHits})`.mapWith(Number),
    })
    .from(knowledgeEntries)
    .where(and(eq(knowledgeEntries.tenantId, tenantId), eq(knowledgeEntries.active, true), sql`${vector} @@ ${any}`, language))
    .orderBy(desc(sql`(${hits}) + 0.5 * (${titleHits})`), desc(knowledgeEntries.updatedAt))
    .limit(5);
}

/**
 * The dealer's own entries that answer a question: in the shopper's language first, then any other,
 * at most two. An entry counts only when enough of the question's words are in it, so an unrelated
 * question gets nothing rather than the nearest policy; failing that, one entry of a topic the question
 * names in any of the five languages (`topicStems`).
 */
export async function searchKnowledge(tx: Tx, tenantId: string, text: string, lang: Lang, limit = 2): Promise<KnowledgeHit[]> {
  const terms = knowledgeTerms(text);
  const topics = questionTopics(text);
  if (terms.length === 0 && topics.length === 0) return [];
  // One word of a short question is enough; longer questions need a third of their words to match.
  const needed = Math.max(1, Math.ceil(terms.length / 3));
  const pick = (rows: Awaited<ReturnType<typeof rankedEntries>>) => {
    const scored = rows.map((r) => ({ ...r, score: r.hits + 0.5 * r.titleHits })).filter((r) => r.hits >= needed);
    const best = scored[0]?.score ?? 0;
    return scored.filter((r) => r.score >= best * 0.6).slice(0, limit)
      .map(({ id, language, topic, title, body, score }) => ({ id, language: language as Lang, topic, title, body, score }));
  };
  if (terms.length) {
    const own = pick(await rankedEntries(tx, tenantId, terms, eq(knowledgeEntries.language, lang)));
    if (own.length) return own;
    const other = pick(await rankedEntries(tx, tenantId, terms, ne(knowledgeEntries.language, lang)));
    if (other.length) return other;
  }
  if (topics.length === 0) return [];
  // No shared word: the newest entry of the named topic, in the shopper's language, else English, else any.
  const rows = await tx.select({ id: knowledgeEntries.id, language: knowledgeEntries.language, topic: knowledgeEntries.topic, title: knowledgeEntries.title, body: knowledgeEntries.body })
    .from(knowledgeEntries)
    .where(and(eq(knowledgeEntries.tenantId, tenantId), eq(knowledgeEntries.active, true), inArray(knowledgeEntries.topic, topics)))
    .orderBy(desc(sql`${knowledgeEntries.language} = ${lang}`), desc(sql`${knowledgeEntries.language} = 'en'`), desc(knowledgeEntries.updatedAt))
    .limit(1);
  return rows.map((r) => ({ ...r, language: r.language as Lang, score: 1 }));
}

const MAX_FACT_CHARS = 480;

/** An entry as one WhatsApp-sized fact: the title in bold, the text cut at a sentence end when long. */
export function knowledgeFact(hit: Pick<KnowledgeHit, "title" | "body">): string {
  const body = hit.body.trim().replace(/\n{3,}/g, "\n\n");
  if (body.length <= MAX_FACT_CHARS) return `*${hit.title.trim()}*\n${body}`;
  const cut = body.slice(0, MAX_FACT_CHARS);
  const end = Math.max(cut.lastIndexOf(". "), cut.lastIndexOf(".\n"), cut.lastIndexOf("! "), cut.lastIndexOf("? "));
  return `*${hit.title.trim()}*\n${end > MAX_FACT_CHARS / 2 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`}`;
}
