import type { Lang } from "./types";

// Short, frequent words that tell the languages apart in chat-length messages.
const markers: Record<Lang, string[]> = {
  nl: ["ik", "je", "jullie", "een", "het", "de", "is", "zijn", "heb", "hebben", "wat", "welke", "nog", "onder", "graag", "kan", "mag", "auto", "proefrit", "hoeveel", "kost", "niet", "ook", "voor", "met", "en", "van", "zaterdag", "morgen", "bedankt", "dank", "hoi", "hallo", "goedemiddag", "automaat", "beschikbaar", "euro", "tot", "wil", "graag", "kunnen", "wanneer", "waar", "open"],
  nb: ["jeg", "du", "dere", "en", "et", "er", "har", "hva", "hvilke", "fortsatt", "under", "gjerne", "kan", "bil", "bilen", "prøvekjøre", "prøvetur", "hvor", "mye", "koster", "ikke", "også", "til", "med", "og", "av", "lørdag", "i morgen", "takk", "hei", "elbil", "automatgir", "tilgjengelig", "kr", "kroner", "vil", "når", "åpent", "noen", "finnes", "i", "hvit", "svart", "dere", "hvilken", "pris", "kjøpe", "prøve", "bilene", "elbiler"],
  de: ["ich", "sie", "ihr", "ein", "eine", "der", "die", "das", "ist", "haben", "habe", "was", "welche", "noch", "unter", "gerne", "kann", "auto", "probefahrt", "wie", "viel", "kostet", "nicht", "auch", "für", "mit", "und", "von", "samstag", "morgen", "danke", "hallo", "guten", "automatik", "verfügbar", "euro", "bis", "möchte", "wann", "wo", "geöffnet", "gibt", "es"],
  en: ["i", "you", "a", "an", "the", "is", "are", "have", "do", "what", "which", "still", "under", "please", "can", "car", "cars", "test", "drive", "how", "much", "cost", "not", "also", "for", "with", "and", "of", "saturday", "tomorrow", "thanks", "thank", "hello", "hi", "automatic", "available", "any", "want", "when", "where", "open", "looking", "budget"],
  id: ["saya", "aku", "kamu", "kak", "ada", "apa", "yang", "masih", "di", "bawah", "tolong", "bisa", "mobil", "test", "berapa", "harga", "tidak", "gak", "juga", "untuk", "dengan", "dan", "dari", "sabtu", "besok", "terima", "kasih", "halo", "matic", "tersedia", "jt", "juta", "mau", "kapan", "dimana", "buka", "pak", "bu", "gan", "dong", "nya", "cari", "kredit", "dp"],
};

const strongChars: [RegExp, Lang][] = [[/[æøå]/i, "nb"], [/[äöüß]/i, "de"], [/\b(ij|oe|ui)\w*/i, "nl"]];

/** The language of a shopper's message; short or ambiguous text keeps the conversation's language. */
export function detectLanguage(text: string, fallback: Lang): Lang {
  const words = text.toLowerCase().normalize("NFC").match(/[\p{L}]+/gu) ?? [];
  if (words.length === 0) return fallback;
  const scores = new Map<Lang, number>();
  for (const lang of Object.keys(markers) as Lang[]) {
    const set = new Set(markers[lang]);
    scores.set(lang, words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0));
  }
  for (const [re, lang] of strongChars) if (re.test(text)) scores.set(lang, (scores.get(lang) ?? 0) + 1.5);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best[1] === 0) return fallback;
  if (best[1] === second[1]) return ranked.some(([l, s]) => l === fallback && s === best[1]) ? fallback : best[0];
  if (best[1] < 1.5 && words.length <= 2) return (scores.get(fallback) ?? 0) > 0 ? fallback : best[0];
  return best[0];
}
