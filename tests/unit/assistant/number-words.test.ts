import { describe, expect, it } from "vitest";
import { understandMessage } from "@/lib/assistant/understand";
import { numberWordsToDigits } from "@/lib/assistant/understand/number-words";
import type { Lang } from "@/lib/assistant/types";

describe("amounts written in words", () => {
  it.each([
    ["max twaalfduizend euro", "nl", "max 12000 euro"],
    ["een auto voor vijfentwintigduizend", "nl", "een auto voor 25000"],
    ["honderdvijftigduizend", "nl", "150000"],
    ["twintig mille", "nl", "20000"],
    ["unter zwanzigtausend Euro", "de", "unter 20000 Euro"],
    ["achtzehntausendfünfhundert", "de", "18500"],
    ["got anything for twenty grand or less?", "en", "got anything for 20000 or less?"],
    ["a hundred and fifty thousand", "en", "150000"],
    ["noe bra for rundt hundre og femti tusen?", "nb", "noe bra for rundt 150000?"],
    ["maks tre hundre tusen", "nb", "maks 300000"],
    ["ada mobil dibawah seratus juta?", "id", "ada mobil dibawah 100 juta?"],
    ["kak ada mobil dibawah 2 ratus jt yg matic", "id", "kak ada mobil dibawah 200 jt yg matic"],
    ["dua ratus lima puluh juta", "id", "250 juta"],
    ["budget 200an jt ada?", "id", "budget 200 jt ada?"],
  ] as const)("%s (%s) → %s", (text, lang, expected) => expect(numberWordsToDigits(text, lang as Lang)).toBe(expected));

  it.each([
    ["tot 18 duizend en een trekhaak", "nl", "tot 18 duizend en een trekhaak"],
    ["mellom 150 og 250 tusen", "nb", "mellom 150 og 250 tusen"],
    ["18 000 kr", "nb", "18 000 kr"],
    ["to biler", "nb", "to biler"],
    ["I have two kids and one dog", "en", "I have two kids and one dog"],
    ["een auto met vijf deuren", "nl", "een auto met vijf deuren"],
  ] as const)("leaves numbers that are no amount as they are: %s", (text, lang, expected) => expect(numberWordsToDigits(text, lang as Lang)).toBe(expected));

  it("gives the budget reader the amount", () => {
    const u = (text: string, defaultLang: Lang) => understandMessage(text, { defaultLang, now: new Date("2026-12-06T10:00:00Z"), timeZone: "Europe/Amsterdam", knownModels: [] });
    expect(u("hallo ik zoek een auto voor mijn dochter, max twaalfduizend euro", "nl").entities.maxPrice).toBe(12000);
    expect(u("kak ada mobil dibawah 2 ratus jt yg matic", "id").entities).toMatchObject({ maxPrice: 200_000_000, transmission: "automatic" });
    expect(u("Hallo, habt ihr einen Automatik unter zwanzigtausend Euro?", "de").entities.maxPrice).toBe(20000);
  });
});
