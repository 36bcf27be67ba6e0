import type { MarketSpec } from "./types";

const weekdays = [{ open: "09:00", close: "17:00" }];

export const no: MarketSpec = {
  slug: "demo-no",
  tenant: {
    name: "Fjord Bil AS",
    locale: "nb-NO",
    currency: "NOK",
    timeZone: "Europe/Oslo",
    country: "NO",
    phone: "+47 55 12 34 56",
    address: { street: "Kokstadveien 23", city: "Bergen", postalCode: "5257", country: "NO" },
    geo: { lat: 60.2946, lng: 5.2617 },
    businessHours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: [{ open: "09:00", close: "19:00" }], fri: weekdays, sat: [{ open: "10:00", close: "15:00" }], sun: [] },
    branding: { primaryColor: "#14532d", accentColor: "#0ea5e9" },
    financing: { ratePct: 6.4, termMonths: 72, downPaymentPct: 35 },
  },
  phoneNumberId: "100000000000002",
  ownerWhatsApp: "4791000001",
  staffNames: ["Kari Nordmann", "Erik Haugen", "Ingrid Berg", "Ola Johansen"],
  customerNames: ["Lars Hansen", "Silje Olsen", "Magnus Larsen", "Nora Andersen", "Henrik Pedersen", "Ida Nilsen", "Jonas Kristiansen", "Emma Jensen", "Sindre Karlsen", "Thea Johansen", "Andreas Eriksen", "Maria Solberg", "Kristian Bakken", "Hanna Lie", "Martin Dahl", "Ingrid Moe", "Eirik Halvorsen", "Sofie Strand", "Håkon Lund", "Julie Berge", "Øystein Vik", "Maja Aas", "Tobias Hagen", "Vilde Ruud", "Sander Myhre", "Frida Holm"],
  phonePrefix: "479",
  phoneDigits: 7,
  emailDomain: "eksempel.no",
  models: [
    { make: "Tesla", model: "Model Y", variants: ["Long Range AWD", "Performance"], body: "suv", fuels: ["electric"], automaticShare: 1, basePrice: 449900, powerHp: 514, seats: 5, doors: 5 },
    { make: "Tesla", model: "Model 3", variants: ["Standard Range", "Long Range AWD"], body: "sedan", fuels: ["electric"], automaticShare: 1, basePrice: 359900, powerHp: 283, seats: 5, doors: 4 },
    { make: "Volkswagen", model: "ID.4", variants: ["Pro 77 kWh", "GTX 4MOTION"], body: "suv", fuels: ["electric"], automaticShare: 1, basePrice: 399900, powerHp: 204, seats: 5, doors: 5 },
    { make: "Nissan", model: "Leaf", variants: ["40 kWh Tekna", "e+ 62 kWh N-Connecta"], body: "hatchback", fuels: ["electric"], automaticShare: 1, basePrice: 189900, powerHp: 150, seats: 5, doors: 5 },
    { make: "Hyundai", model: "Kona Electric", variants: ["64 kWh Trend", "64 kWh Premium"], body: "suv", fuels: ["electric"], automaticShare: 1, basePrice: 279900, powerHp: 204, seats: 5, doors: 5 },
    { make: "Skoda", model: "Enyaq", variants: ["iV 80", "iV 80x Sportline"], body: "suv", fuels: ["electric"], automaticShare: 1, basePrice: 419900, powerHp: 204, seats: 5, doors: 5 },
    { make: "Toyota", model: "RAV4", variants: ["2.5 Hybrid AWD Active", "Plug-in Hybrid Style"], body: "suv", fuels: ["hybrid"], automaticShare: 1, basePrice: 459900, powerHp: 222, seats: 5, doors: 5 },
    { make: "Volvo", model: "V60", variants: ["T6 Recharge Inscription", "D4 Momentum"], body: "estate", fuels: ["hybrid", "diesel"], automaticShare: 1, basePrice: 429900, powerHp: 253, seats: 5, doors: 5 },
    { make: "Volvo", model: "XC60", variants: ["T8 Recharge R-Design", "B4 AWD Momentum"], body: "suv", fuels: ["hybrid", "diesel"], automaticShare: 1, basePrice: 589900, powerHp: 390, seats: 5, doors: 5 },
    { make: "Audi", model: "e-tron", variants: ["55 quattro Sport", "50 quattro"], body: "suv", fuels: ["electric"], automaticShare: 1, basePrice: 499900, powerHp: 408, seats: 5, doors: 5 },
    { make: "Volkswagen", model: "Golf", variants: ["1.5 eTSI Life", "e-Golf 35.8 kWh"], body: "hatchback", fuels: ["petrol", "electric"], automaticShare: 0.7, basePrice: 289900, powerHp: 136, seats: 5, doors: 5 },
    { make: "Kia", model: "EV6", variants: ["77 kWh GT-Line AWD"], body: "suv", fuels: ["electric"], automaticShare: 1, basePrice: 479900, powerHp: 325, seats: 5, doors: 5 },
    { make: "Polestar", model: "2", variants: ["Long Range Single Motor", "Long Range Dual Motor"], body: "hatchback", fuels: ["electric"], automaticShare: 1, basePrice: 399900, powerHp: 231, seats: 5, doors: 5 },
    { make: "Toyota", model: "Corolla", variants: ["1.8 Hybrid Touring Sports Active"], body: "estate", fuels: ["hybrid"], automaticShare: 1, basePrice: 319900, powerHp: 122, seats: 5, doors: 5 },
    { make: "BMW", model: "i3", variants: ["120 Ah Fleet", "94 Ah REX"], body: "hatchback", fuels: ["electric"], automaticShare: 1, basePrice: 169900, powerHp: 170, seats: 4, doors: 5 },
    { make: "Mitsubishi", model: "Outlander", variants: ["PHEV Instyle"], body: "suv", fuels: ["hybrid"], automaticShare: 1, basePrice: 259900, powerHp: 224, seats: 5, doors: 5 },
  ],
  colors: ["white", "black", "grey", "blue", "silver", "red"],
  plate: (r) => `${r.pick(["EV", "EL", "EK", "EB", "DN", "BR"])} ${r.int(10000, 99999)}`,
  stockPrefix: "FB",
  priceStep: 1000,
  mileagePerYear: 14000,
  features: ["Varmepumpe", "Hengerfeste", "Adaptiv cruisekontroll", "Setevarme foran og bak", "Ryggekamera", "Navigasjon", "Apple CarPlay", "Elektrisk bakluke", "Vinterhjul på felg", "Rattvarme", "Keyless go", "Panoramatak"],
  describe: (v) =>
    `Pen ${v.make} ${v.model} fra ${v.year} med ${v.mileageKm.toLocaleString("nb-NO")} km. ` +
    `Godt vedlikeholdt med full servicehistorikk, EU-godkjent og klar for levering. Vinterhjul følger med.`,
  conversation: {
    customerAsks: (car) => [`Hei! Er ${car} fortsatt til salgs?`, "Kan jeg prøvekjøre den på lørdag?"],
    assistantAnswers: (car, code, price) => [
      `Hei! Ja, *${car}* (${code}) er fortsatt tilgjengelig til ${price}. Vil du komme innom for en prøvetur?`,
      "Lørdag passer fint kl. 10:30 eller 13:00. Hvilket tidspunkt passer best?",
    ],
    staffLine: "Bilen står klar til deg på lørdag. Velkommen!",
  },
  lostReasons: ["Kjøpte et annet sted", "For dyr", "Ingen respons", "Fikk ikke finansiering"],
};
