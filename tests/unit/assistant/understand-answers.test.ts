import { describe, expect, it } from "vitest";
import {
  asksAboutThatCar, asksCheaper, asksColour, asksToCompare, specAsked, featureAsked, historyTopic, continuesSearch, financingTerms, pickFromList, shortAnswer, singlesOut, statedName, superlativeIn, understandMessage, vehicleCodesIn, wantsToCancel, wantsToLookAround, wantsVisit, yearNamed,
} from "@/lib/assistant/understand";

describe("short answers to the assistant's last reply", () => {
  it.each([
    ["Ja graag", "yes"], ["ja hoor!", "yes"], ["yes please", "yes"], ["Ja, gerne", "yes"], ["ja takk", "yes"], ["boleh kak", "yes"], ["iya dong", "yes"],
    ["ok", "ok"], ["Oké, top", "ok"], ["👍", "ok"], ["👍🏽", "ok"], ["alles klar", "ok"], ["greit", "ok"], ["siap kak", "ok"],
    ["nee dank je", "no"], ["No thanks", "no"], ["nein danke", "no"], ["nei takk", "no"], ["gak kak", "no"], ["👎", "no"],
    // Sorry it is not there: a no to passing the wish on.
    ["jammer", "no"], ["helaas", "no"], ["ah dat is jammer", "no"], ["pity", "no"], ["leider nicht", "no"], ["synd", "no"], ["ok, dessverre", "no"],
  ] as const)("%s → %s", (text, answer) => expect(shortAnswer(text)).toBe(answer));

  it.each(["Ja, maar is er ook een diesel?", "ok, wat kost de Golf?", "Hebben jullie een automaat?", "", "🚗", "nee, liever een automaat"])(
    "%s is no short answer", (text) => expect(shortAnswer(text)).toBeNull(),
  );

  it.each([
    ["de tweede graag", 1], ["De eerste", 0], ["nummer 3", 2], ["nr. 2", 1], ["2", 1], ["the first one please", 0], ["die zweite bitte", 1],
    ["den tredje", 2], ["yang kedua kak", 1], ["Kan ik de 2e proefrijden?", 1],
    ["book a test drive for the first one on friday at 10", 0], ["Ik wil graag de tweede morgen proefrijden", 1],
    ["de 2e wat is de km stand", 1], ["en de laatste, welke kleur?", 2], ["den siste, hvor mange km har den gått", 2], ["yang ke-2 berapa", 1], ["the last one", 2],
  ] as const)("%s picks car %i of the list", (text, index) => expect(pickFromList(text, 3)).toBe(index));

  it.each(["Do you have second hand cars?", "Hebben jullie een automaat onder de 20.000 euro en de eerste keer?", "Ik zoek een auto", "Was he the first owner of this car?", "wat is jullie laatste prijs?", "harga terakhir brp?"])(
    "%s picks nothing", (text) => expect(pickFromList(text, 3)).toBeNull(),
  );
});

describe("questions about the car the conversation is on", () => {
  it.each([
    ["Is dat een automaat?", "strong"], ["Heeft hij een trekhaak?", "strong"], ["Does it have a tow bar?", "strong"], ["Hat er Navi?", "strong"],
    ["Hoeveel km heeft hij gereden?", "weak"], ["Welke kleur heeft die?", "weak"], ["How old is that one?", "weak"], ["Berapa km mobilnya?", "weak"],
    ["Heb je ook een automaat?", null], ["Ik zoek een auto die zuinig is", null], ["Wat kost de Golf?", null],
    ["Is er ook een diesel?", null], ["Zijn er nog meer?", null], ["Er den automatisk?", "strong"],
    ["Wat is de kilometerstand?", "weak"], ["What's the mileage?", "weak"], ["Wie viele Vorbesitzer?", "weak"], ["Hoeveel garantie krijg ik?", null],
  ] as const)("%s → %s", (text, strength) => expect(asksAboutThatCar(text)).toBe(strength));
});

describe("a visit to look around", () => {
  it.each([["Kan ik morgen langskomen?", true], ["Can I drop by on Saturday?", true], ["Kann ich morgen vorbeikommen?", true], ["Boleh mampir besok?", true],
    ["Kan ik morgen een proefrit maken?", false], ["Can I book a test drive?", false], ["Wat zijn de openingstijden?", false]] as const)(
    "%s → %s", (text, visit) => expect(wantsVisit(text)).toBe(visit),
  );

  it.each([
    ["Can I come by your showroom to look around?", true], ["Kan ik langskomen om rond te kijken?", true], ["Kann ich vorbeikommen und mich umsehen?", true],
    ["Kan jeg komme innom og se meg rundt?", true], ["Boleh mampir ke showroom lihat-lihat?", true], ["Kan ik morgen langskomen?", false],
    ["Kan ik langskomen voor een proefrit en wat rondkijken?", false], ["Can I come by for a test drive?", false],
  ] as const)("%s is about no car in particular → %s", (text, around) => {
    expect(wantsToLookAround(text)).toBe(around);
    if (around) expect(wantsVisit(text)).toBe(true);
  });
});

describe("narrowing the last search", () => {
  it.each([
    ["En onder de 15.000?", true, true], ["Automaat?", true, true], ["diesel graag", true, true], ["And in black?", true, true], ["Hebben jullie ook een diesel?", true, true],
    ["Und als Kombi?", true, true], ["Ik zoek een diesel", true, false], ["Hebben jullie een elektrische auto onder de 30.000?", true, false], ["Wat kost de Golf?", false, false],
  ] as const)("%s (filters: %s) → %s", (text, filters, continues) => expect(continuesSearch(text, filters)).toBe(continues));

  it.each([["Heb je ook iets goedkopers?", true], ["anything cheaper?", true], ["Gibt es etwas Günstigeres?", true], ["Ada yang lebih murah?", true], ["Is de Golf goedkoop?", false]] as const)(
    "%s asks for cheaper: %s", (text, cheaper) => expect(asksCheaper(text)).toBe(cheaper),
  );
});

describe("the terms of a financing example", () => {
  it.each([
    ["en over 72 maanden?", { months: 72 }],
    ["met 5.000 aanbetaling?", { downPayment: 5000 }],
    ["over 5 jaar met € 3.000 aanbetaling", { months: 60, downPayment: 3000 }],
    ["48 months with 5k down", { months: 48, downPayment: 5000 }],
    ["84 Monate, 20 % Anzahlung", { months: 84, downPaymentPct: 20 }],
    ["tenor 4 tahun, DP 20%?", { months: 48, downPaymentPct: 20 }],
    ["DP 30 jt, 36 bulan", { months: 36, downPayment: 30_000_000 }],
    ["med 50 000 i egenkapital og 5 års nedbetaling", { months: 60, downPayment: 50000 }],
    ["hva koster den med 20% egenkapital over 5 år?", { months: 60, downPaymentPct: 20 }],
    ["Was kostet das monatlich bei 2000 Anzahlung und 48 Monaten?", { months: 48, downPayment: 2000 }],
    ["over 3 maanden", {}],
    ["Hebben jullie een automaat?", {}],
  ] as const)("%s → %o", (text, terms) => expect(financingTerms(text)).toEqual(terms));
});

describe("a comparison", () => {
  it.each([
    ["Wat is het verschil tussen de #A01 en de #A02?", true], ["En vergeleken met de #A04?", true], ["Which is better, #A01 or #A05?", true], ["Welke is het zuinigst?", true],
    ["Was ist der Unterschied?", true], ["Mana yang lebih irit?", true], ["Hvilken er best?", true], ["Which one uses the least fuel?", true],
    ["Welke verbruikt het minst?", true], ["Welcher verbraucht weniger?", true], ["Hvilken bruker minst?", true], ["Yang paling irit yang mana?", true],
    ["Welke auto's hebben jullie?", false], ["Hebben jullie een automaat?", false], ["Is de Golf er nog?", false],
  ] as const)("%s → %s", (text, compare) => expect(asksToCompare(text)).toBe(compare));

  it("reads every code once, in order", () => {
    expect(vehicleCodesIn("#a01 of # A02, of toch #A01?")).toEqual(["#A01", "#A02"]);
    expect(vehicleCodesIn("de Golf")).toEqual([]);
  });
});

describe("one car of a list singled out by what it has", () => {
  it.each([
    ["Die van 2019, wat kost die?", true], ["Wat kost de automaat?", true], ["How much is the 2019 one?", true], ["Hva koster den fra 2019?", true],
    ["Was kostet der von 2019?", true], ["Yang tahun 2019 berapa?", true], ["yang matic aja", true],
    ["Is er ook een van 2019?", false], ["Do you have one from 2019?", false], ["Ada yang matic?", false], ["En een automaat?", false],
    ["Ik zoek een diesel", false], ["Gibt es einen von 2019?", false], ["Is there a 2019 one too?", false],
  ])("%s → %s", (text, single) => expect(singlesOut(text)).toBe(single));

  it("reads the one model year a message names, not a mileage, a price or two years", () => {
    const now = new Date("2026-12-03T12:00:00Z");
    expect(yearNamed("Die van 2019, wat kost die?", now)).toBe(2019);
    expect(yearNamed("the 2021 one", now)).toBe(2021);
    expect(yearNamed("met 2019 km", now)).toBeNull();
    expect(yearNamed("tussen 2018 en 2020", now)).toBeNull();
    expect(yearNamed("onder de 20.000", now)).toBeNull();
    expect(yearNamed("een van 2031", now)).toBeNull();
  });
});

describe("a car of a list by how it compares with the others", () => {
  it.each([
    ["Hoeveel km heeft de goedkoopste?", "cheapest"], ["How much is the cheapest?", "cheapest"], ["Hvor mange km har den billigste?", "cheapest"],
    ["Was kostet der günstigste?", "cheapest"], ["Yang paling murah berapa kilometernya?", "cheapest"], ["En de duurste?", "dearest"],
    ["Wat kost de nieuwste?", "newest"], ["Welke is het nieuwst?", "newest"], ["Welke is het goedkoopst?", "cheapest"], ["den nyeste", "newest"], ["yang terbaru", "newest"], ["the oldest one", "oldest"],
    ["Welke heeft de minste kilometers?", "leastKm"], ["the one with the lowest mileage", "leastKm"], ["Hvilken har lavest kilometerstand?", "leastKm"],
    // As shoppers write it: "km" for the reading, and the superlative's other endings.
    ["hvilken har lavest km?", "leastKm"], ["hvem har minst km", "leastKm"], ["which has the fewest miles?", "leastKm"], ["welche hat die wenigsten km?", "leastKm"],
    ["welcher hat am wenigsten km", "leastKm"], ["yg km nya paling rendah?", "leastKm"], ["yang km terendah mana?", "leastKm"],
    ["Heb je iets goedkopers?", null], ["Wat kost hij?", null],
  ])("%s → %s", (text, best) => expect(superlativeIn(text)).toBe(best));
});

describe("a question about the colour or a feature of the car in focus", () => {
  it.each([
    ["Heeft hij een trekhaak?", "trekhaak"], ["Does it have heated seats?", "heated seats"], ["Hat er eine Anhängerkupplung?", "Anhängerkupplung"],
    ["Har den hengerfeste?", "hengerfeste"], ["Apakah ada kamera mundur?", "kamera mundur"], ["Heeft die een trekhaak erop?", "trekhaak"],
    ["Ada yang matic?", null], ["Hebben jullie een trekhaak?", null], ["Is hij schadevrij?", null], ["Heeft hij?", null],
  ])("%s → %s", (text, asked) => expect(featureAsked(text)).toBe(asked));

  it.each([["Welke kleur heeft hij?", true], ["What colour is it?", true], ["Welche Farbe hat er?", true], ["Warnanya apa?", true], ["Hoeveel km heeft hij?", false]])(
    "%s → %s", (text, colour) => expect(asksColour(text)).toBe(colour),
  );
});

describe("a question about a car's past", () => {
  it.each([
    ["Is hij schadevrij?", "schade"], ["Ist der unfallfrei?", "Unfall"], ["Has it been in an accident?", "accident"], ["Hoeveel eigenaren heeft hij gehad?", "eigenaar"],
    ["Tangan pertama kak?", "tangan pertama"], ["Servis rutin?", "servis"], ["Heeft hij nieuwe APK?", "APK"], ["Er den EU-kontrollert?", "EU-kontrollert"],
    ["pajaknya hidup?", "Pajak hidup sampai 2027"],
  ])("%s names what a description sentence with %s says", (text, inDescription) => expect(historyTopic(text)?.test(inDescription)).toBe(true));

  it.each(["Hoeveel km heeft hij?", "Wat kost hij?", "Welke kleur heeft hij?", "Handgeschakeld?"])("%s is no question about its past", (text) => expect(historyTopic(text)).toBeNull());
});

describe("a figure of the car: range or fuel use", () => {
  it("is found in every language, and found again in a listing in another", () => {
    for (const text of ["Wat is de actieradius?", "Hva er rekkevidden?", "What's the range?", "Wie hoch ist die Reichweite?", "Berapa jarak tempuh?", "En het verbruik?", "Wie ist der Verbrauch?", "Konsumsi BBM-nya?"]) {
      expect(specAsked(text), text).not.toBeNull();
    }
    expect(specAsked("Hva er rekkevidden?")!.names("Range about 400 km (WLTP).")).toBe(true);
    expect(specAsked("Wat is het verbruik?")!.names("Forbruk 0,5 l/mil.")).toBe(true);
  });

  it("is not a price range or a question about something else", () => {
    for (const text of ["What's your price range?", "Hebben jullie een automaat?", "Is hij schadevrij?"]) expect(specAsked(text), text).toBeNull();
  });
});


describe("the name a shopper gives", () => {
  it.each([
    ["Jeg heter Ola Nordmann", "Ola Nordmann"], ["Oke, atas nama Budi Santoso ya kak", "Budi Santoso"], ["mijn naam is jan de vries.", "Jan de Vries"],
    ["My name is John Smith, thanks", "John Smith"], ["Ich heiße Max Müller", "Max Müller"], ["a.n. Dewi", "Dewi"], ["Mijn naam is Jan en ik zoek een Golf", "Jan"],
  ])("%s → %s", (text, name) => expect(statedName(text)).toBe(name));

  it.each(["Ik ben op zoek naar een Golf", "I want an automatic", "Ik heet u welkom", "Ich heiße Sie willkommen", "nama saya 123", "my name is"])(
    "finds none in %s", (text) => expect(statedName(text)).toBeNull(),
  );

  it("takes a name that is also a car's for the shopper's, not the car", () => {
    const u = understandMessage("Hoi, ik heet Zoe", { defaultLang: "nl", now: new Date("2026-12-06T10:00:00Z"), timeZone: "Europe/Amsterdam" });
    expect(u.entities.make).toBeUndefined();
    expect(u.entities.model).toBeUndefined();
  });
});

describe("cancelling an appointment", () => {
  it.each(["laat maar, annuleer de afspraak maar", "ik wil een afspraak annuleren", "I need to cancel my test drive", "Ich muss den Termin absagen", "jeg må avlyse prøveturen", "mau batalin jadwal test drive besok", "cancel", "annuleren", "proefrit annuleren", "afspraak afzeggen", "batal test drive"])(
    "%s cancels", (text) => expect(wantsToCancel(text)).toBe(true));
  it.each(["kan ik de afspraak verzetten?", "cancel my subscription to the newsletter please now", "Hebben jullie een automaat?",
    "cancel my subscription,", "abonnement annuleren", "nieuwsbrief annuleren", "avbestill meldinger", "Newsletter stornieren", "batalkan langganan", "batalkan pesan promo"])(
    "%s does not", (text) => expect(wantsToCancel(text)).toBe(false));
});
