import { describe, expect, it } from "vitest";
import { findVehicleMentions, understandMessage } from "@/lib/assistant/understand";

const named = (text: string) => findVehicleMentions(text).map((m) => [m.make, m.model ?? null]);

describe("makes and models the shopper names", () => {
  it("reads names however they are written", () => {
    expect(named("ID3 en id.4")).toEqual([["Volkswagen", "ID.3"], ["Volkswagen", "ID.4"]]);
    expect(named("Yaris Cross of Yaris?")).toEqual([["Toyota", "Yaris Cross"], ["Toyota", "Yaris"]]);
    expect(named("Mazda3 of een BMW X1")).toEqual([["Mazda", "Mazda3"], ["BMW", "X1"]]);
  });

  it.each([
    ["a letter changed", "Ocravia", ["Skoda", "Octavia"]],
    ["a letter dropped", "Is de Peugot 208 er nog?", ["Peugeot", "208"]],
    ["a letter added", "yariss hybrid", ["Toyota", "Yaris"]],
    ["two neighbours swapped", "Ocatvia", ["Skoda", "Octavia"]],
    ["two neighbours swapped in a make", "Tyoota", ["Toyota", null]],
    ["a letter added at the start", "expander", ["Mitsubishi", "Xpander"]],
  ])("takes a one-letter typo: %s", (_kind, text, mention) => expect(named(text)).toEqual([mention]));

  it("knows makes outside the big markets' usual ones, as shoppers ask for them", () => {
    expect(named("Har dere en Maserati Ghibli?")).toEqual([["Maserati", "Ghibli"]]);
    expect(named("Ada Chevrolet Spin matic? Atau Trailblazer?")).toEqual([["Chevrolet", "Spin"], ["Chevrolet", "Trailblazer"]]);
    expect(named("ik zoek een geely coolray of een lambo urus")).toEqual([["Geely", "Coolray"], ["Lamborghini", "Urus"]]);
    expect(named("Hebben jullie een Ferrari?")).toEqual([["Ferrari", null]]);
    // A word-like model counts only after its make.
    expect(named("Spin the wheel, Roma is mooi")).toEqual([]);
  });

  it("knows makes that are everyday words only by their models", () => {
    expect(named("Hebben jullie een Lotus Emira of een Genesis GV70?")).toEqual([["Lotus", "Emira"], ["Genesis", "GV70"]]);
    expect(named("Alpine A110 en een Dodge Challenger")).toEqual([["Alpine", "A110"], ["Dodge", "Challenger"]]);
    expect(named("Saab 9-5 Aero")).toEqual([["Saab", "9-5"]]);
    // The words alone, a first name and a phone charger are no cars.
    expect(named("Lotus flowers, the Genesis of it all, alpine roads; dodge the traffic")).toEqual([]);
    expect(named("Hi, this is Elise. Does the charger come with it?")).toEqual([]);
  });

  it.each([
    "Ja zeker, graag", "near the naval base, a captive audience", "Das passt, sonst alles gut. Du musst nicht",
    "Is dit de enige? Hoe langer de garantie, hoe beter", "Jeg kommer snart, to ganger i januar",
    "A wide range. Start the engine, shift up, stuck in traffic. Merry Christmas!", "Ada makanan halal?",
    "Ada mobil 3 baris yang paling laris?", "Mobil ini makan bensin gak? Cocok untuk orang tua lansia?", "Ada macam-macam warna, soket USB?",
  ])("does not take an everyday word one letter from a name for that name: %s", (text) => expect(named(text)).toEqual([]));

  it("takes the car a shopper names, not an everyday word near another car's name", () => {
    // "Haris" is a name one letter from Yaris, "tonase" (payload) a word one letter from Tonale.
    expect(named("Nama saya Haris, mau cari Avanza")).toEqual([["Toyota", "Avanza"]]);
    expect(named("Berapa tonase L300?")).toEqual([["Mitsubishi", "L300"]]);
    // A rare word stays a likelier typo of a name.
    expect(named("mau pasat bekas")).toEqual([["Volkswagen", "Passat"]]);
  });

  it("takes names written as names, and no mileage for a model number", () => {
    // As written they are names.
    expect(named("Zeekr 001 of Haval H6?")).toEqual([["Zeekr", "001"], ["Haval", "H6"]]);
    // A mileage is not a model number ("95.000 km" is no "9-5").
    expect(named("95.000 km")).toEqual([]);
  });

  it("does not guess at two typos, at short names or at ordinary words", () => {
    expect(named("Octtavvia")).toEqual([]);
    expect(named("Tyotaa")).toEqual([]);
    // Names under five letters are only taken as written: "Nirro" is not the Niro.
    expect(named("Nirro")).toEqual([]);
    expect(named("Ik zoek een mooie auto voor de familie")).toEqual([]);
  });
});

describe("a version named after the model", () => {
  const versionIn = (text: string) => understandMessage(text, { defaultLang: "nl", now: new Date("2026-03-11T09:00:00Z"), timeZone: "Europe/Amsterdam" }).version;

  it.each([
    ["hebben jullie een golf gte?", "gte"], ["Is the Golf GTI still available?", "GTI"], ["Ada Brio Satya?", "Satya"], ["Toyota Yaris GR?", "GR"], ["BMW X3 m40i", "m40i"], ["Civic Type R?", "Type R"],
  ])("%s → %s", (text, version) => expect(versionIn(text)).toBe(version));

  it.each([
    "hebben jullie een golf 8?", "golf 2019", "golf automaat", "golf diesel", "Golf TSI", "golf kombi", "golf zwart", "golf met trekhaak", "golf te koop?",
    "Ik wil een golf kopen", "Is de Golf nog beschikbaar?", "brio yg merah ada?", "Golf Variant", "Golf", "Golf R", "how much would the model y be on finance?", "golf polo?",
    "golf max 20k", "golf 20k", "golf incl btw?", "Golf APK?", "golf mk7", "Is the Golf sold?", "avanza thn brp?", "Golf TÜV neu?",
    "Kan ik de golf zien?", "is de golf net binnen?", "golf via jullie site", "Golf Garantie?",
  ])("is none in %s", (text) => expect(versionIn(text)).toBeUndefined());

  // The dealer's stock: the Brio and the Golf with the words of their versions.
  const stock = [
    { make: "Honda", model: "Brio", variants: ["Satya E CVT", "RS CVT"] }, { make: "Volkswagen", model: "Golf", variants: ["1.0 TSI Life", "1.5 eTSI Style DSG"] },
    { make: "Skoda", model: "Octavia", variants: ["1.5 TSI Business Edition"] },
  ];
  const versionWith = (text: string) => understandMessage(text, { defaultLang: "id", now: new Date("2026-03-11T09:00:00Z"), timeZone: "Asia/Jakarta", knownModels: stock }).version;

  it.each([
    // A word of a version in the dealer's stock, or of a real version of the model the stock lacks.
    ["brio satya ada?", "satya"], ["ada avanza veloz gan?", "veloz"], ["xpander ultimate brp?", "ultimate"], ["xpander exceed masih ada?", "exceed"],
    ["octavia scout?", "scout"], ["golf life nog beschikbaar?", "life"], ["golf style?", "style"], ["pajero sport dakar ready?", "dakar"], ["fortuner vrz brp", "vrz"],
  ])("takes a lower-case version word of the model: %s → %s", (text, version) => expect(versionWith(text)).toBe(version));

  it.each([
    "golf rijden", "brio murah ada?", "yaris automaat", "brio bekas", "avanza tahun 2019", "golf diesel", "brio matic", "xpander cvt", "brio yg merah",
    "avanza dong", "brio aja", "xpander sport", "golf zoeken", "xpander cross",
  ])("takes no everyday word after a model for a version: %s", (text) => expect(versionWith(text)).toBeUndefined());
});

describe("a car named in the Norwegian definite form", () => {
  const carIn = (text: string, defaultLang: "nb" | "nl" = "nb") => {
    const { entities, language } = understandMessage(text, { defaultLang, now: new Date("2026-03-11T09:00:00Z"), timeZone: "Europe/Oslo" });
    return { make: entities.make, model: entities.model, language };
  };

  it.each([
    ["hei, er golfen med automatgir fortsatt til salgs?", "Volkswagen", "Golf"], ["Hvor mye koster teslaen?", "Tesla", undefined],
    ["Er ID.3-en solgt?", "Volkswagen", "ID.3"], ["har dere flere av golfene?", "Volkswagen", "Golf"], ["Er octaviaen fortsatt ledig?", "Skoda", "Octavia"],
  ])("%s → %s %s", (text, make, model) => expect(carIn(text)).toMatchObject({ make, model, language: "nb" }));

  it("reads no such ending in other languages: a Dutchman going golfing names no Golf", () => {
    expect(carIn("Ik ga morgen golfen, kan ik daarna langskomen?", "nl")).toMatchObject({ make: undefined, model: undefined, language: "nl" });
  });
});
