import { describe, expect, it } from "vitest";
import { detectLanguage } from "@/lib/assistant/understand";

describe("language of short WhatsApp messages", () => {
  it.each([
    ["Hebben jullie nog een automaat?", "nl"],
    ["is de golf er nog", "nl"],
    ["Hei! Har dere en elbil?", "nb"],
    ["Åpningstider i dag?", "nb"],
    ["Gibt es einen Kombi mit Automatik?", "de"],
    ["Können Sie mich zurückrufen?", "de"],
    // Shoppers who say "du" write German as often as Norwegian; the rest of the message decides.
    ["Hast du Fotos?", "de"],
    ["Kannst du mich anrufen?", "de"],
    ["Schickst du mir Bilder?", "de"],
    ["Har du en elbil til meg?", "nb"],
    ["Kan du ringe meg i morgen?", "nb"],
    ["do you have any automatic cars?", "en"],
    ["where are you located?", "en"],
    ["ada avanza matic?", "id"],
    ["makasih kak 🙏", "id"],
  ] as const)("%s → %s", (text, lang) => expect(detectLanguage(text, "en").lang).toBe(lang));

  it("keeps the conversation's language for a message with words of it and of another, and switches on a clear lead", () => {
    // "oke", "dan" and "om" are Indonesian words too.
    expect(detectLanguage("oke dan morgen om half 4", "nl").lang).toBe("nl");
    expect(detectLanguage("oke dan besok jam 4", "id").lang).toBe("id");
    expect(detectLanguage("ada mobil matic di bawah 150 juta?", "nl").lang).toBe("id");
    expect(detectLanguage("Do you have it in red?", "nl").lang).toBe("en");
    expect(detectLanguage("Hebben jullie die ook in het rood?", "en").lang).toBe("nl");
  });

  it("leaves words every language uses for cars to the conversation's language", () => {
    for (const lang of ["nl", "de", "id", "en", "nb"] as const) {
      expect(detectLanguage("golf diesel", lang).lang).toBe(lang);
      expect(detectLanguage("yaris hybrid?", lang).lang).toBe(lang);
    }
    expect(detectLanguage("Har dere en diesel?", "nl").lang).toBe("nb");
  });

  it("accepts Norwegian whether the conversation is set to nb or not", () => {
    expect(detectLanguage("Tusen takk for hjelpen!", "nl").lang).toBe("nb");
  });

  it.each(["ok", "#A01", "A03", "👍", "hi", "Hallo", "123"])("keeps the conversation's language for %s", (text) => {
    expect(detectLanguage(text, "nb").lang).toBe("nb");
    expect(detectLanguage(text, "id").lang).toBe("id");
  });
});
