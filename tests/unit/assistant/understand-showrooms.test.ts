import { describe, expect, it } from "vitest";
import { findShowroomMention, understandMessage } from "@/lib/assistant/understand";

const dealer = "Autohuis Van Dijk";
const showrooms = [
  { id: "main", name: "Autohuis Van Dijk", city: "Amsterdam" },
  { id: "utrecht", name: "Autohuis Van Dijk Utrecht", city: "Utrecht" },
  { id: "zuid", name: "Showroom Zuid", city: "Den Bosch" },
];
const named = (text: string, list = showrooms) => findShowroomMention(text, list, dealer)?.id ?? null;

describe("which showroom the shopper names", () => {
  it.each([
    ["nl", "Kan ik zaterdag een proefrit maken in Utrecht?", "utrecht"],
    ["nl", "Ik kom liever naar jullie vestiging in Den Bosch", "zuid"],
    ["nb", "Kan jeg prøvekjøre bilen hos dere i Amsterdam?", "main"],
    ["id", "Mau test drive di cabang Utrecht ya kak", "utrecht"],
    ["en", "Can I come to Showroom Zuid on Saturday?", "zuid"],
    ["de", "Ich möchte eine Probefahrt in der Filiale Zuid machen", "zuid"],
    ["de", "Probefahrt bei Autohuis Van Dijk Utrecht, geht das?", "utrecht"],
  ])("%s: %s", (_lang, text, id) => expect(named(text)).toBe(id));

  it("ignores case, accents and punctuation", () => {
    expect(named("UTRECHT!!")).toBe("utrecht");
    expect(findShowroomMention("vi ses i tromsø", [{ name: "Fjord Bil Tromsø", city: "Tromsø" }, { name: "Fjord Bil Oslo", city: "Oslo" }], "Fjord Bil")?.city).toBe("Tromsø");
    expect(findShowroomMention("i Tromso", [{ name: "Fjord Bil Tromsø", city: "Tromsø" }])?.city).toBe("Tromsø");
  });

  it("the dealer's own name, a word inside another word or no showroom at all names none", () => {
    expect(named("Hoi Autohuis Van Dijk, is de Golf er nog?")).toBeNull();
    expect(named("Ik zoek een zuidelijke route")).toBeNull();
    expect(named("Welke vestigingen hebben jullie?")).toBeNull();
  });

  it("two showrooms in the same city are no answer by city, but are by name", () => {
    const twins = [{ id: "a", name: "Garage Noord", city: "Utrecht" }, { id: "b", name: "Garage Oost", city: "Utrecht" }];
    expect(named("in Utrecht", twins)).toBeNull();
    expect(named("bij Garage Oost in Utrecht", twins)).toBe("b");
  });

  it("only the showrooms passed in can match: another dealer's branch name is never found", () => {
    expect(named("Kan ik in Rotterdam Noord langskomen?")).toBeNull();
    expect(findShowroomMention("Kan ik in Rotterdam Noord langskomen?", [{ name: "Rotterdam Noord", city: "Rotterdam" }])).not.toBeNull();
  });

  it.each([
    ["welke vestiging?", "nl"], ["Waar zijn jullie?", "nl"], ["hvor holder dere til?", "nb"], ["di mana lokasinya?", "id"], ["which location?", "en"],
    ["where are you?", "en"], ["Welcher Standort ist am nächsten?", "de"],
  ])("'%s' asks where the dealer is", (text, lang) => {
    const u = understandMessage(text, { defaultLang: "en", now: new Date("2026-03-02T07:00:00Z"), timeZone: "Europe/Amsterdam" });
    expect(u.intents[0]).toBe("location");
    expect(u.language).toBe(lang);
  });
});
