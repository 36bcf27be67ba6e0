import type { CarFacts, MarketSpec, ModelRow } from "./market";
import { formatKm } from "./format";
import type { Random } from "./random";

const weekday = [{ open: "09:00", close: "18:00" }];

const models: ModelRow[] = [
  { make: "Volkswagen", model: "Golf", body: "hatchback", doors: 5, seats: 5, since: 2017, trims: [
    { variant: "1.0 TSI Life", fuel: "petrol", transmission: "manual", powerHp: 110, newPrice: 32500 },
    { variant: "1.5 eTSI Style DSG", fuel: "petrol", transmission: "automatic", powerHp: 150, newPrice: 38900 },
    { variant: "1.4 eHybrid GTE", fuel: "hybrid", transmission: "automatic", powerHp: 245, newPrice: 46900 },
  ] },
  { make: "Volkswagen", model: "Polo", body: "hatchback", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "1.0 TSI Comfortline", fuel: "petrol", transmission: "manual", powerHp: 95, newPrice: 22900 },
    { variant: "1.0 TSI Highline DSG", fuel: "petrol", transmission: "automatic", powerHp: 110, newPrice: 25900 },
  ] },
  { make: "Volkswagen", model: "Tiguan", body: "suv", doors: 5, seats: 5, since: 2017, trims: [
    { variant: "1.5 TSI Life DSG", fuel: "petrol", transmission: "automatic", powerHp: 150, newPrice: 44900 },
    { variant: "1.4 TSI eHybrid R-Line", fuel: "hybrid", transmission: "automatic", powerHp: 245, newPrice: 54900 },
  ] },
  { make: "Toyota", model: "Yaris", body: "hatchback", doors: 5, seats: 5, since: 2020, trims: [
    { variant: "1.5 Hybrid Dynamic", fuel: "hybrid", transmission: "automatic", powerHp: 116, newPrice: 26500 },
    { variant: "1.5 Hybrid Executive", fuel: "hybrid", transmission: "automatic", powerHp: 116, newPrice: 30500 },
  ] },
  { make: "Toyota", model: "Corolla Touring Sports", body: "estate", doors: 5, seats: 5, since: 2019, trims: [
    { variant: "1.8 Hybrid Active", fuel: "hybrid", transmission: "automatic", powerHp: 122, newPrice: 33900 },
    { variant: "2.0 Hybrid GR-Sport", fuel: "hybrid", transmission: "automatic", powerHp: 184, newPrice: 42500 },
  ] },
  { make: "Kia", model: "Niro", body: "suv", doors: 5, seats: 5, since: 2019, trims: [
    { variant: "e-Niro DynamicLine 64 kWh", fuel: "electric", transmission: "automatic", powerHp: 204, newPrice: 41500 },
    { variant: "1.6 GDi Hybrid DynamicLine", fuel: "hybrid", transmission: "automatic", powerHp: 141, newPrice: 32900 },
  ] },
  { make: "Kia", model: "Picanto", body: "hatchback", doors: 5, seats: 4, since: 2017, trims: [
    { variant: "1.0 DPi ComfortLine", fuel: "petrol", transmission: "manual", powerHp: 67, newPrice: 16900 },
    { variant: "1.0 T-GDi GT-Line", fuel: "petrol", transmission: "manual", powerHp: 100, newPrice: 20900 },
  ] },
  { make: "Peugeot", model: "208", body: "hatchback", doors: 5, seats: 5, since: 2020, trims: [
    { variant: "1.2 PureTech Active", fuel: "petrol", transmission: "manual", powerHp: 75, newPrice: 22500 },
    { variant: "1.2 PureTech Allure EAT8", fuel: "petrol", transmission: "automatic", powerHp: 100, newPrice: 27500 },
    { variant: "e-208 GT 50 kWh", fuel: "electric", transmission: "automatic", powerHp: 136, newPrice: 36900 },
  ] },
  { make: "Peugeot", model: "3008", body: "suv", doors: 5, seats: 5, since: 2017, trims: [
    { variant: "1.2 PureTech Allure", fuel: "petrol", transmission: "manual", powerHp: 130, newPrice: 36900 },
    { variant: "1.6 HYbrid 225 GT", fuel: "hybrid", transmission: "automatic", powerHp: 225, newPrice: 49900 },
  ] },
  { make: "Renault", model: "Clio", body: "hatchback", doors: 5, seats: 5, since: 2019, trims: [
    { variant: "1.0 TCe Zen", fuel: "petrol", transmission: "manual", powerHp: 90, newPrice: 21900 },
    { variant: "1.6 E-Tech Hybrid Techno", fuel: "hybrid", transmission: "automatic", powerHp: 140, newPrice: 27900 },
  ] },
  { make: "Opel", model: "Corsa", body: "hatchback", doors: 5, seats: 5, since: 2020, trims: [
    { variant: "1.2 Edition", fuel: "petrol", transmission: "manual", powerHp: 75, newPrice: 20500 },
    { variant: "Corsa-e Elegance 50 kWh", fuel: "electric", transmission: "automatic", powerHp: 136, newPrice: 33900 },
  ] },
  { make: "Skoda", model: "Octavia Combi", body: "estate", doors: 5, seats: 5, since: 2017, trims: [
    { variant: "1.5 TSI Business Edition", fuel: "petrol", transmission: "manual", powerHp: 150, newPrice: 36500 },
    { variant: "2.0 TDI Style DSG", fuel: "diesel", transmission: "automatic", powerHp: 150, newPrice: 41900 },
    { variant: "1.4 TSI iV Business Edition Plus", fuel: "hybrid", transmission: "automatic", powerHp: 204, newPrice: 43900 },
  ] },
  { make: "BMW", model: "3-serie", body: "sedan", doors: 4, seats: 5, since: 2019, trims: [
    { variant: "320i Executive Edition", fuel: "petrol", transmission: "automatic", powerHp: 184, newPrice: 52900 },
    { variant: "330e M Sport", fuel: "hybrid", transmission: "automatic", powerHp: 292, newPrice: 59900 },
  ] },
  { make: "Volvo", model: "XC40", body: "suv", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "B3 Core", fuel: "petrol", transmission: "automatic", powerHp: 163, newPrice: 45900 },
    { variant: "Recharge Plus 69 kWh", fuel: "electric", transmission: "automatic", powerHp: 231, newPrice: 55900 },
  ] },
  { make: "Tesla", model: "Model 3", body: "sedan", doors: 4, seats: 5, since: 2019, trims: [
    { variant: "Standard Range Plus RWD", fuel: "electric", transmission: "automatic", powerHp: 325, newPrice: 49900 },
    { variant: "Long Range AWD", fuel: "electric", transmission: "automatic", powerHp: 498, newPrice: 56900 },
  ] },
  { make: "Ford", model: "Focus", body: "hatchback", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "1.0 EcoBoost Titanium", fuel: "petrol", transmission: "manual", powerHp: 125, newPrice: 28900 },
    { variant: "1.0 EcoBoost Hybrid ST Line X", fuel: "hybrid", transmission: "manual", powerHp: 155, newPrice: 33500 },
  ] },
  { make: "Hyundai", model: "Tucson", body: "suv", doors: 5, seats: 5, since: 2021, trims: [
    { variant: "1.6 T-GDI HEV Premium", fuel: "hybrid", transmission: "automatic", powerHp: 230, newPrice: 46900 },
  ] },
  { make: "Mercedes-Benz", model: "A-Klasse", body: "hatchback", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "A180 Business Solution", fuel: "petrol", transmission: "automatic", powerHp: 136, newPrice: 37900 },
    { variant: "A250e AMG Line", fuel: "hybrid", transmission: "automatic", powerHp: 218, newPrice: 47900 },
  ] },
  { make: "Toyota", model: "C-HR", body: "suv", doors: 5, seats: 5, since: 2017, trims: [
    { variant: "1.8 Hybrid Dynamic", fuel: "hybrid", transmission: "automatic", powerHp: 122, newPrice: 34900 },
  ] },
  { make: "BMW", model: "4-serie Coupé", body: "coupe", doors: 2, seats: 4, since: 2017, trims: [
    { variant: "420i High Executive", fuel: "petrol", transmission: "automatic", powerHp: 184, newPrice: 56900 },
  ] },
  { make: "Mazda", model: "MX-5", body: "convertible", doors: 2, seats: 2, since: 2016, trims: [
    { variant: "1.5 SkyActiv-G GT-M", fuel: "petrol", transmission: "manual", powerHp: 132, newPrice: 34900 },
  ] },
  { make: "Citroën", model: "Berlingo", body: "mpv", doors: 5, seats: 5, since: 2019, trims: [
    { variant: "1.2 PureTech Feel", fuel: "petrol", transmission: "manual", powerHp: 110, newPrice: 29900 },
  ] },
  { make: "Volkswagen", model: "Transporter", body: "van", doors: 4, seats: 3, since: 2016, trims: [
    { variant: "2.0 TDI L2H1 Highline", fuel: "diesel", transmission: "manual", powerHp: 150, newPrice: 44900 },
  ] },
  { make: "Ford", model: "Ranger", body: "pickup", doors: 4, seats: 5, since: 2019, trims: [
    { variant: "2.0 EcoBlue Wildtrak Double Cab", fuel: "diesel", transmission: "automatic", powerHp: 213, newPrice: 59900 },
  ] },
];

const colorWord: Record<string, string> = {
  black: "zwarte", white: "witte", grey: "grijze", silver: "zilvergrijze", blue: "blauwe", red: "rode", green: "groene", brown: "bruine", beige: "beige",
};

// Dutch sidecodes by registration year; letters without vowels, as the RDW issues them
const plateLetters = "BDFGHJKLNPRSTVXZ";
function dutchPlate(r: Random, car: CarFacts): string {
  const l = (n: number) => Array.from({ length: n }, () => r.pick([...plateLetters])).join("");
  const d = (n: number) => String(r.int(10 ** (n - 1), 10 ** n - 1));
  if (car.year <= 2015) return `${d(1)}-${l(3)}-${d(2)}`;
  if (car.year <= 2018) return `${l(2)}-${d(3)}-${l(1)}`;
  if (car.year <= 2022) return `${"GHJKL"[Math.min(car.year - 2019, 4)]}-${d(3)}-${l(2)}`;
  return `${l(3)}-${d(2)}-${l(1)}`;
}

function fuelSentence(car: CarFacts): string {
  if (car.fuel === "electric") return "Volledig elektrisch: stil, snel en voordelig in gebruik, ideaal voor woon-werkverkeer.";
  if (car.fuel === "hybrid") return "De zuinige hybride aandrijving rijdt in de stad een groot deel elektrisch.";
  if (car.fuel === "diesel") return "Een sterke en zuinige diesel voor wie veel kilometers maakt of wil trekken.";
  return car.transmission === "automatic" ? "Vlotte benzinemotor met een soepel schakelende automaat." : "Vlotte en zuinige benzinemotor met een lekker schakelende handbak.";
}

export const nl: MarketSpec = {
  tenant: {
    slug: "demo-nl",
    name: "Autohuis Van Dijk",
    locale: "nl-NL",
    language: "nl",
    currency: "EUR",
    timeZone: "Europe/Amsterdam",
    country: "NL",
    address: { street: "Nijverheidsweg-Noord 112", city: "Amersfoort", postalCode: "3812 PN", country: "NL" },
    geo: { lat: 52.1726, lng: 5.3992 },
    phone: "31334567890",
    businessHours: {
      mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: [{ open: "09:00", close: "21:00" }],
      sat: [{ open: "09:30", close: "17:00" }], sun: [],
    },
    branding: { primaryColor: "#0b4f8a", accentColor: "#f59e0b" },
    whatsapp: { phoneNumberId: "100000000000001", displayPhone: "31334567891" },
    ownerWhatsApp: "31611000001",
    fonnteDevice: null,
    feedSecret: "dev-feed-demo-nl",
    financing: { ratePct: 7.9, termMonths: 72, downPaymentPct: 10 },
  },
  staff: [
    { name: "Jan van Dijk", email: "owner@demo-nl.test", role: "owner", whatsapp: "31611000001" },
    { name: "Marloes Bakker", email: "manager@demo-nl.test", role: "manager", whatsapp: "31611000002" },
    { name: "Sven de Vries", email: "sales1@demo-nl.test", role: "sales", whatsapp: "31611000003" },
    { name: "Fatima El Amrani", email: "sales2@demo-nl.test", role: "sales", whatsapp: "31611000004" },
  ],
  customers: [
    "Pieter Jansen", "Sanne de Boer", "Mohamed Yilmaz", "Lotte Visser", "Bram Smit", "Eva Mulder", "Daan Meijer", "Noa de Graaf",
    "Kees Bos", "Anouk Vos", "Thijs Peters", "Iris Hendriks", "Ruben Dekker", "Femke van Leeuwen", "Jeroen Brouwer", "Lieke de Wit",
    "Martijn Kok", "Sophie Dijkstra", "Rik Smeets", "Julia van den Berg", "Hans Kramer", "Yara Kuipers", "Tim Willems", "Emma Postma",
    "Stefan Verhoeven", "Nina Koster", "Priya Ramdin", "Wouter Schouten", "Esra Kaya", "Gerard van Wijk", "Mila Prins", "Joost Hoekstra",
  ],
  mobileNumber: (r) => `316${r.int(10_000_000, 99_999_999)}`,
  models,
  colors: ["grey", "grey", "grey", "black", "black", "white", "white", "blue", "blue", "silver", "red", "green"],
  plate: dutchPlate,
  stockPrefix: "VD",
  pricing: {
    kmPerYear: 15_000,
    ages: [1, 8],
    firstYearRetention: 0.82,
    yearlyRetention: 0.9,
    round: (p) => Math.round(p / 500) * 500 - 50,
    roundCost: (p) => Math.round(p / 100) * 100,
    roundBudget: (p) => Math.round(p / 1000) * 1000,
  },
  features: [
    ["Navigatiesysteem"], ["Apple CarPlay en Android Auto"], ["Climate control"], ["Parkeersensoren voor en achter"],
    ["Achteruitrijcamera"], ["Stoelverwarming voor"], ["LED-koplampen"], ["Lichtmetalen velgen"], ["Keyless entry en start"],
    ["Dodehoekdetectie"], ["Lane assist"], ["Stuurwielverwarming"],
    ["Adaptieve cruise control", (c) => c.transmission === "automatic"],
    ["Warmtepomp", (c) => c.fuel === "electric"],
    ["Snelladen via CCS", (c) => c.fuel === "electric"],
    ["Laadkabel type 2", (c) => c.fuel === "electric" || c.variant.includes("eHybrid") || c.variant.includes("iV")],
    ["Trekhaak (afneembaar)", (c) => ["suv", "estate", "van", "pickup", "mpv"].includes(c.body)],
    ["Elektrische achterklep", (c) => c.body === "suv" || c.body === "estate"],
    ["Panoramadak", (c) => c.body === "suv" || c.body === "estate"],
    ["Dakrails", (c) => c.body === "suv" || c.body === "estate"],
  ],
  describe: (car, r) => {
    const km = formatKm(car.mileageKm, "EUR");
    const color = colorWord[car.color] ?? "";
    return r.pick([
      `Deze ${color} ${car.make} ${car.model} ${car.variant} uit ${car.year} staat er keurig bij met ${km} NAP. ${fuelSentence(car)} Inclusief 12 maanden BOVAG-garantie en een grote beurt bij aflevering.`,
      `Nette ${car.make} ${car.model} met volledige onderhoudshistorie en ${km} op de teller. ${fuelSentence(car)} Kom gerust langs in onze showroom in Amersfoort voor een proefrit, inruil is bespreekbaar.`,
      `Een echte aanrader: ${car.make} ${car.model} (${car.year}), eerste eigenaar, dealeronderhouden. ${fuelSentence(car)} Rijklaar geleverd met nieuwe APK en 12 maanden garantie.`,
    ]);
  },
  chat: {
    opener: (c) => [`Hoi, is de ${c.title} nog beschikbaar?`, `Goedendag, ik zag jullie ${c.title} online staan. Is die nog te koop?`, `Hallo! Staat de ${c.title} nog bij jullie?`],
    offer: (c) => `Hoi! Ja, de *${c.title}* uit ${c.year} (${c.code}) is nog beschikbaar voor ${c.price}. Hij heeft ${c.km} gelopen. Wil je een keer langskomen voor een proefrit?`,
    askDetails: ["Is de onderhoudshistorie compleet? En heeft hij schade gehad?", "Hoeveel eigenaren heeft hij gehad? Zit er nog garantie op?"],
    details: (c) => `De ${c.title} (${c.code}) is volledig dealeronderhouden, de kilometerstand van ${c.km} is NAP-logisch en hij is schadevrij. Je krijgt 12 maanden BOVAG-garantie.`,
    statesBudget: (b) => [`Mijn budget is ongeveer ${b}. Hebben jullie nog iets vergelijkbaars?`, `Ik wil eigenlijk niet boven de ${b} uitkomen. Zijn er alternatieven?`],
    suggest: (cars) => `Binnen dat budget heb ik deze voor je: ${cars.map((c) => `${c.title} uit ${c.year} (${c.code}) voor ${c.price}`).join(" en ")}. Zal ik er foto's van sturen?`,
    thinking: ["Dank je, ik ga er even over nadenken.", "Top, ik bespreek het vanavond met mijn vrouw."],
    askTestDrive: ["Kan ik binnenkort een proefrit maken?", "Zou ik deze week een proefrit kunnen maken?"],
    offerSlots: (s) => `Zeker! Ik heb nog plek op ${s.join(" of ")}. Wat past jou het beste?`,
    pickSlot: (s) => `${s.split(" om ")[0]} is prima!`,
    bookedEvent: (s, staff) => `Proefrit ingepland: ${s} met ${staff}`,
    booked: (s) => `Genoteerd: proefrit op ${s}. De auto staat klaar, neem je rijbewijs mee. Tot dan!`,
    askDiscount: ["Wat is jullie laatste prijs? Ik heb ook nog een inruilauto.", "Kan er nog wat van de prijs af als ik snel beslis?"],
    handover: (n) => `Goede vraag! Over prijs en inruil overlegt mijn collega ${n} graag persoonlijk met je. ${n} neemt zo contact met je op.`,
    handoverEvent: (n) => `Gesprek overgenomen door ${n}`,
    staffOffer: (c, p) => `Hoi, ik heb even gerekend: voor de ${c.title} (${c.code}) kan ik je ${p} rijklaar doen, inclusief inruil na taxatie. Zullen we een afspraak maken?`,
    accepts: ["Deal! Wanneer kan ik hem ophalen?", "Klinkt goed, dan doen we het zo."],
    staffWon: (n) => `Gefeliciteerd met je nieuwe auto, ${n}! Veel rijplezier en tot de eerste onderhoudsbeurt.`,
    declines: ["Bedankt, maar ik heb inmiddels elders een auto gekocht.", "Ik zie er toch vanaf, hij past niet in ons budget."],
    afterLost: "Jammer, maar bedankt voor je bericht! Als je in de toekomst weer iets zoekt, help ik je graag.",
    slotJoiner: "om",
  },
  inquiry: {
    website: (car) => `Ik heb interesse in de ${car}. Is een proefrit op zaterdag mogelijk? Ik heb een Opel Astra uit 2014 als inruil.`,
    email: (car) => `Nieuwe lead via AutoScout24 — ${car}: "Is deze auto nog beschikbaar en wat is de laatste prijs?"`,
    facebook: (car) => `Facebook-formulier: interesse in ${car}, wil graag info over financiering.`,
    phone: (car) => `Belde over de ${car}. Wil teruggebeld worden na 17:00 over de onderhoudshistorie.`,
    walk_in: (car) => `Showroombezoek: keek naar de ${car}, komt terug met partner.`,
  },
  lostReasons: ["Elders gekocht", "Te duur", "Geen reactie meer", "Financiering afgewezen", "Inruilprijs te laag"],
};
