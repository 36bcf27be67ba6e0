import type { Lang } from "../types";

// How the shopper addresses the dealer where the language has two registers. "jullie" and lower-case "ihr" speak to
// the whole dealership and say nothing about the register; a capitalised "Sie" or "Ihnen" mid-chat is the polite form.
const forms: Partial<Record<Lang, { formal: RegExp; informal: RegExp }>> = {
  nl: { formal: /(?<![\p{L}'])(u|uw|uwe)(?![\p{L}'])/iu, informal: /(?<![\p{L}'])(je|jij|jou|jouw)(?![\p{L}'])/iu },
  de: { formal: /(?<!\p{L})(Sie|Ihnen|Ihre?[mnrs]?)(?!\p{L})/u, informal: /(?<!\p{L})(du|dich|dir|dein(?:e[mnrs]?)?)(?!\p{L})/iu },
};

/** "formal" for a shopper who says "u" or "Sie", "informal" for "je" or "du", null when the message does not tell. */
export function addressForm(text: string, lang: Lang): "formal" | "informal" | null {
  const f = forms[lang];
  if (!f) return null;
  if (f.formal.test(text)) return "formal";
  return f.informal.test(text) ? "informal" : null;
}

/** Whether to keep answering formally after this message: set by "u"/"Sie", cleared by "je"/"du", else as before. */
export function formalAfter(before: boolean | undefined, text: string, lang: Lang): boolean | undefined {
  const said = addressForm(text, lang);
  return said === null ? before : said === "formal";
}
