import type { TenantSettings } from "@/db/schema";
import { checkGrounding } from "./grounding";

export type Tone = "friendly" | "formal";

/** How the dealer wants the assistant to talk and when it must hand over, with the product's defaults filled in. */
export type AssistantRules = {
  tone: Tone;
  /** The dealer's own opening line, with `{dealer}` for the dealership's name; null for the standard one. */
  greeting: string | null;
  handoverKeywords: string[];
  handoverOnNegotiation: boolean;
};

export function assistantRules(settings: TenantSettings): AssistantRules {
  const a = settings.assistant ?? {};
  return {
    tone: a.tone === "formal" ? "formal" : "friendly",
    greeting: a.greeting?.trim() || null,
    handoverKeywords: a.handoverKeywords ?? [],
    handoverOnNegotiation: a.handoverOnNegotiation ?? true,
  };
}

/**
 * The register of one reply: the dealer's tone, except that a shopper who addressed us formally (Dutch "u", German
 * "Sie") is answered formally for the rest of the conversation, as a salesperson would (the memory's `formal`).
 */
export function replyTone(dealer: Tone, memory: { formal?: boolean }): Tone {
  return dealer === "formal" || memory.formal ? "formal" : "friendly";
}

// Case and accents do not matter ("Klacht" = "klacht", "advocaat" = "advocaat"), whole words only ("rente" is not in "parenteel").
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The first of the dealer's hand-over keywords the shopper used, if any. */
export function handoverKeywordIn(text: string, keywords: string[]): string | null {
  const folded = fold(text);
  for (const keyword of keywords) {
    const words = fold(keyword).trim().split(/\s+/).filter(Boolean).map(escape);
    if (!words.length) continue;
    if (new RegExp(`(?<![\\p{L}\\d])${words.join("\\s+")}(?![\\p{L}\\d])`, "u").test(folded)) return keyword;
  }
  return null;
}

/** Why a custom greeting cannot be saved, or null when it can. */
export function greetingProblem(greeting: string): string | null {
  const unknown = /\{(?!dealer\})[^}]*\}/.exec(greeting);
  if (unknown) return `Only {dealer} can be filled in; remove ${unknown[0]}.`;
  // Every reply passes the grounding check, so a greeting naming a car or a price would make every greeting fail.
  if (!checkGrounding(greeting.replaceAll("{dealer}", ""), { stock: [], currency: "EUR", locale: "en-GB" }).ok) {
    return "Leave car codes, models and prices out of the greeting: the assistant names cars only from your live stock.";
  }
  return null;
}
