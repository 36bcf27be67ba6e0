import { describe, expect, it } from "vitest";
import { askedSearch } from "@/lib/assistant/claude";
import type { ReplyMemory } from "@/lib/assistant/offline";
import { understandMessage } from "@/lib/assistant/understand";

const now = new Date("2026-03-11T09:00:00Z");
const fresh: ReplyMemory = { proposedCodes: [], offeredSlots: [], focusCode: null };
const asked = (text: string, memory = fresh) => askedSearch(text, understandMessage(text, { defaultLang: "nl", now, timeZone: "Europe/Amsterdam" }), memory);

describe("the search a question about cars comes with, before Claude's first call", () => {
  it.each([
    ["Hebben jullie een automaat onder de 20.000 euro?", { transmission: "automatic", maxPrice: 20000 }],
    ["Ada mobil matic di bawah 150 jt?", { transmission: "automatic", maxPrice: 150_000_000 }],
    ["Har dere en elbil?", { fuel: "electric" }],
    ["Wat kost de Golf?", { make: "Volkswagen", model: "Golf" }],
    ["Een BMW of een Audi?", { makes: ["BMW", "Audi"] }],
    ["Do you have something with a tow bar?", { features: ["towbar"] }],
  ])("%s", (text, filters) => expect(asked(text)).toEqual(filters));

  it("searches the newest cars for a question without filters, and only its search filters", () => {
    expect(asked("Welke auto's hebben jullie?")).toEqual({});
    const withDate = asked("Hebben jullie een Golf voor zaterdag?");
    expect(withDate).toEqual({ make: "Volkswagen", model: "Golf" });
  });

  it("narrows the last search when the message goes on with it", () => {
    const after = { ...fresh, proposedCodes: ["#A01", "#A02"], search: { transmission: "automatic" as const, maxPrice: 20000 }, cheapest: 11950 };
    expect(asked("En in het rood?", after)).toEqual({ transmission: "automatic", maxPrice: 20000, color: "red" });
    expect(asked("Heb je ook iets goedkopers?", after)).toEqual({ transmission: "automatic", maxPrice: 11949 });
    // A new search starts afresh.
    expect(asked("Ik zoek een diesel", after)).toEqual({ fuel: "diesel" });
  });

  it.each([
    ["Zijn jullie zaterdag open?"], ["Waar zitten jullie?"], ["Hallo!"], ["Bedankt"], ["Is de #A01 nog beschikbaar?"], ["Kan ik mijn auto inruilen?"],
  ])("%s: no search, the model decides", (text) => expect(asked(text)).toBeNull());
});
