// Every text of the public site in the five languages we sell in; one file so a translator sees it all.
import { englishVehicleWords } from "./vehicle-words";

export type SiteLang = "nl" | "nb" | "id" | "en" | "de";
export const SITE_LANGS: SiteLang[] = ["nl", "nb", "id", "en", "de"];

/** "nb-NO" → nb, "no" → nb, "id-ID" → id; anything else falls back to English. */
export function siteLang(locale: string | null | undefined): SiteLang {
  const l = (locale ?? "").slice(0, 2).toLowerCase();
  if (l === "no" || l === "nn") return "nb";
  return (SITE_LANGS as string[]).includes(l) ? (l as SiteLang) : "en";
}

type Enum = Record<string, string>;
export type SiteText = {
  search: string; searchPlaceholder: string; make: string; model: string; any: string; minPrice: string; maxPrice: string;
  minYear: string; maxKm: string; fuel: string; transmission: string; body: string; sort: string; filters: string; apply: string; reset: string;
  results: (n: number) => string; noResults: string; noResultsHint: string; prev: string; next: string; pageOf: (p: number, n: number) => string;
  sorts: Enum; fuels: Enum; transmissions: Enum; bodies: Enum;
  year: string; mileage: string; power: string; powerUnit: string; doors: string; seats: string; color: string; colors: Enum; code: string; specs: string; features: string;
  description: string; reserved: string; soldTitle: string; soldText: string; notFoundTitle: string; notFoundText: string; alternatives: string; similar: string; back: string; photo: (n: number, of: number) => string;
  location: string; directions: string; showroom: string; allShowrooms: string;
  financing: string; financingText: (monthly: string, months: number, down: string, rate: string) => string;
  chat: string; waMessage: (code: string, car: string) => string; contactTitle: string; name: string; phone: string; email: string; message: string;
  consent: string; send: string; sending: string; thanks: string; thanksText: string; phoneInvalid: string; emailInvalid: string; contactNeeded: string;
  tooMany: string; failed: string; address: string; hours: string; map: string; closed: string; days: string[]; specialHours: string; inventoryTitle: (dealer: string) => string; inventoryHeading: (dealer: string) => string;
  inventoryDescription: (dealer: string, n: number) => string;
};


const nl: SiteText = {
  search: "Zoeken", searchPlaceholder: "Merk, model of code", make: "Merk", model: "Model", any: "Alle", minPrice: "Prijs vanaf", maxPrice: "Prijs tot",
  minYear: "Bouwjaar vanaf", maxKm: "Max. km-stand", fuel: "Brandstof", transmission: "Transmissie", body: "Carrosserie", sort: "Sorteren", filters: "Filters", apply: "Toon resultaten", reset: "Wis filters",
  results: (n) => `${n} ${n === 1 ? "auto" : "auto's"}`, noResults: "Geen auto's gevonden", noResultsHint: "Probeer minder filters of bekijk het hele aanbod.",
  prev: "Vorige", next: "Volgende", pageOf: (p, n) => `Pagina ${p} van ${n}`,
  sorts: { newest: "Nieuwste", price_asc: "Prijs oplopend", price_desc: "Prijs aflopend", mileage_asc: "Laagste km-stand", year_desc: "Nieuwste bouwjaar" },
  fuels: { petrol: "Benzine", diesel: "Diesel", hybrid: "Hybride", electric: "Elektrisch", lpg: "LPG", other: "Overig" },
  transmissions: { manual: "Handgeschakeld", automatic: "Automaat" },
  bodies: { hatchback: "Hatchback", sedan: "Sedan", estate: "Stationwagen", suv: "SUV", mpv: "MPV", coupe: "Coupé", convertible: "Cabriolet", van: "Bus", pickup: "Pick-up", other: "Overig" },
  year: "Bouwjaar", mileage: "Kilometerstand", power: "Vermogen", powerUnit: "pk", doors: "Deuren", seats: "Zitplaatsen", color: "Kleur", code: "Code", specs: "Specificaties", features: "Uitrusting",
  colors: { black: "Zwart", white: "Wit", grey: "Grijs", silver: "Zilver", blue: "Blauw", red: "Rood", green: "Groen", brown: "Bruin", beige: "Beige", yellow: "Geel", orange: "Oranje" },
  description: "Omschrijving", reserved: "Gereserveerd", soldTitle: "Deze auto is verkocht", soldText: "Misschien is een van deze auto's iets voor u.", notFoundTitle: "Deze pagina bestaat niet (meer)", notFoundText: "Misschien is de auto verkocht of is het adres verkeerd getypt. Ons hele aanbod staat hieronder een klik verder.", alternatives: "Vergelijkbare auto's", similar: "Vergelijkbare auto's", back: "Alle auto's", photo: (n, of) => `Foto ${n} van ${of}`, location: "Hier staat de auto", directions: "Routebeschrijving", showroom: "Vestiging", allShowrooms: "Alle vestigingen",
  financing: "Financieringsvoorbeeld", financingText: (m, months, down, rate) => `${m} per maand, ${months} maanden, ${down} aanbetaling, ${rate} rente (indicatief).`,
  chat: "Chat via WhatsApp", waMessage: (code, car) => `Hallo, ik heb interesse in de ${car} (${code}). Is deze nog beschikbaar?`,
  contactTitle: "Vraag of proefrit", name: "Naam", phone: "Telefoon", email: "E-mail", message: "Bericht", consent: "U mag mij op de hoogte houden van aanbiedingen",
  send: "Versturen", sending: "Bezig…", thanks: "Bedankt!", thanksText: "We nemen zo snel mogelijk contact met u op.", phoneInvalid: "Vul een geldig telefoonnummer in.",
  emailInvalid: "Vul een geldig e-mailadres in.", contactNeeded: "Vul een telefoonnummer of e-mailadres in.", tooMany: "Te veel verzoeken, probeer het zo nog eens.", failed: "Versturen mislukt, probeer het opnieuw.",
  address: "Adres", hours: "Openingstijden", map: "Route", closed: "Gesloten", specialHours: "Afwijkende openingstijden", days: ["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"],
  inventoryTitle: (d) => `Occasions | ${d}`, inventoryHeading: (d) => `Occasions bij ${d}`, inventoryDescription: (d, n) => `${n} occasions op voorraad bij ${d}. Bekijk foto's, specificaties en prijzen.`,
};

const nb: SiteText = {
  search: "Søk", searchPlaceholder: "Merke, modell eller kode", make: "Merke", model: "Modell", any: "Alle", minPrice: "Pris fra", maxPrice: "Pris til",
  minYear: "Årsmodell fra", maxKm: "Maks km", fuel: "Drivstoff", transmission: "Girkasse", body: "Karosseri", sort: "Sorter", filters: "Filtre", apply: "Vis resultater", reset: "Nullstill",
  results: (n) => `${n} ${n === 1 ? "bil" : "biler"}`, noResults: "Ingen biler funnet", noResultsHint: "Prøv færre filtre eller se hele utvalget.",
  prev: "Forrige", next: "Neste", pageOf: (p, n) => `Side ${p} av ${n}`,
  sorts: { newest: "Nyeste", price_asc: "Lavest pris", price_desc: "Høyest pris", mileage_asc: "Lavest km", year_desc: "Nyeste årsmodell" },
  fuels: { petrol: "Bensin", diesel: "Diesel", hybrid: "Hybrid", electric: "Elektrisk", lpg: "LPG", other: "Annet" },
  transmissions: { manual: "Manuell", automatic: "Automat" },
  bodies: { hatchback: "Kombi 5-d", sedan: "Sedan", estate: "Stasjonsvogn", suv: "SUV", mpv: "Flerbruksbil", coupe: "Coupé", convertible: "Cabriolet", van: "Varebil", pickup: "Pickup", other: "Annet" },
  year: "Årsmodell", mileage: "Kilometerstand", power: "Effekt", powerUnit: "hk", doors: "Dører", seats: "Seter", color: "Farge", code: "Kode", specs: "Spesifikasjoner", features: "Utstyr",
  colors: { black: "Svart", white: "Hvit", grey: "Grå", silver: "Sølv", blue: "Blå", red: "Rød", green: "Grønn", brown: "Brun", beige: "Beige", yellow: "Gul", orange: "Oransje" },
  description: "Beskrivelse", reserved: "Reservert", soldTitle: "Denne bilen er solgt", soldText: "Kanskje en av disse passer?", notFoundTitle: "Denne siden finnes ikke (lenger)", notFoundText: "Kanskje bilen er solgt, eller adressen er skrevet feil. Hele utvalget vårt er ett klikk unna.", alternatives: "Lignende biler", similar: "Lignende biler", back: "Alle biler", photo: (n, of) => `Bilde ${n} av ${of}`, location: "Her står bilen", directions: "Veibeskrivelse", showroom: "Avdeling", allShowrooms: "Alle avdelinger",
  financing: "Finansieringseksempel", financingText: (m, months, down, rate) => `${m} per måned, ${months} måneder, ${down} egenkapital, ${rate} rente (veiledende).`,
  chat: "Chat på WhatsApp", waMessage: (code, car) => `Hei, jeg er interessert i ${car} (${code}). Er den fortsatt ledig?`,
  contactTitle: "Spørsmål eller prøvekjøring", name: "Navn", phone: "Telefon", email: "E-post", message: "Melding", consent: "Dere kan sende meg tilbud",
  send: "Send", sending: "Sender…", thanks: "Takk!", thanksText: "Vi tar kontakt så snart som mulig.", phoneInvalid: "Skriv inn et gyldig telefonnummer.",
  emailInvalid: "Skriv inn en gyldig e-postadresse.", contactNeeded: "Skriv inn telefon eller e-post.", tooMany: "For mange forespørsler, prøv igjen om litt.", failed: "Sending feilet, prøv igjen.",
  address: "Adresse", hours: "Åpningstider", map: "Veibeskrivelse", closed: "Stengt", specialHours: "Avvikende åpningstider", days: ["Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag"],
  inventoryTitle: (d) => `Bruktbiler | ${d}`, inventoryHeading: (d) => `Bruktbiler hos ${d}`, inventoryDescription: (d, n) => `${n} bruktbiler på lager hos ${d}. Se bilder, spesifikasjoner og priser.`,
};

const id: SiteText = {
  search: "Cari", searchPlaceholder: "Merek, model atau kode", make: "Merek", model: "Model", any: "Semua", minPrice: "Harga dari", maxPrice: "Harga sampai",
  minYear: "Tahun dari", maxKm: "Maks. km", fuel: "Bahan bakar", transmission: "Transmisi", body: "Tipe bodi", sort: "Urutkan", filters: "Filter", apply: "Tampilkan", reset: "Hapus filter",
  results: (n) => `${n} mobil`, noResults: "Mobil tidak ditemukan", noResultsHint: "Coba kurangi filter atau lihat semua stok.",
  prev: "Sebelumnya", next: "Berikutnya", pageOf: (p, n) => `Halaman ${p} dari ${n}`,
  sorts: { newest: "Terbaru", price_asc: "Harga terendah", price_desc: "Harga tertinggi", mileage_asc: "Km terendah", year_desc: "Tahun terbaru" },
  fuels: { petrol: "Bensin", diesel: "Diesel", hybrid: "Hybrid", electric: "Listrik", lpg: "LPG", other: "Lainnya" },
  transmissions: { manual: "Manual", automatic: "Otomatis" },
  bodies: { hatchback: "Hatchback", sedan: "Sedan", estate: "Wagon", suv: "SUV", mpv: "MPV", coupe: "Coupe", convertible: "Convertible", van: "Van", pickup: "Pick-up", other: "Lainnya" },
  year: "Tahun", mileage: "Kilometer", power: "Tenaga", powerUnit: "hp", doors: "Pintu", seats: "Kursi", color: "Warna", code: "Kode", specs: "Spesifikasi", features: "Fitur",
  colors: { black: "Hitam", white: "Putih", grey: "Abu-abu", silver: "Silver", blue: "Biru", red: "Merah", green: "Hijau", brown: "Cokelat", beige: "Krem", yellow: "Kuning", orange: "Oranye" },
  description: "Deskripsi", reserved: "Dipesan", soldTitle: "Mobil ini sudah terjual", soldText: "Mungkin salah satu mobil ini cocok untuk Anda.", notFoundTitle: "Halaman ini tidak ditemukan", notFoundText: "Mungkin mobilnya sudah terjual atau alamatnya salah ketik. Semua stok kami hanya satu klik lagi.", alternatives: "Mobil serupa", similar: "Mobil serupa", back: "Semua mobil", photo: (n, of) => `Foto ${n} dari ${of}`, location: "Lokasi mobil", directions: "Petunjuk arah", showroom: "Cabang", allShowrooms: "Semua cabang",
  financing: "Contoh kredit", financingText: (m, months, down, rate) => `${m} per bulan, ${months} bulan, DP ${down}, bunga ${rate} (simulasi).`,
  chat: "Chat via WhatsApp", waMessage: (code, car) => `Halo, saya tertarik dengan ${car} (${code}). Apakah masih tersedia?`,
  contactTitle: "Tanya atau test drive", name: "Nama", phone: "Telepon / WhatsApp", email: "Email", message: "Pesan", consent: "Saya bersedia menerima penawaran",
  send: "Kirim", sending: "Mengirim…", thanks: "Terima kasih!", thanksText: "Kami akan segera menghubungi Anda.", phoneInvalid: "Masukkan nomor telepon yang valid.",
  emailInvalid: "Masukkan alamat email yang valid.", contactNeeded: "Isi nomor telepon atau email.", tooMany: "Terlalu banyak permintaan, coba lagi sebentar.", failed: "Gagal mengirim, coba lagi.",
  address: "Alamat", hours: "Jam buka", map: "Petunjuk arah", closed: "Tutup", specialHours: "Jam buka khusus", days: ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
  inventoryTitle: (d) => `Mobil bekas | ${d}`, inventoryHeading: (d) => `Mobil bekas di ${d}`, inventoryDescription: (d, n) => `${n} mobil bekas tersedia di ${d}. Lihat foto, spesifikasi dan harga.`,
};

const en: SiteText = {
  search: "Search", searchPlaceholder: "Make, model or code", make: "Make", model: "Model", any: "Any", minPrice: "Price from", maxPrice: "Price to",
  minYear: "Year from", maxKm: "Max. mileage", fuel: "Fuel", transmission: "Transmission", body: "Body type", sort: "Sort", filters: "Filters", apply: "Show results", reset: "Clear filters",
  results: (n) => `${n} ${n === 1 ? "car" : "cars"}`, noResults: "No cars found", noResultsHint: "Try fewer filters or browse the whole stock.",
  prev: "Previous", next: "Next", pageOf: (p, n) => `Page ${p} of ${n}`,
  sorts: { newest: "Newest", price_asc: "Lowest price", price_desc: "Highest price", mileage_asc: "Lowest mileage", year_desc: "Newest year" },
  fuels: englishVehicleWords.fuels, transmissions: englishVehicleWords.transmissions, bodies: englishVehicleWords.bodies,
  year: "Year", mileage: "Mileage", power: "Power", powerUnit: "hp", doors: "Doors", seats: "Seats", color: "Colour", code: "Code", specs: "Specifications", features: "Features",
  colors: englishVehicleWords.colors,
  description: "Description", reserved: "Reserved", soldTitle: "This car has been sold", soldText: "Perhaps one of these suits you.", notFoundTitle: "This page does not exist (any more)", notFoundText: "The car may have been sold, or the address mistyped. All our cars are one click away.", alternatives: "Similar cars", similar: "Similar cars", back: "All cars", photo: (n, of) => `Photo ${n} of ${of}`, location: "Where the car is", directions: "Directions", showroom: "Showroom", allShowrooms: "All showrooms",
  financing: "Finance example", financingText: (m, months, down, rate) => `${m} a month over ${months} months, ${down} down, ${rate} interest (indicative).`,
  chat: "Chat on WhatsApp", waMessage: (code, car) => `Hello, I'm interested in the ${car} (${code}). Is it still available?`,
  contactTitle: "Question or test drive", name: "Name", phone: "Phone", email: "E-mail", message: "Message", consent: "You may send me offers",
  send: "Send", sending: "Sending…", thanks: "Thank you!", thanksText: "We will get back to you shortly.", phoneInvalid: "Enter a valid phone number.",
  emailInvalid: "Enter a valid e-mail address.", contactNeeded: "Enter a phone number or an e-mail address.", tooMany: "Too many requests, try again shortly.", failed: "Sending failed, please try again.",
  address: "Address", hours: "Opening hours", map: "Directions", closed: "Closed", specialHours: "Special opening hours", days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  inventoryTitle: (d) => `Used cars | ${d}`, inventoryHeading: (d) => `Used cars at ${d}`, inventoryDescription: (d, n) => `${n} used cars in stock at ${d}. See photos, specifications and prices.`,
};

const de: SiteText = {
  search: "Suchen", searchPlaceholder: "Marke, Modell oder Code", make: "Marke", model: "Modell", any: "Alle", minPrice: "Preis ab", maxPrice: "Preis bis",
  minYear: "Baujahr ab", maxKm: "Max. km", fuel: "Kraftstoff", transmission: "Getriebe", body: "Karosserie", sort: "Sortieren", filters: "Filter", apply: "Ergebnisse zeigen", reset: "Filter löschen",
  results: (n) => `${n} ${n === 1 ? "Fahrzeug" : "Fahrzeuge"}`, noResults: "Keine Fahrzeuge gefunden", noResultsHint: "Versuchen Sie weniger Filter oder sehen Sie den ganzen Bestand.",
  prev: "Zurück", next: "Weiter", pageOf: (p, n) => `Seite ${p} von ${n}`,
  sorts: { newest: "Neueste", price_asc: "Preis aufsteigend", price_desc: "Preis absteigend", mileage_asc: "Wenigste km", year_desc: "Neuestes Baujahr" },
  fuels: { petrol: "Benzin", diesel: "Diesel", hybrid: "Hybrid", electric: "Elektro", lpg: "Autogas", other: "Sonstige" },
  transmissions: { manual: "Schaltgetriebe", automatic: "Automatik" },
  bodies: { hatchback: "Schrägheck", sedan: "Limousine", estate: "Kombi", suv: "SUV", mpv: "Van", coupe: "Coupé", convertible: "Cabrio", van: "Transporter", pickup: "Pick-up", other: "Sonstige" },
  year: "Baujahr", mileage: "Kilometerstand", power: "Leistung", powerUnit: "PS", doors: "Türen", seats: "Sitze", color: "Farbe", code: "Code", specs: "Technische Daten", features: "Ausstattung",
  colors: { black: "Schwarz", white: "Weiß", grey: "Grau", silver: "Silber", blue: "Blau", red: "Rot", green: "Grün", brown: "Braun", beige: "Beige", yellow: "Gelb", orange: "Orange" },
  description: "Beschreibung", reserved: "Reserviert", soldTitle: "Dieses Fahrzeug ist verkauft", soldText: "Vielleicht passt eines dieser Fahrzeuge.", notFoundTitle: "Diese Seite gibt es nicht (mehr)", notFoundText: "Vielleicht ist das Fahrzeug verkauft oder die Adresse vertippt. Unser ganzes Angebot ist einen Klick entfernt.", alternatives: "Ähnliche Fahrzeuge", similar: "Ähnliche Fahrzeuge", back: "Alle Fahrzeuge", photo: (n, of) => `Foto ${n} von ${of}`, location: "Hier steht das Fahrzeug", directions: "Route", showroom: "Standort", allShowrooms: "Alle Standorte",
  financing: "Finanzierungsbeispiel", financingText: (m, months, down, rate) => `${m} pro Monat, ${months} Monate, ${down} Anzahlung, ${rate} Zins (unverbindlich).`,
  chat: "Chat über WhatsApp", waMessage: (code, car) => `Hallo, ich interessiere mich für den ${car} (${code}). Ist er noch verfügbar?`,
  contactTitle: "Frage oder Probefahrt", name: "Name", phone: "Telefon", email: "E-Mail", message: "Nachricht", consent: "Sie dürfen mir Angebote senden",
  send: "Senden", sending: "Wird gesendet…", thanks: "Vielen Dank!", thanksText: "Wir melden uns so bald wie möglich.", phoneInvalid: "Bitte eine gültige Telefonnummer eingeben.",
  emailInvalid: "Bitte eine gültige E-Mail-Adresse eingeben.", contactNeeded: "Bitte Telefon oder E-Mail angeben.", tooMany: "Zu viele Anfragen, bitte gleich noch einmal.", failed: "Senden fehlgeschlagen, bitte erneut versuchen.",
  address: "Adresse", hours: "Öffnungszeiten", map: "Route", closed: "Geschlossen", specialHours: "Abweichende Öffnungszeiten", days: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
  inventoryTitle: (d) => `Gebrauchtwagen | ${d}`, inventoryHeading: (d) => `Gebrauchtwagen bei ${d}`, inventoryDescription: (d, n) => `${n} Gebrauchtwagen bei ${d}. Fotos, technische Daten und Preise.`,
};

const dictionaries: Record<SiteLang, SiteText> = { nl, nb, id, en, de };
export const siteText = (lang: SiteLang): SiteText => dictionaries[lang];
