import { describe, expect, it } from "vitest";
import { buildSystemPrompt } from "@/lib/assistant/prompt";
import { composeReply, phrasesFor, type TenantForReply } from "@/lib/assistant/replies/index";
import { greetingProblem, handoverKeywordIn, replyTone } from "@/lib/assistant/rules";
import { addressForm, formalAfter } from "@/lib/assistant/understand";
import { languages } from "@/lib/assistant/types";
import type { Tenant } from "@/lib/tenancy";

const nl: TenantForReply = { name: "Autohuis Van Dijk", locale: "nl-NL", currency: "EUR", timeZone: "Europe/Amsterdam" };
const id: TenantForReply = { name: "Showroom Mobil Surabaya", locale: "id-ID", currency: "IDR", timeZone: "Asia/Jakarta" };
const strings = (lang: (typeof languages)[number], tone: "friendly" | "formal") =>
  Object.entries(phrasesFor(lang, tone)).filter((e): e is [string, string] => typeof e[1] === "string");

describe("the dealer's tone", () => {
  it("formal Indonesian says Bapak/Ibu, never kak, in every sentence", () => {
    expect(strings("id", "friendly").some(([, s]) => /\bkak(ak)?\b/i.test(s))).toBe(true);
    for (const [key, s] of strings("id", "formal")) expect(s, key).not.toMatch(/\bkak(ak)?\b/i);
    expect(composeReply({ lang: "id", intent: "greeting", tenant: { ...id, tone: "formal" } })).toBe(
      "Selamat datang di *Showroom Mobil Surabaya*, Bapak/Ibu.\n\nMobil seperti apa yang Bapak/Ibu cari? Silakan sebutkan anggaran, tipe atau merek, saya akan segera memeriksa stok kami.",
    );
  });

  it("formal Dutch and German address the shopper as u and Sie, never je or du", () => {
    for (const [key, s] of strings("nl", "formal")) expect(s, key).not.toMatch(/\b(je|jij|jouw|hoi)\b/i);
    for (const [key, s] of strings("de", "formal")) expect(s, key).not.toMatch(/\b(du|dich|dir|dein)\b/i);
    expect(composeReply({ lang: "nl", intent: "greeting", tenant: { ...nl, tone: "formal" } })).toMatch(/^Goedendag! Welkom bij \*Autohuis Van Dijk\*\.\n\nWat voor auto zoekt u\?/);
    expect(composeReply({ lang: "de", intent: "handover", tenant: { ...nl, tone: "formal" } })).toMatch(/bei Ihnen zu melden/);
  });

  it("friendly Dutch and German address the shopper as je and du, never u or Sie", () => {
    for (const [key, s] of strings("nl", "friendly")) expect(s, key).not.toMatch(/\b(u|uw|uwe)\b/i);
    // "sie"/"ihr" in lower case are "she", "they" and "her": only the capitalised forms address the shopper.
    for (const [key, s] of strings("de", "friendly")) expect(s, key).not.toMatch(/\b(Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer)\b/);
    expect(composeReply({ lang: "nl", intent: "greeting", tenant: nl })).toMatch(/\n\nWat voor auto zoek je\?/);
    expect(composeReply({ lang: "de", intent: "handover", tenant: nl })).toMatch(/bei dir zu melden/);
  });

  it("formal English and Norwegian drop the casual openers; friendly stays as it was", () => {
    expect(composeReply({ lang: "en", intent: "greeting", tenant: { ...nl, tone: "formal" } })).toMatch(/^Good day, and welcome to \*Autohuis Van Dijk\*\./);
    expect(composeReply({ lang: "nb", intent: "thanks", tenant: { ...nl, tone: "formal" } })).toMatch(/^Takk for henvendelsen/);
    expect(composeReply({ lang: "nl", intent: "greeting", tenant: nl })).toMatch(/^Hoi! Welkom bij/);
    expect(composeReply({ lang: "id", intent: "thanks", tenant: { ...id, tone: "friendly" } })).toMatch(/kak/);
  });

  it("every language has the formal greeting, hand-over and thanks", () => {
    for (const lang of languages) {
      for (const key of ["greeting", "handover", "thanks"] as const) expect(phrasesFor(lang, "formal")[key], `${lang} ${key}`).not.toBe(phrasesFor(lang, "friendly")[key]);
    }
  });
});

describe("the shopper's register", () => {
  it.each([
    ["Heeft u ook bestelbussen?", "nl", "formal"],
    ["Kunt u mij uw adres sturen?", "nl", "formal"],
    ["heb je een automaat?", "nl", "informal"],
    ["Hebben jullie een automaat?", "nl", null],
    ["Haben Sie einen Kombi?", "de", "formal"],
    ["Wann passt es Ihnen?", "de", "formal"],
    ["Hast du einen Kombi?", "de", "informal"],
    ["habt ihr einen kombi?", "de", null],
    ["Har du en elbil?", "nb", null],
    ["Do you have a Golf?", "en", null],
  ] as const)("%s → %s", (text, lang, form) => expect(addressForm(text, lang)).toBe(form));

  it("is kept until the shopper switches, and makes a friendly dealer's replies formal", () => {
    expect(formalAfter(undefined, "Heeft u een Golf?", "nl")).toBe(true);
    expect(formalAfter(true, "En een diesel?", "nl")).toBe(true);
    expect(formalAfter(true, "Zeg maar je hoor", "nl")).toBe(false);
    expect(formalAfter(undefined, "En een diesel?", "nl")).toBeUndefined();
    expect(replyTone("friendly", { formal: true })).toBe("formal");
    expect(replyTone("friendly", { formal: false })).toBe("friendly");
    expect(replyTone("friendly", {})).toBe("friendly");
    // A formal dealer stays formal with a shopper who says "je".
    expect(replyTone("formal", { formal: false })).toBe("formal");
  });
});

describe("the dealer's own greeting", () => {
  const greeting = "Welkom bij {dealer}, al 40 jaar jouw autobedrijf in Utrecht!";
  it("replaces the standard greeting, with the dealer's name filled in, for shoppers in the dealer's language", () => {
    const text = composeReply({ lang: "nl", intent: "greeting", tenant: { ...nl, greeting } });
    expect(text).toMatch(/^Welkom bij Autohuis Van Dijk, al 40 jaar jouw autobedrijf in Utrecht!\n\nWat voor auto zoek je\?/);
  });

  it("shoppers in another language get the standard greeting in theirs", () => {
    expect(composeReply({ lang: "en", intent: "greeting", tenant: { ...nl, greeting } })).toMatch(/^Hi! Welcome to \*Autohuis Van Dijk\*\./);
  });

  it("refuses placeholders other than {dealer} and greetings that name cars or prices", () => {
    expect(greetingProblem(greeting)).toBeNull();
    expect(greetingProblem("Hallo {naam}, welkom!")).toMatch(/\{naam\}/);
    expect(greetingProblem("Welkom! Vandaag de Toyota Yaris voor € 9.999")).toMatch(/live stock/);
    expect(greetingProblem("Welkom! Vraag naar #A01")).toMatch(/live stock/);
  });
});

describe("hand-over keywords", () => {
  it("match whole words and phrases, ignoring case and accents", () => {
    const keywords = ["klacht", "advocaat", "met de eigenaar"];
    expect(handoverKeywordIn("Ik heb een KLACHT over de auto", keywords)).toBe("klacht");
    expect(handoverKeywordIn("Ik wil  met de   eigenaar spreken", keywords)).toBe("met de eigenaar");
    expect(handoverKeywordIn("klachtenformulier graag", keywords)).toBeNull();
    expect(handoverKeywordIn("Je veux parler à un avocat", ["avocát"])).toBe("avocát");
    expect(handoverKeywordIn("Heeft u een automaat?", [])).toBeNull();
  });
});

describe("the Claude system prompt", () => {
  const tenant = (assistant: NonNullable<Tenant["settings"]["assistant"]>) =>
    ({ name: "Autohuis Van Dijk", locale: "nl-NL", currency: "EUR", settings: { assistant } }) as Tenant;
  const facts = { ...nl, address: "Stationsweg 12, Utrecht", mapsUrl: "https://maps.example", openingHoursText: "ma–vr 9–18", tone: "friendly" as const, greeting: null };

  it("carries the tone, the greeting with the dealer's name and the negotiation rule", () => {
    const formal = buildSystemPrompt(tenant({ tone: "formal", greeting: "Goedendag, welkom bij {dealer}!", handoverOnNegotiation: false }), facts);
    expect(formal).toMatch(/Style: polite and formal: Dutch "u", German "Sie", Indonesian "Bapak\/Ibu"/);
    expect(formal).toContain(`"Goedendag, welkom bij Autohuis Van Dijk!" (written in Dutch; translate it`);
    expect(formal).toMatch(/negotiate the price, give the asking price .* do not hand over for that alone/);
    const friendly = buildSystemPrompt(tenant({}), facts);
    expect(friendly).toMatch(/Style: warm, friendly and brief: Dutch "je", German "du", Indonesian "kak"/);
    expect(friendly).not.toMatch(/own greeting/);
    expect(friendly).toMatch(/hand_over when the shopper asks for a person, wants to negotiate the price/);
  });
});
