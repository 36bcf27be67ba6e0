import type { CarFacts, MarketSpec, ModelRow } from "./market";
import { formatKm } from "./format";
import type { Random } from "./random";

const weekday = [{ open: "09:00", close: "17:00" }];

const models: ModelRow[] = [
  { make: "Tesla", model: "Model Y", body: "suv", doors: 5, seats: 5, since: 2021, trims: [
    { variant: "Long Range AWD", fuel: "electric", transmission: "automatic", powerHp: 514, newPrice: 469900 },
    { variant: "RWD", fuel: "electric", transmission: "automatic", powerHp: 299, newPrice: 399900 },
  ] },
  { make: "Tesla", model: "Model 3", body: "sedan", doors: 4, seats: 5, since: 2019, trims: [
    { variant: "Long Range AWD", fuel: "electric", transmission: "automatic", powerHp: 498, newPrice: 459900 },
    { variant: "Standard Range Plus", fuel: "electric", transmission: "automatic", powerHp: 325, newPrice: 389900 },
  ] },
  { make: "Volkswagen", model: "ID.4", body: "suv", doors: 5, seats: 5, since: 2021, trims: [
    { variant: "Pro Performance 77 kWh", fuel: "electric", transmission: "automatic", powerHp: 204, newPrice: 449900 },
    { variant: "GTX 4MOTION 77 kWh", fuel: "electric", transmission: "automatic", powerHp: 299, newPrice: 549900 },
  ] },
  { make: "Volkswagen", model: "ID.3", body: "hatchback", doors: 5, seats: 5, since: 2020, trims: [
    { variant: "Pro 58 kWh", fuel: "electric", transmission: "automatic", powerHp: 204, newPrice: 359900 },
  ] },
  { make: "Volkswagen", model: "e-Golf", body: "hatchback", doors: 5, seats: 5, since: 2017, until: 2020, trims: [
    { variant: "35.8 kWh", fuel: "electric", transmission: "automatic", powerHp: 136, newPrice: 299900 },
  ] },
  { make: "Nissan", model: "Leaf", body: "hatchback", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "40 kWh Tekna", fuel: "electric", transmission: "automatic", powerHp: 150, newPrice: 329900 },
    { variant: "e+ 62 kWh N-Connecta", fuel: "electric", transmission: "automatic", powerHp: 217, newPrice: 389900 },
  ] },
  { make: "Hyundai", model: "Kona Electric", body: "suv", doors: 5, seats: 5, since: 2019, trims: [
    { variant: "64 kWh Teknikk", fuel: "electric", transmission: "automatic", powerHp: 204, newPrice: 399900 },
  ] },
  { make: "Skoda", model: "Enyaq iV", body: "suv", doors: 5, seats: 5, since: 2021, trims: [
    { variant: "80 Sportline", fuel: "electric", transmission: "automatic", powerHp: 204, newPrice: 489900 },
    { variant: "60", fuel: "electric", transmission: "automatic", powerHp: 180, newPrice: 419900 },
  ] },
  { make: "Kia", model: "e-Niro", body: "suv", doors: 5, seats: 5, since: 2019, trims: [
    { variant: "64 kWh Exclusive", fuel: "electric", transmission: "automatic", powerHp: 204, newPrice: 429900 },
  ] },
  { make: "Audi", model: "e-tron", body: "suv", doors: 5, seats: 5, since: 2019, until: 2023, trims: [
    { variant: "55 quattro Sport 95 kWh", fuel: "electric", transmission: "automatic", powerHp: 408, newPrice: 699900 },
    { variant: "50 quattro", fuel: "electric", transmission: "automatic", powerHp: 313, newPrice: 599900 },
  ] },
  { make: "Polestar", model: "2", body: "sedan", doors: 5, seats: 5, since: 2020, trims: [
    { variant: "Long Range Dual Motor", fuel: "electric", transmission: "automatic", powerHp: 408, newPrice: 499900 },
  ] },
  { make: "Ford", model: "Mustang Mach-E", body: "suv", doors: 5, seats: 5, since: 2021, trims: [
    { variant: "Extended Range AWD", fuel: "electric", transmission: "automatic", powerHp: 351, newPrice: 559900 },
  ] },
  { make: "BMW", model: "i3", body: "hatchback", doors: 5, seats: 4, since: 2017, until: 2022, trims: [
    { variant: "120 Ah", fuel: "electric", transmission: "automatic", powerHp: 170, newPrice: 339900 },
  ] },
  { make: "BMW", model: "i4", body: "coupe", doors: 5, seats: 5, since: 2022, trims: [
    { variant: "eDrive40 M Sport", fuel: "electric", transmission: "automatic", powerHp: 340, newPrice: 589900 },
  ] },
  { make: "Renault", model: "Zoe", body: "hatchback", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "R110 Z.E. 50 Intens", fuel: "electric", transmission: "automatic", powerHp: 108, newPrice: 269900 },
  ] },
  { make: "Toyota", model: "RAV4", body: "suv", doors: 5, seats: 5, since: 2019, trims: [
    { variant: "2.5 Hybrid AWD-i Active Style", fuel: "hybrid", transmission: "automatic", powerHp: 222, newPrice: 529900 },
    { variant: "2.5 Plug-in Hybrid AWD-i", fuel: "hybrid", transmission: "automatic", powerHp: 306, newPrice: 589900 },
  ] },
  { make: "Toyota", model: "Corolla Touring Sports", body: "estate", doors: 5, seats: 5, since: 2019, trims: [
    { variant: "1.8 Hybrid Active", fuel: "hybrid", transmission: "automatic", powerHp: 122, newPrice: 389900 },
  ] },
  { make: "Volvo", model: "V60", body: "estate", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "T6 Recharge AWD Inscription", fuel: "hybrid", transmission: "automatic", powerHp: 340, newPrice: 629900 },
    { variant: "B4 Momentum", fuel: "diesel", transmission: "automatic", powerHp: 197, newPrice: 589900 },
  ] },
  { make: "Volvo", model: "XC60", body: "suv", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "T8 Recharge AWD R-Design", fuel: "hybrid", transmission: "automatic", powerHp: 390, newPrice: 729900 },
  ] },
  { make: "Skoda", model: "Octavia Combi", body: "estate", doors: 5, seats: 5, since: 2017, trims: [
    { variant: "2.0 TDI 4x4 Style DSG", fuel: "diesel", transmission: "automatic", powerHp: 150, newPrice: 459900 },
  ] },
  { make: "Volkswagen", model: "Golf", body: "hatchback", doors: 5, seats: 5, since: 2017, trims: [
    { variant: "1.5 TSI Life DSG", fuel: "petrol", transmission: "automatic", powerHp: 150, newPrice: 389900 },
  ] },
  { make: "Toyota", model: "Proace City Verso Electric", body: "mpv", doors: 5, seats: 5, since: 2022, trims: [
    { variant: "50 kWh Family", fuel: "electric", transmission: "automatic", powerHp: 136, newPrice: 429900 },
  ] },
  { make: "Volkswagen", model: "ID. Buzz Cargo", body: "van", doors: 4, seats: 3, since: 2022, trims: [
    { variant: "Pro 77 kWh", fuel: "electric", transmission: "automatic", powerHp: 204, newPrice: 549900 },
  ] },
  { make: "Toyota", model: "Hilux", body: "pickup", doors: 4, seats: 5, since: 2018, trims: [
    { variant: "2.4 D-4D Double Cab SR+", fuel: "diesel", transmission: "automatic", powerHp: 150, newPrice: 529900 },
  ] },
  { make: "Mazda", model: "MX-5", body: "convertible", doors: 2, seats: 2, since: 2016, trims: [
    { variant: "2.0 Skyactiv-G Sport Plus", fuel: "petrol", transmission: "manual", powerHp: 184, newPrice: 459900 },
  ] },
];

const colorWord: Record<string, string> = {
  black: "svart", white: "hvit", grey: "grå", silver: "sølvgrå", blue: "blå", red: "rød", green: "grønn", brown: "brun",
};

// Electric cars carry E-series plates; the rest get Hordaland's S-series letters
function norwegianPlate(r: Random, car: CarFacts): string {
  const letters = car.fuel === "electric" ? r.pick(["EB", "EC", "ED", "EF", "EH", "EJ", "EK", "EL", "EV"]) : r.pick(["SU", "SV", "SX", "SY", "ST"]);
  return `${letters} ${r.int(10_000, 99_999)}`;
}

function fuelSentence(car: CarFacts): string {
  if (car.fuel === "electric") return "Helelektrisk med god rekkevidde og lave driftskostnader – perfekt for pendling i Bergen.";
  if (car.fuel === "hybrid") return "Gjerrig hybriddrift som går mye på strøm i bykjøring.";
  if (car.fuel === "diesel") return "Sterk og gjerrig diesel, god til langturer og hengerkjøring.";
  return "Lettkjørt bensinmotor med lavt forbruk.";
}

export const no: MarketSpec = {
  tenant: {
    slug: "demo-no",
    name: "Fjord Bil AS",
    locale: "nb-NO",
    language: "nb",
    currency: "NOK",
    timeZone: "Europe/Oslo",
    country: "NO",
    address: { street: "Kanalveien 52", city: "Bergen", postalCode: "5068", country: "NO" },
    geo: { lat: 60.3574, lng: 5.3534 },
    phone: "4755123456",
    businessHours: {
      mon: weekday, tue: weekday, wed: weekday, thu: [{ open: "09:00", close: "19:00" }], fri: weekday,
      sat: [{ open: "10:00", close: "15:00" }], sun: [],
    },
    branding: { primaryColor: "#14532d", accentColor: "#0ea5e9" },
    whatsapp: { phoneNumberId: "100000000000002", displayPhone: "4755123457" },
    ownerWhatsApp: "4791000001",
    fonnteDevice: null,
    feedSecret: "dev-feed-demo-no",
    financing: { ratePct: 7.4, termMonths: 84, downPaymentPct: 35 },
  },
  staff: [
    { name: "Erik Haugland", email: "owner@demo-no.test", role: "owner", whatsapp: "4791000001" },
    { name: "Ingrid Solheim", email: "manager@demo-no.test", role: "manager", whatsapp: "4791000002" },
    { name: "Magnus Johannessen", email: "sales1@demo-no.test", role: "sales", whatsapp: "4791000003" },
    { name: "Sofie Nilsen", email: "sales2@demo-no.test", role: "sales", whatsapp: "4791000004" },
  ],
  customers: [
    "Ole Hansen", "Kari Berg", "Lars Olsen", "Ingrid Larsen", "Anders Pedersen", "Marte Kristiansen", "Jonas Andersen", "Ida Johansen",
    "Henrik Dahl", "Nora Halvorsen", "Sindre Lie", "Emilie Bakke", "Thomas Moen", "Hanne Aas", "Kristian Eide", "Silje Strand",
    "Bjørn Solberg", "Tone Haugen", "Amir Haddad", "Agnieszka Nowak", "Eirik Vik", "Camilla Fosse", "Per Sæther", "Maja Rønning",
    "Øyvind Hovland", "Line Tveit", "Mathias Ulvestad", "Hilde Myklebust", "Aleksander Brekke", "Thea Nygård", "Knut Engen", "Sara Mohammadi",
  ],
  mobileNumber: (r) => `47${r.pick(["4", "9"])}${r.int(1_000_000, 9_999_999)}`,
  models,
  colors: ["white", "white", "grey", "grey", "black", "black", "blue", "blue", "silver", "red", "green"],
  plate: norwegianPlate,
  stockPrefix: "FB",
  pricing: {
    kmPerYear: 13_000,
    ages: [1, 8],
    firstYearRetention: 0.8,
    yearlyRetention: 0.88,
    round: (p) => Math.round(p / 5000) * 5000 - 100,
    roundCost: (p) => Math.round(p / 1000) * 1000,
    roundBudget: (p) => Math.round(p / 10_000) * 10_000,
  },
  features: [
    ["Navigasjon"], ["Apple CarPlay og Android Auto"], ["Tosoners klimaanlegg"], ["Ryggekamera"], ["Parkeringssensorer foran og bak"],
    ["Setevarme foran"], ["Rattvarme"], ["LED-lys"], ["Vinterhjul på felg"], ["Nøkkelfri start"], ["Blindsonevarsler"], ["Feltassistent"],
    ["Adaptiv cruisekontroll", (c) => c.transmission === "automatic"],
    ["Varmepumpe", (c) => c.fuel === "electric"],
    ["Hurtiglading CCS", (c) => c.fuel === "electric"],
    ["Type 2-ladekabel", (c) => c.fuel === "electric" || c.variant.includes("Plug-in") || c.variant.includes("Recharge")],
    ["Hengerfeste", (c) => ["suv", "estate", "van", "pickup", "mpv"].includes(c.body)],
    ["Elektrisk bakluke", (c) => c.body === "suv" || c.body === "estate"],
    ["Panoramatak", (c) => c.body === "suv" || c.body === "estate"],
    ["Takrails", (c) => c.body === "suv" || c.body === "estate"],
  ],
  describe: (car, r) => {
    const km = formatKm(car.mileageKm, "NOK");
    return r.pick([
      `Pen og velholdt ${car.make} ${car.model} ${car.variant} fra ${car.year} med ${km}. ${fuelSentence(car)} Bilen leveres nylig EU-godkjent, med vinterhjul på felg og full servicehistorikk.`,
      `${car.make} ${car.model} i ${colorWord[car.color] ?? "flott"} farge, kun én eier og fulltegnet servicehefte. ${fuelSentence(car)} Velkommen til prøvekjøring hos oss på Kanalveien – innbytte er velkommen!`,
      `Her får du en solid ${car.make} ${car.model} (${car.year}) med ${km} på telleren. ${fuelSentence(car)} Vi tilbyr gunstig billån og 12 måneders garanti.`,
    ]);
  },
  chat: {
    opener: (c) => [`Hei! Er ${c.title} fortsatt til salgs?`, `Hei, jeg så ${c.title} på FINN. Er den ledig?`, `Hallo, har dere fortsatt ${c.title}?`],
    offer: (c) => `Hei, og takk for meldingen! Ja, *${c.title}* fra ${c.year} (${c.code}) er fortsatt ledig til ${c.price}. Den har gått ${c.km}. Har du lyst til å komme på prøvekjøring?`,
    askDetails: ["Har den full servicehistorikk? Og er den skadefri?", "Hvor mange eiere har den hatt? Følger det med vinterhjul?"],
    details: (c) => `${c.title} (${c.code}) har fulltegnet servicehefte, er skadefri og har gått ${c.km}. Vinterhjul på felg følger med, og vi gir 12 måneders garanti.`,
    statesBudget: (b) => [`Budsjettet mitt er rundt ${b}. Har dere noe lignende?`, `Jeg vil helst ikke over ${b}. Finnes det alternativer?`],
    suggest: (cars) => `Innenfor det budsjettet kan jeg anbefale ${cars.map((c) => `${c.title} fra ${c.year} (${c.code}) til ${c.price}`).join(" og ")}. Vil du at jeg sender bilder?`,
    thinking: ["Takk, jeg skal tenke litt på det.", "Supert, jeg snakker med samboeren min i kveld."],
    askTestDrive: ["Kan jeg ta en prøvetur snart?", "Går det an å prøvekjøre den denne uken?"],
    offerSlots: (s) => `Selvfølgelig! Jeg har ledig ${s.join(" eller ")}. Hva passer best for deg?`,
    pickSlot: (s) => `${s.split(" kl. ")[0]} passer fint!`,
    bookedEvent: (s, staff) => `Prøvekjøring booket: ${s} med ${staff}`,
    booked: (s) => `Da er prøvekjøringen booket ${s}. Bilen står klar, husk førerkortet. Vi ses!`,
    askDiscount: ["Hva er beste pris? Jeg har også en bil i innbytte.", "Kan dere gå litt ned i pris hvis jeg bestemmer meg raskt?"],
    handover: (n) => `Godt spørsmål! Pris og innbytte tar min kollega ${n} gjerne personlig med deg. ${n} tar kontakt om litt.`,
    handoverEvent: (n) => `Samtalen overtatt av ${n}`,
    staffOffer: (c, p) => `Hei, jeg har regnet litt: ${c.title} (${c.code}) kan du få for ${p}, inkludert innbytte etter takst. Skal vi avtale et møte?`,
    accepts: ["Avtale! Når kan jeg hente den?", "Høres bra ut, da gjør vi det sånn."],
    staffWon: (n) => `Gratulerer med ny bil, ${n}! God tur, og velkommen tilbake til første service.`,
    declines: ["Takk, men jeg har kjøpt bil et annet sted.", "Jeg dropper det, den ble litt for dyr for oss."],
    afterLost: "Så synd, men takk for at du sa ifra! Ta gjerne kontakt igjen om du ser etter bil senere.",
    slotJoiner: "kl.",
  },
  inquiry: {
    website: (car) => `Jeg er interessert i ${car}. Kan jeg prøvekjøre på lørdag? Har en Golf fra 2015 i innbytte.`,
    email: (car) => `Ny henvendelse fra FINN.no — ${car}: "Er bilen fortsatt til salgs, og hva er beste pris?"`,
    facebook: (car) => `Facebook-skjema: interessert i ${car}, ønsker info om billån.`,
    phone: (car) => `Ringte om ${car}. Vil bli ringt opp etter kl. 16 om servicehistorikken.`,
    walk_in: (car) => `Besøk i butikken: så på ${car}, kommer tilbake med samboer.`,
  },
  lostReasons: ["Kjøpt bil et annet sted", "For dyr", "Svarer ikke lenger", "Fikk ikke billån", "For lav innbyttepris"],
};
