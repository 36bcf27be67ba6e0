import type { Lang } from "./types";

// Every sentence the offline assistant says, per language. {placeholders} are filled by replies.ts.
export type Phrases = {
  greeting: string; askNeeds: string; found: string; foundOne: string; noMatch: string; relaxed: string; noAlternatives: string;
  detailsIntro: string; reservedNote: string; link: string; financing: string; financingNote: string;
  slotsIntro: string; slotsPick: string; noSlots: string; booked: string; slotTaken: string; whichCar: string;
  negotiation: string; tradeIn: string; hours: string; location: string; handover: string; thanks: string; optOut: string;
  rateLimited: string; other: string; stockCount: string; km: string; automatic: string; manual: string;
  fuel: Record<string, string>; relaxedWhat: Record<string, string>;
};

const en: Phrases = {
  greeting: "Hi! Welcome to {dealer}.", askNeeds: "What kind of car are you looking for? Tell me a budget, type or brand and I'll check our stock right away.",
  found: "Here's what we have for you:", foundOne: "Here's a match:", noMatch: "I don't have an exact match in stock right now.",
  relaxed: "Closest options ({what}):", noAlternatives: "Shall I let a colleague know what you're looking for, so we can call you when it comes in?",
  detailsIntro: "Here are the details:", reservedNote: "_Note: this car is reserved at the moment._", link: "Photos and details: {url}",
  financing: "Financing example for the {car}: *{monthly} per month* over {months} months at {rate}% interest, with {down} down.",
  financingNote: "This is an indication; a colleague can make you a personal quote.", slotsIntro: "I can plan a test drive of the {car} at:",
  slotsPick: "Which time suits you? Reply with the number.", noSlots: "I couldn't find a free time in the next days; a colleague will contact you to plan it.",
  booked: "Done! Your test drive of the {car} is booked for *{when}* at {address}. See you then!", slotTaken: "That time is not available.",
  whichCar: "Which car would you like to see? Send me its code (for example {example}) or tell me what you're looking for.",
  negotiation: "The price of the {car} is {price}. I've asked a sales colleague to get back to you personally about the price.",
  tradeIn: "Trading in is possible! Send me the make, model, year and mileage of your car (photos help too); a colleague will give you a trade-in value.",
  hours: "Our opening hours: {hours}", location: "You'll find us at {address}. Route: {maps}",
  handover: "Of course! I've asked a colleague to contact you as soon as possible.", thanks: "You're welcome! Let me know if I can help with anything else.",
  optOut: "You won't receive any more messages from us. Send a message any time if you need us.", rateLimited: "You're sending messages quickly — I'll answer in a moment.",
  other: "I'm not sure I understood. I can help with our cars, prices, financing, test drives and opening hours.", stockCount: "We have {count} cars in stock.",
  km: "km", automatic: "automatic", manual: "manual",
  fuel: { petrol: "petrol", diesel: "diesel", hybrid: "hybrid", electric: "electric", lpg: "LPG", other: "other" },
  relaxedWhat: { color: "other colour", maxKm: "a bit more mileage", minYear: "slightly older", body: "other body type", fuel: "other fuel", transmission: "other gearbox", model: "other models", make: "other brands", maxPrice: "slightly above budget", minPrice: "other prices" },
};

const nl: Phrases = {
  greeting: "Hoi! Welkom bij {dealer}.", askNeeds: "Wat voor auto zoekt u? Noem een budget, type of merk en ik kijk direct in onze voorraad.",
  found: "Dit hebben we voor u:", foundOne: "Deze past bij uw wens:", noMatch: "Ik heb op dit moment geen auto die precies aan uw wensen voldoet.",
  relaxed: "Dichtstbijzijnde opties ({what}):", noAlternatives: "Zal ik een collega laten weten wat u zoekt, zodat we u bellen zodra hij binnenkomt?",
  detailsIntro: "Hier zijn de gegevens:", reservedNote: "_Let op: deze auto is momenteel gereserveerd._", link: "Foto's en details: {url}",
  financing: "Voorbeeld financiering voor de {car}: *{monthly} per maand* over {months} maanden bij {rate}% rente, met {down} aanbetaling.",
  financingNote: "Dit is een indicatie; een collega maakt graag een persoonlijke offerte.", slotsIntro: "Ik kan een proefrit met de {car} inplannen op:",
  slotsPick: "Welk moment past u? Antwoord met het nummer.", noSlots: "Ik vond de komende dagen geen vrij moment; een collega neemt contact op om het in te plannen.",
  booked: "Geregeld! Uw proefrit met de {car} staat gepland op *{when}* bij {address}. Tot dan!", slotTaken: "Dat moment is helaas niet beschikbaar.",
  whichCar: "Welke auto wilt u bekijken? Stuur de code (bijvoorbeeld {example}) of vertel wat u zoekt.",
  negotiation: "De prijs van de {car} is {price}. Ik heb een verkoper gevraagd persoonlijk contact met u op te nemen over de prijs.",
  tradeIn: "Inruilen kan! Stuur merk, model, bouwjaar en kilometerstand van uw auto (foto's helpen ook); een collega geeft u een inruilprijs.",
  hours: "Onze openingstijden: {hours}", location: "U vindt ons aan de {address}. Route: {maps}",
  handover: "Natuurlijk! Ik heb een collega gevraagd zo snel mogelijk contact met u op te nemen.", thanks: "Graag gedaan! Laat het weten als ik ergens mee kan helpen.",
  optOut: "U ontvangt geen berichten meer van ons. Stuur gerust een bericht als u ons nodig heeft.", rateLimited: "U stuurt snel berichten — ik antwoord zo.",
  other: "Ik weet niet zeker of ik u goed begrijp. Ik help graag met onze auto's, prijzen, financiering, proefritten en openingstijden.", stockCount: "We hebben {count} auto's op voorraad.",
  km: "km", automatic: "automaat", manual: "handgeschakeld",
  fuel: { petrol: "benzine", diesel: "diesel", hybrid: "hybride", electric: "elektrisch", lpg: "LPG", other: "overig" },
  relaxedWhat: { color: "andere kleur", maxKm: "iets meer kilometers", minYear: "iets ouder", body: "ander type", fuel: "andere brandstof", transmission: "andere transmissie", model: "andere modellen", make: "andere merken", maxPrice: "iets boven budget", minPrice: "andere prijzen" },
};

const nb: Phrases = {
  greeting: "Hei! Velkommen til {dealer}.", askNeeds: "Hva slags bil ser du etter? Si et budsjett, en type eller et merke, så sjekker jeg lageret med en gang.",
  found: "Dette har vi til deg:", foundOne: "Denne passer:", noMatch: "Jeg har ingen bil som passer helt akkurat nå.",
  relaxed: "Nærmeste alternativer ({what}):", noAlternatives: "Skal jeg gi beskjed til en kollega om hva du ser etter, så ringer vi når den kommer inn?",
  detailsIntro: "Her er detaljene:", reservedNote: "_Merk: denne bilen er reservert for øyeblikket._", link: "Bilder og detaljer: {url}",
  financing: "Finansieringseksempel for {car}: *{monthly} per måned* over {months} måneder med {rate} % rente og {down} i egenkapital.",
  financingNote: "Dette er et estimat; en kollega lager gjerne et personlig tilbud.", slotsIntro: "Jeg kan sette opp en prøvetur med {car}:",
  slotsPick: "Hvilket tidspunkt passer? Svar med nummeret.", noSlots: "Jeg fant ingen ledig tid de neste dagene; en kollega tar kontakt for å avtale.",
  booked: "Da er det avtalt! Prøveturen med {car} er booket *{when}* hos oss i {address}. Vi ses!", slotTaken: "Det tidspunktet er dessverre ikke ledig.",
  whichCar: "Hvilken bil vil du se? Send koden (for eksempel {example}) eller fortell hva du ser etter.",
  negotiation: "Prisen på {car} er {price}. Jeg har bedt en selger ta kontakt med deg personlig om prisen.",
  tradeIn: "Innbytte går fint! Send merke, modell, årsmodell og kilometerstand (bilder hjelper også), så gir en kollega deg en innbyttepris.",
  hours: "Åpningstider: {hours}", location: "Du finner oss i {address}. Veibeskrivelse: {maps}",
  handover: "Selvsagt! Jeg har bedt en kollega ta kontakt med deg så snart som mulig.", thanks: "Bare hyggelig! Si fra hvis jeg kan hjelpe med noe mer.",
  optOut: "Du får ikke flere meldinger fra oss. Send gjerne en melding hvis du trenger oss.", rateLimited: "Du sender meldinger raskt — jeg svarer om et øyeblikk.",
  other: "Jeg er ikke sikker på at jeg forsto. Jeg hjelper gjerne med biler, priser, finansiering, prøvekjøring og åpningstider.", stockCount: "Vi har {count} biler på lager.",
  km: "km", automatic: "automat", manual: "manuell",
  fuel: { petrol: "bensin", diesel: "diesel", hybrid: "hybrid", electric: "elektrisk", lpg: "LPG", other: "annet" },
  relaxedWhat: { color: "annen farge", maxKm: "litt mer kjørt", minYear: "litt eldre", body: "annen type", fuel: "annet drivstoff", transmission: "annen girkasse", model: "andre modeller", make: "andre merker", maxPrice: "litt over budsjett", minPrice: "andre priser" },
};

const de: Phrases = {
  greeting: "Hallo! Willkommen bei {dealer}.", askNeeds: "Was für ein Auto suchen Sie? Nennen Sie Budget, Typ oder Marke, und ich schaue sofort in unseren Bestand.",
  found: "Das haben wir für Sie:", foundOne: "Dieses passt:", noMatch: "Ich habe gerade kein Fahrzeug, das genau passt.",
  relaxed: "Nächstliegende Angebote ({what}):", noAlternatives: "Soll ich einem Kollegen sagen, was Sie suchen, damit wir Sie anrufen, sobald es eintrifft?",
  detailsIntro: "Hier die Details:", reservedNote: "_Hinweis: Dieses Fahrzeug ist derzeit reserviert._", link: "Fotos und Details: {url}",
  financing: "Finanzierungsbeispiel für den {car}: *{monthly} pro Monat* über {months} Monate bei {rate} % Zinsen und {down} Anzahlung.",
  financingNote: "Das ist eine Orientierung; ein Kollege erstellt gern ein persönliches Angebot.", slotsIntro: "Ich kann eine Probefahrt mit dem {car} einplanen:",
  slotsPick: "Welcher Termin passt Ihnen? Antworten Sie mit der Nummer.", noSlots: "In den nächsten Tagen ist kein Termin frei; ein Kollege meldet sich zur Planung.",
  booked: "Erledigt! Ihre Probefahrt mit dem {car} ist am *{when}* bei uns in {address} eingeplant. Bis dann!", slotTaken: "Dieser Termin ist leider nicht frei.",
  whichCar: "Welches Auto möchten Sie sehen? Senden Sie den Code (z. B. {example}) oder sagen Sie, was Sie suchen.",
  negotiation: "Der Preis des {car} beträgt {price}. Ich habe einen Verkäufer gebeten, sich wegen des Preises persönlich bei Ihnen zu melden.",
  tradeIn: "Inzahlungnahme ist möglich! Senden Sie Marke, Modell, Baujahr und Kilometerstand (Fotos helfen auch); ein Kollege nennt Ihnen einen Preis.",
  hours: "Unsere Öffnungszeiten: {hours}", location: "Sie finden uns in {address}. Route: {maps}",
  handover: "Natürlich! Ich habe einen Kollegen gebeten, sich so schnell wie möglich bei Ihnen zu melden.", thanks: "Gern geschehen! Sagen Sie Bescheid, wenn ich noch helfen kann.",
  optOut: "Sie erhalten keine Nachrichten mehr von uns. Schreiben Sie uns jederzeit, wenn Sie uns brauchen.", rateLimited: "Sie schreiben sehr schnell — ich antworte gleich.",
  other: "Ich bin nicht sicher, ob ich Sie richtig verstehe. Ich helfe gern bei Autos, Preisen, Finanzierung, Probefahrten und Öffnungszeiten.", stockCount: "Wir haben {count} Fahrzeuge im Bestand.",
  km: "km", automatic: "Automatik", manual: "Schaltgetriebe",
  fuel: { petrol: "Benzin", diesel: "Diesel", hybrid: "Hybrid", electric: "Elektro", lpg: "LPG", other: "sonstige" },
  relaxedWhat: { color: "andere Farbe", maxKm: "etwas mehr Kilometer", minYear: "etwas älter", body: "andere Karosserie", fuel: "anderer Kraftstoff", transmission: "anderes Getriebe", model: "andere Modelle", make: "andere Marken", maxPrice: "knapp über Budget", minPrice: "andere Preise" },
};

const id: Phrases = {
  greeting: "Halo kak! Selamat datang di {dealer}.", askNeeds: "Kakak cari mobil seperti apa? Sebutkan budget, tipe atau merek, saya cek stok kami sekarang.",
  found: "Ini pilihan untuk kakak:", foundOne: "Yang ini cocok:", noMatch: "Saat ini belum ada unit yang persis sesuai.",
  relaxed: "Pilihan terdekat ({what}):", noAlternatives: "Mau saya sampaikan ke tim sales, supaya kami kabari kalau unitnya masuk?",
  detailsIntro: "Ini detailnya:", reservedNote: "_Catatan: unit ini sedang dibooking._", link: "Foto dan detail: {url}",
  financing: "Simulasi kredit {car}: *{monthly} per bulan* selama {months} bulan, bunga {rate}%, DP {down}.",
  financingNote: "Ini hanya simulasi; tim kami bisa buatkan penawaran resmi.", slotsIntro: "Saya bisa jadwalkan test drive {car} pada:",
  slotsPick: "Jam berapa yang cocok? Balas dengan nomornya.", noSlots: "Belum ada jadwal kosong beberapa hari ke depan; tim kami akan menghubungi kakak.",
  booked: "Siap! Test drive {car} sudah dijadwalkan *{when}* di {address}. Sampai jumpa!", slotTaken: "Maaf, jadwal itu sudah terisi.",
  whichCar: "Mobil mana yang mau dilihat? Kirim kodenya (contoh {example}) atau ceritakan yang kakak cari.",
  negotiation: "Harga {car} adalah {price}. Saya sudah minta sales kami menghubungi kakak langsung soal harga.",
  tradeIn: "Bisa tukar tambah! Kirim merek, model, tahun dan kilometer mobil kakak (foto juga boleh); tim kami akan kasih harga taksiran.",
  hours: "Jam buka kami: {hours}", location: "Showroom kami di {address}. Peta: {maps}",
  handover: "Tentu! Saya sudah minta tim sales menghubungi kakak secepatnya.", thanks: "Sama-sama kak! Kabari saja kalau ada yang bisa dibantu lagi.",
  optOut: "Kakak tidak akan menerima pesan lagi dari kami. Silakan kirim pesan kapan saja kalau butuh.", rateLimited: "Pesannya cepat sekali kak — sebentar saya jawab.",
  other: "Maaf, saya kurang paham. Saya bisa bantu soal mobil, harga, kredit, test drive dan jam buka.", stockCount: "Kami punya {count} unit ready stock.",
  km: "km", automatic: "matic", manual: "manual",
  fuel: { petrol: "bensin", diesel: "diesel", hybrid: "hybrid", electric: "listrik", lpg: "LPG", other: "lainnya" },
  relaxedWhat: { color: "warna lain", maxKm: "kilometer sedikit lebih tinggi", minYear: "tahun sedikit lebih tua", body: "tipe lain", fuel: "bahan bakar lain", transmission: "transmisi lain", model: "model lain", make: "merek lain", maxPrice: "sedikit di atas budget", minPrice: "harga lain" },
};

export const phrases: Record<Lang, Phrases> = { en, nl, nb, de, id };

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
}
