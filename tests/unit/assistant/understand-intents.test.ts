import { describe, expect, it } from "vitest";
import { understandMessage } from "@/lib/assistant/understand";
import { sideQuestion } from "@/lib/assistant/understand/side-question";

const now = new Date("2026-03-11T09:00:00Z");
const understand = (text: string, knownModels?: { make: string; model: string }[]) =>
  understandMessage(text, { defaultLang: "nl", now, timeZone: "Europe/Amsterdam", knownModels });

describe("vehicle words", () => {
  it.each([
    ["Ik zoek een SUV onder de 25 duizend, geen diesel", { body: "suv", maxPrice: 25000 }, ["fuel"]],
    ["liever geen automaat", { transmission: "manual" }, []],
    ["no automatic please", { transmission: "manual" }, []],
    ["kein Diesel, lieber Benziner", { fuel: "petrol" }, []],
    ["elbil, men ikke svart", { fuel: "electric" }, ["color"]],
    ["cari mpv gak mau matic", { body: "mpv", transmission: "manual" }, []],
    ["ada yg bukan matic?", { transmission: "manual" }, []],
    ["Hatchback zonder diesel, max 15k", { body: "hatchback", maxPrice: 15000 }, ["fuel"]],
  ])("takes a wish said no to as none: %s", (text, wanted, none) => {
    const { entities } = understand(text);
    expect(entities).toMatchObject(wanted);
    for (const field of none) expect(entities).not.toHaveProperty(field);
  });

  it("keeps the fuel said no to, so no car of it is offered", () => {
    expect(understand("SUV max 25k, geen diesel").refusedFuel).toBe("diesel");
    expect(understand("kein Diesel, lieber Benziner").refusedFuel).toBeUndefined();
    expect(understand("Hebben jullie geen diesel?").refusedFuel).toBeUndefined();
  });

  it.each([
    ["Hebben jullie geen automaat?", { transmission: "automatic" }], ["Habt ihr keinen Kombi?", { body: "estate" }], ["Har dere ingen elbil?", { fuel: "electric" }],
    ["no problem, diesel is fine", { fuel: "diesel" }], ["ga ada yg diesel?", { fuel: "diesel" }],
  ])("still reads a wish asked for with a no: %s", (text, wanted) => expect(understand(text).entities).toMatchObject(wanted));

  it.each([
    ["automaat", "automatic"], ["automatisch", "automatic"], ["automatgir", "automatic"], ["automat", "automatic"], ["Automatik", "automatic"],
    ["matic", "automatic"], ["AT", "automatic"], ["handgeschakeld", "manual"], ["schakel", "manual"], ["manuell", "manual"],
    ["Schaltgetriebe", "manual"], ["MT", "manual"], ["manual", "manual"],
  ])("%s → %s", (word, transmission) => expect(understand(`zoek een auto ${word}`).entities.transmission).toBe(transmission));

  it("reads an automatic written with one a too many", () => {
    expect(understand("heb jullie een automaaat hybried onder de 20000").entities).toMatchObject({ transmission: "automatic", fuel: "hybrid", maxPrice: 20000 });
  });

  it("does not read the English word 'at' as an automatic gearbox", () => {
    expect(understand("can I come at 3pm").entities.transmission).toBeUndefined();
  });

  it.each([
    ["benzine", "petrol"], ["bensin", "petrol"], ["Benziner", "petrol"], ["diesel", "diesel"], ["hybride", "hybrid"], ["elektrisch", "electric"],
    ["elbil", "electric"], ["Elektro", "electric"], ["EV", "electric"], ["listrik", "electric"], ["lpg", "lpg"],
    // As shoppers misspell them.
    ["hybried", "hybrid"], ["benzien", "petrol"], ["elektries", "electric"],
  ])("fuel %s → %s", (word, fuel) => expect(understand(`een ${word} graag`).entities.fuel).toBe(fuel));

  it.each([
    ["stationwagen", "estate"], ["stationwagon", "estate"], ["stasjonsvogn", "estate"], ["Kombi", "estate"], ["estate", "estate"], ["7 seater", "mpv"], ["7-zitter", "mpv"],
    ["7 seter", "mpv"], ["mobil keluarga", "mpv"], ["auto voor een groot gezin", "mpv"], ["a family car", "mpv"], ["für eine große Familie", "mpv"], ["vi er en stor familie", "mpv"], ["cabrio", "convertible"], ["coupe", "coupe"], ["bestelbus", "van"], ["bedrijfswagens", "van"], ["Nutzfahrzeuge", "van"], ["varebil", "van"], ["pickup", "pickup"],
  ])("body %s → %s", (word, body) => expect(understand(`zoek ${word}`).entities.body).toBe(body));

  it.each([["zwart", "black"], ["svart", "black"], ["schwarz", "black"], ["hitam", "black"], ["wit", "white"], ["hvit", "white"], ["weiß", "white"], ["putih", "white"]])(
    "colour %s → %s", (word, color) => expect(understand(`een auto in ${word}`).entities.color).toBe(color),
  );

  it("knows makes by alias and models from the tenant's stock", () => {
    expect(understand("heb je een vw?").entities.make).toBe("Volkswagen");
    expect(understand("merc c-klasse").entities).toMatchObject({ make: "Mercedes-Benz", model: "C-Klasse" });
    expect(understand("model 3 nog beschikbaar?").entities).toMatchObject({ make: "Tesla", model: "Model 3" });
    expect(understand("ada xpander?").entities).toMatchObject({ make: "Mitsubishi", model: "Xpander" });
    expect(understand("de Kona Electric?", [{ make: "Hyundai", model: "Kona Electric" }]).entities.model).toBe("Kona Electric");
    expect(understand("Hebben jullie de Zeekr 001?", [{ make: "Zeekr", model: "001" }]).entities).toMatchObject({ make: "Zeekr", model: "001" });
    // Several makes without a model: any of them; with a model, that car.
    expect(understand("Heb je een BMW of Audi?").entities).toMatchObject({ make: "BMW", makes: ["BMW", "Audi"] });
    expect(understand("Ada Toyota atau Honda matic?").entities.makes).toEqual(["Toyota", "Honda"]);
    expect(understand("Is de Golf beter dan een Audi?").entities.makes).toBeUndefined();
  });

  it("does not see a car in ordinary words", () => {
    expect(understand("wat is de prijs?").entities.model).toBeUndefined();
    expect(understand("een auto voor mijn partner").entities.model).toBeUndefined();
    expect(understand("I want 7 seats").entities.make).toBeUndefined();
  });
});

describe("intents", () => {
  it.each([
    ["Hebben jullie een automaat onder de 20.000 euro?", "browse"],
    ["Is de #A01 nog beschikbaar?", "specific_vehicle"],
    ["Kan ik zaterdag een proefrit maken?", "test_drive"],
    ["Wat is uw laatste prijs?", "price_negotiation"],
    ["that's too much, can you do 32k?", "price_negotiation"],
    ["I can offer 25k for the white one", "price_negotiation"],
    ["can I speak to the manager", "handover"],
    ["ik wil nu iemand aan de lijn", "handover"],
    ["jam brp tutupnya?", "opening_hours"],
    ["Kan ik het ook financieren?", "financing"],
    ["Was kostet er im Monat?", "financing"],
    ["hva blir det per mnd?", "financing"],
    ["wat is dat p/m?", "financing"],
    ["hva koster den i måneden", "financing"],
    ["Kan jeg få et lånetilbud?", "financing"],
    ["was kostet die mit 10000 Anzahlung auf 48 Monate?", "financing"],
    ["en met 5000 aanbetaling?", "financing"],
    ["hva med 50 000 i egenkapital?", "financing"],
    ["Kan ik mijn auto inruilen?", "trade_in"],
    ["Wat zijn de openingstijden?", "opening_hours"],
    ["Wat is jullie adres?", "location"],
    ["Waar staat hij?", "location"],
    ["Hvor står den?", "location"],
    ["Wo steht der Wagen?", "location"],
    ["Bedankt!", "thanks"],
    ["Goedemorgen", "greeting"],
    ["asdfgh", "other"],
  ])("%s → %s", (text, intent) => expect(understand(text).intents[0]).toBe(intent));

  it.each(["stop", "STOP", "Stopp", "berhenti", "afmelden", "unsubscribe", "abmelden", "Stop!", "please stop sending me messages", "jangan kirim pesan lagi"])(
    "'%s' opts out and nothing else", (text) => expect(understand(text).intents).toEqual(["opt_out"]),
  );

  it.each([
    "I bought a car elsewhere, stop sending me messages", "Thanks, but stop sending me messages", "Hoi, stuur me geen berichten meer", "Stop sending me messages, please",
  ])("'%s' opts out and asks nothing else", (text) => expect(understand(text).intents).toEqual(["opt_out"]));

  it.each([
    ["Stuur me geen aanbiedingen meer, maar is de Golf nog beschikbaar?", "specific_vehicle", "Golf"],
    ["Stop sending promotions. Do you still have the Yaris?", "specific_vehicle", "Yaris"],
    ["Jangan kirim promo lagi ya, tapi Brio masih ada?", "specific_vehicle", "Brio"],
    ["Book me a test drive of the Golf, and don't message me otherwise", "test_drive", "Golf"],
    ["Keine Werbung mehr bitte. Habt ihr einen Golf als Automatik?", "browse", "Golf"],
  ])("'%s' opts out and asks the rest: %s", (text, intent, model) => {
    const u = understand(text, [{ make: "Volkswagen", model: "Golf" }, { make: "Toyota", model: "Yaris" }, { make: "Honda", model: "Brio" }]);
    expect(u.intents.slice(0, 2)).toEqual(["opt_out", intent]);
    expect(u.entities.model).toBe(model);
  });

  it("reads only the rest of an opt-out message for what it asks: offers for SUVs are what they no longer want", () => {
    const u = understand("Stop sending me offers for SUVs");
    expect(u.intents).toEqual(["opt_out"]);
    expect(u.entities.body).toBeUndefined();
    expect(understand("Cancel my test drive and stop sending me messages").intents).toEqual(["opt_out", "test_drive"]);
  });

  it("takes a question of a few words beside an opt-out as asking more, even one no intent names; 'ok?' is no question", () => {
    expect(understand("Stuur me geen aanbiedingen meer. Hoeveel garantie geven jullie?").intents).toEqual(["opt_out", "other"]);
    expect(understand("Stop sending me messages, ok?").intents).toEqual(["opt_out"]);
  });

  it("does not opt out when 'stop' is part of a question", () => {
    expect(understand("Heeft de Golf start-stop?").intents).not.toContain("opt_out");
    expect(understand("Where do the buses stop near you?").intents).not.toContain("opt_out");
  });

  it.each([
    "can I talk to a person", "mag ik iemand spreken", "kan jeg snakke med en person", "bisa bicara dengan sales", "Ich möchte mit einem Mitarbeiter sprechen",
    // Reserving a car takes a deposit and a person.
    "Kunt u die reserveren?", "Can you hold it for me until Saturday?", "Können Sie ihn reservieren?", "Kan dere reservere den?", "Bisa tanda jadi dulu?",
    // Wanting to phone someone.
    "ok, can I call someone?", "Kan ik jullie bellen?", "Kann ich Sie anrufen?", "Kan jeg ringe dere?", "Bisa telpon kak?",
    // Asking to be called, with a time in between (the time is for the rep, not a test drive).
    "Prima. Kunt u mij morgen om 10 uur bellen?", "Können Sie mich morgen anrufen?",
    // Asking to be called back with no "me": the number follows.
    "Kunnen jullie bellen? 0612345678", "kun je even bellen", "Can you call? 07700 900123", "could you give me a ring", "Könnt ihr anrufen?", "kan dere ringe opp?",
  ])("'%s' asks for a person", (text) => expect(understand(text).intents[0]).toBe("handover"));

  it("puts what the shopper wants to do before small talk", () => {
    expect(understand("Hoi! Kan ik morgen om 10:00 de Golf proefrijden?").intents.slice(0, 2)).toEqual(["test_drive", "specific_vehicle"]);
  });

  it("keeps the trade-in car apart from the car the shopper wants", () => {
    const u = understand("Ik zoek een Golf en wil mijn Opel Astra uit 2012 inruilen");
    expect(u.intents[0]).toBe("trade_in");
    expect(u.entities).toMatchObject({ make: "Volkswagen", model: "Golf", tradeIn: { make: "Opel", model: "Astra", year: 2012 } });
    expect(u.entities.minYear).toBeUndefined();
  });

  it.each([
    ["Ik heb een Opel Astra uit 2014 met 180.000 km om in te ruilen", { make: "Opel", model: "Astra", year: 2014, km: 180000 }],
    ["Mau tukar tambah Avanza 2015 saya, km 90rb", { make: "Toyota", model: "Avanza", year: 2015, km: 90000 }],
    ["Ich möchte meinen Passat 2013 mit 210.000 km in Zahlung geben", { make: "Volkswagen", model: "Passat", year: 2013, km: 210000 }],
    ["I want to trade in my 2016 Focus with 120k miles", { year: 2016, km: 193121 }],
    // Asked what the shopper's own car is worth, or "tt" (tukar tambah) with it.
    ["Hoeveel kan ik krijgen voor mijn Kia Picanto uit 2016 met 90.000 km?", { make: "Kia", model: "Picanto", year: 2016, km: 90000 }],
    ["what can I get for my 2015 Fiesta?", { make: "Ford", model: "Fiesta", year: 2015 }],
    ["bisa tt sama xenia 2015?", { make: "Daihatsu", model: "Xenia", year: 2015 }],
  ])("takes the trade-in's mileage as the trade-in's, not as a limit on the search: %s", (text, tradeIn) => {
    const u = understand(text);
    expect(u.intents[0]).toBe("trade_in");
    expect(u.entities.tradeIn).toEqual(tradeIn);
    for (const key of ["make", "model", "maxKm", "maxPrice", "minYear"] as const) expect(u.entities[key]).toBeUndefined();
  });

  it("leaves a mileage limit on the wanted car to the search", () => {
    const u = understand("Mijn Polo uit 2012 wil ik inruilen voor een Golf met max 80.000 km");
    expect(u.entities).toMatchObject({ model: "Golf", maxKm: 80000, tradeIn: { make: "Volkswagen", model: "Polo", year: 2012 } });
    expect(u.entities.tradeIn?.km).toBeUndefined();
  });

  it("reports low confidence when it understood nothing", () => {
    expect(understand("asdfgh").confidence).toBeLessThan(0.5);
    expect(understand("Kan ik zaterdag een proefrit maken?").confidence).toBeGreaterThan(0.7);
  });
});

describe("a search by order: the cheapest, the newest, low mileage", () => {
  it("is a search in every language, alone or with filters", () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ["Wat is jullie goedkoopste auto?", "cheapest", {}],
      ["What's the cheapest electric car you have?", "cheapest", { fuel: "electric" }],
      ["Hva er den nyeste bilen dere har?", "newest", {}],
      ["Habt ihr einen Automatik mit wenig Kilometern?", "leastKm", { transmission: "automatic" }],
      ["ada mobil bekas dengan km rendah?", "leastKm", {}],
      ["Hebben jullie een SUV met lage kilometerstand?", "leastKm", { body: "suv" }],
      ["Do you have anything with low mileage?", "leastKm", {}],
      ["Har dere noe billig til studenten?", "cheapest", {}],
      ["Ada mobil murah?", "cheapest", {}],
    ];
    for (const [text, order, filters] of cases) {
      const u = understand(text);
      expect(u.intents[0], text).toBe("browse");
      expect(u.entities, text).toEqual({ ...filters, order });
    }
  });

  it("is not read into a price question or the oldest car", () => {
    expect(understand("What's your latest price on the Golf?", [{ make: "Volkswagen", model: "Golf" }]).entities.order).toBeUndefined();
    expect(understand("Wat is de oudste auto die jullie hebben?").entities.order).toBeUndefined();
  });
});

describe("wanting a car without saying which", () => {
  it("is a search of the whole stock in every language, and a narrower one with a filter", () => {
    for (const text of ["Ik wil een auto kopen", "I'm looking for a car", "Ich möchte ein Auto kaufen", "Jeg ser etter bil", "Ready stock ga kak?", "Mau beli mobil",
      "Welke auto's hebben jullie?", "Wat hebben jullie te koop?", "What cars do you have?", "What do you have in stock?", "Hvilke biler har dere?",
      "Welche Autos habt ihr?", "Mobil apa saja?"]) {
      const u = understand(text);
      expect(u.intents[0], text).toBe("browse");
      expect(u.entities, text).toEqual({});
    }
    expect(understand("Ik zoek een auto met trekhaak").entities).toEqual({ features: ["towbar"] });
    // Buying words next to a question about opening hours or a test drive do not take over.
    expect(understand("Ik wil een auto kopen, kan ik zaterdag een proefrit maken?").intents[0]).toBe("test_drive");
    expect(understand("Wat hebben jullie voor openingstijden?").intents).toEqual(["opening_hours"]);
  });
});

describe("selling a car to the dealer, paying in instalments", () => {
  it("is a trade-in question (a person values the car) in every language", () => {
    for (const text of ["Kunnen jullie mijn auto opkopen?", "Kopen jullie ook auto's op?", "Do you buy cars?", "Kaufen Sie auch Gebrauchtwagen?", "Kjøper dere biler?"]) {
      expect(understand(text).intents[0], text).toBe("trade_in");
    }
    expect(understand("Ik wil een auto kopen").intents[0]).toBe("browse");
  });

  it("reads 'cash tempo' as financing", () => {
    expect(understand("Bisa cash tempo?").intents[0]).toBe("financing");
  });
});


describe("the opening hours or the address asked beside a car question", () => {
  const ctx = { defaultLang: "nl" as const, now, timeZone: "Europe/Amsterdam" };

  it.each([
    ["Hebben jullie een automaat onder de 20.000 en zijn jullie zaterdag open?", "opening_hours"],
    ["Haben Sie einen Kombi? Und wie sind Ihre Öffnungszeiten?", "opening_hours"],
    ["Har dere elbil under 200 000? Når åpner dere på lørdag?", "opening_hours"],
    ["Do you have a Golf? And where are you located?", "location"],
    ["ada avanza matic? showroom dimana?", "location"],
    ["Is de #A03 er nog? Waar zitten jullie?", "location"],
  ])("%s → %s", (text, side) => expect(sideQuestion(text, ctx)).toBe(side));

  it.each([
    "Zijn jullie zaterdag open?", "Hebben jullie een Golf met open dak?", "Waar staat de Golf?", "Is de golf er nog? Kan ik zaterdag komen?", "Hebben jullie een golf en een polo?",
  ])("is none in %s", (text) => expect(sideQuestion(text, ctx)).toBeNull());
});
