import type { Tone } from "../../rules";
import type { Lang } from "../../types";
import { de } from "./de";
import { en } from "./en";
import { formal } from "./formal";
import { id } from "./id";
import { nb } from "./nb";
import { nl } from "./nl";
import type { Phrases } from "./types";

export type { Phrases } from "./types";

export const phrases: Record<Lang, Phrases> = { en, nl, nb, de, id };

const formalPhrases = Object.fromEntries(Object.entries(phrases).map(([lang, p]) => [lang, { ...p, ...formal[lang as Lang] }])) as Record<Lang, Phrases>;

/** The sentences for one language in the dealer's tone (friendly unless set to formal). */
export function phrasesFor(lang: Lang, tone: Tone = "friendly"): Phrases {
  return tone === "formal" ? formalPhrases[lang] : phrases[lang];
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}
