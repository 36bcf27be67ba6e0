import { describe, expect, it } from "vitest";
import { composeReply, formatMileage, formatPrice, MAX_REPLY_CHARS, type TenantForReply, type VehicleForReply } from "@/lib/assistant/replies/index";
import { languages } from "@/lib/assistant/types";

const nlTenant: TenantForReply = {
  name: "Autohuis Van Dijk", locale: "nl-NL", currency: "EUR", timeZone: "Europe/Amsterdam", address: "Stationsweg 12, Utrecht",
  mapsUrl: "https://maps.example/vandijk", openingHoursText: "ma–vr 09:00–18:00\nza 10:00–17:00",
};
const yaris: VehicleForReply = { code: "#A01", make: "Toyota", model: "Yaris", variant: "1.5 Hybrid", year: 2021, price: 18950, mileageKm: 45000, fuel: "hybrid", transmission: "automatic", url: "https://demo.example/cars/yaris" };
const picanto: VehicleForReply = { code: "#A02", make: "Kia", model: "Picanto", year: 2019, price: 11950, mileageKm: 61000, fuel: "petrol", transmission: "manual" };

describe("prices and mileage as each market writes them", () => {
  it("formats with plain spaces so the text is stable", () => {
    expect(formatPrice(23950, "EUR", "nl-NL")).toBe("€ 23.950");
    expect(formatPrice(249900, "NOK", "nb-NO")).toBe("kr 249 900");
    expect(formatPrice(185000000, "IDR", "id-ID")).toBe("Rp 185.000.000");
    expect(formatMileage(45000, "nb-NO")).toBe("45 000 km");
    expect(formatPrice(23950, "EUR", "nl-NL")).not.toMatch(/[\u00a0\u202f]/);
  });
});

describe("composeReply", () => {
  it("names every proposed car by code, make, model, year and price", () => {
    const text = composeReply({ lang: "nl", intent: "browse", tenant: nlTenant, vehicles: [yaris, picanto] });
    expect(text).toMatch(/^Dit hebben we voor je:/);
    for (const part of ["*#A01*", "Toyota Yaris", "2021", "€ 18.950", "*#A02*", "Kia Picanto", "2019", "€ 11.950", "automaat", "handgeschakeld"]) expect(text).toContain(part);
  });

  it("asks which car without naming a code that may not be in this dealer's stock", () => {
    for (const lang of languages) {
      const text = composeReply({ lang, intent: "specific_vehicle", tenant: nlTenant });
      expect(text, lang).not.toMatch(/#[A-Z]+\d/);
      expect(text, lang).toContain("#");
    }
  });

  it("does not repeat a make that the model name already carries", () => {
    const polestar: VehicleForReply = { ...yaris, code: "#A17", make: "Polestar", model: "Polestar 2", variant: null };
    const text = composeReply({ lang: "en", intent: "browse", tenant: nlTenant, vehicles: [polestar] });
    expect(text).toContain("*#A17* Polestar 2 · 2021");
    expect(text).not.toContain("Polestar Polestar");
  });

  it("stays within a WhatsApp-sized message however many cars match", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...yaris, code: `#B${String(i).padStart(2, "0")}` }));
    for (const lang of languages) {
      const text = composeReply({ lang, intent: "browse", tenant: nlTenant, vehicles: many });
      expect(text.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
      expect(text).toContain("#B00");
    }
  });

  it("says honestly that nothing matches and offers the alternatives it was given", () => {
    const text = composeReply({ lang: "nb", intent: "browse", tenant: { ...nlTenant, locale: "nb-NO", currency: "NOK" }, noMatch: true, alternatives: { relaxed: "maxPrice", vehicles: [{ ...yaris, price: 249900 }] } });
    expect(text).toContain("Jeg har ingen bil som passer");
    expect(text).toContain("litt over budsjett");
    expect(text).toContain("kr 249 900");
  });

  it("says the version asked for is not in stock, in every language, before that model's other versions", () => {
    const missing = { nl: "Een Toyota Yaris GR heb ik", de: "Einen Toyota Yaris GR habe ich", en: "There's no Toyota Yaris GR in stock", nb: "Jeg har ingen Toyota Yaris GR", id: "Toyota Yaris GR lagi tidak ada" };
    const other = { nl: "andere uitvoering", de: "andere Version", en: "other version", nb: "annen versjon", id: "varian lain" };
    for (const lang of languages) {
      const text = composeReply({ lang, intent: "browse", tenant: nlTenant, noMatch: true, missingVersion: "Toyota Yaris GR", alternatives: { relaxed: "version", vehicles: [yaris] } });
      expect(text.startsWith(missing[lang])).toBe(true);
      expect(text).toContain(other[lang]);
      expect(text).toContain("*#A01* Toyota Yaris 1.5 Hybrid");
    }
  });

  it("offers to pass the wish on when there is nothing at all", () => {
    const text = composeReply({ lang: "de", intent: "browse", tenant: nlTenant, noMatch: true, alternatives: { relaxed: "fuel", vehicles: [] } });
    expect(text).toContain("kein Fahrzeug");
    expect(text).not.toMatch(/#[A-Z]\d/);
  });

  it("lists test-drive times in the shopper's language and the dealer's time zone", () => {
    const slots = [new Date("2026-03-14T09:00:00Z"), new Date("2026-03-14T13:30:00Z")];
    const text = composeReply({ lang: "de", intent: "test_drive", tenant: nlTenant, vehicles: [yaris], slots });
    expect(text).toContain("1. Samstag, 14. März um 10:00");
    expect(text).toContain("2. Samstag, 14. März um 14:30");
    expect(text).toContain("Probefahrt");
  });

  it("confirms a booking with the car, time and address", () => {
    const text = composeReply({ lang: "id", intent: "test_drive", tenant: { ...nlTenant, timeZone: "Asia/Jakarta" }, booking: { start: new Date("2026-03-14T03:00:00Z"), vehicle: yaris } });
    expect(text).toContain("*#A01* Toyota Yaris (2021)");
    expect(text).toContain("10.00");
    expect(text).toContain("Stationsweg 12");
  });

  it("shows a financing example with the figures it was given", () => {
    const text = composeReply({ lang: "nl", intent: "financing", tenant: nlTenant, financing: { monthly: 312, months: 60, ratePct: 6.9, downPayment: 1895, vehicle: yaris } });
    expect(text).toContain("*€ 312 per maand*");
    expect(text).toContain("6,9%");
    expect(text).toContain("€ 1.895");
  });

  it("answers the practical questions from the dealer's details", () => {
    expect(composeReply({ lang: "nl", intent: "opening_hours", tenant: nlTenant })).toContain("za 10:00–17:00");
    expect(composeReply({ lang: "en", intent: "location", tenant: nlTenant })).toContain("https://maps.example/vandijk");
    expect(composeReply({ lang: "en", intent: "location", tenant: { ...nlTenant, address: undefined } })).toContain("colleague");
  });

  it("adds the hand-over sentence to a price question and answers a rate limit politely", () => {
    const text = composeReply({ lang: "nl", intent: "price_negotiation", tenant: nlTenant, vehicles: [yaris], handover: true });
    expect(text).toContain("€ 18.950");
    // After the asking price, "Natuurlijk!" would answer nothing: the hand-over is the plain sentence.
    expect(text.split("\n\n").at(-1)).toBe("Ik heb een collega gevraagd zo snel mogelijk contact met je op te nemen.");
    expect(composeReply({ lang: "en", intent: "price_negotiation", tenant: { ...nlTenant, tone: "formal" }, vehicles: [yaris], handover: true }).split("\n\n").at(-1))
      .toBe("I have asked a colleague to contact you as soon as possible.");
    // "Klar!" answers a shopper who asked for a person; before any other hand-over (a discount asked, a complaint) it
    // would read as agreeing.
    expect(composeReply({ lang: "de", intent: "handover", tenant: nlTenant, askedForPerson: true })).toMatch(/^Klar! /);
    expect(composeReply({ lang: "id", intent: "handover", tenant: nlTenant })).toBe("Saya sudah minta tim sales menghubungi kakak secepatnya.");
    expect(composeReply({ lang: "nb", intent: "browse", tenant: nlTenant, vehicles: [yaris], rateLimited: true })).not.toContain("#A01");
  });

  it("names the listed equipment in a shopper's language when it is not the dealer's, the dealer's words after it", () => {
    const listed = { ...yaris, features: ["Trekhaak", "Stoelverwarming voor", "Apple CarPlay", "Dakkoffer", "Navigatie"] };
    const en = composeReply({ lang: "en", intent: "specific_vehicle", tenant: nlTenant, vehicles: [listed] });
    for (const line of ["✓ Tow bar (Trekhaak)", "✓ Heated seats (Stoelverwarming voor)", "✓ CarPlay / Android Auto (Apple CarPlay)", "✓ Dakkoffer", "✓ Navigation (Navigatie)"]) expect(en).toContain(line);
    const de = composeReply({ lang: "de", intent: "specific_vehicle", tenant: nlTenant, vehicles: [listed] });
    expect(de).toContain("✓ Anhängerkupplung (Trekhaak)");
    // The dealer's own language: as listed.
    const nl = composeReply({ lang: "nl", intent: "specific_vehicle", tenant: nlTenant, vehicles: [listed] });
    expect(nl).toContain("✓ Trekhaak\n✓ Stoelverwarming voor");
  });

  it("asks which car when a car-specific question names none", () => {
    expect(composeReply({ lang: "en", intent: "specific_vehicle", tenant: nlTenant })).toContain("Which car");
    expect(composeReply({ lang: "nl", intent: "specific_vehicle", tenant: nlTenant, noMatch: true })).toContain("niet meer beschikbaar");
  });

  it("has a reply for every intent in every language", () => {
    const intents = ["browse", "specific_vehicle", "price_negotiation", "financing", "test_drive", "trade_in", "opening_hours", "location", "handover", "greeting", "thanks", "opt_out", "other"] as const;
    for (const lang of languages) for (const intent of intents) {
      const text = composeReply({ lang, intent, tenant: nlTenant });
      expect(text.length, `${lang}/${intent}`).toBeGreaterThan(10);
      expect(text).not.toMatch(/\{\w+\}|undefined/);
    }
  });
});
