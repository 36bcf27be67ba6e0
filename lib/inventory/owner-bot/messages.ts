import type { LineError } from "./parse";

export type BotLang = "nl" | "nb" | "id" | "en" | "de";
export type BotStatus = "available" | "reserved" | "sold" | "draft";

type Texts = {
  help: string; askPhotos: string; gotPhotos: (n: number) => string; askLine: string; badLine: (field: LineError) => string; askNotes: string;
  recap: (r: string) => string; choose: string; published: (code: string) => string; drafted: (code: string) => string; editAgain: string;
  implausible: (what: "price" | "mileage") => string; notFound: (ref: string, sugg: string) => string;
  confirmStatus: (car: string, s: BotStatus) => string;
  confirmPrice: (car: string, from: string, to: string) => string; done: string; cancelled: string; expired: string; badStatus: string; badPrice: string;
  listEmpty: string; usage: string;
  /** The recap's own words: gearbox, the plate-and-photos line and the notes label. */
  gearbox: Record<"manual" | "automatic", string>; platePhotos: (plate: string, n: number) => string; notesLabel: string;
  /** A status as the staff member would say it (any of these words works in /status, as do the English ones). */
  statuses: Record<BotStatus, string>;
};

const en: Texts = {
  help: "Commands:\n/upload – add a car (photos, one line, notes)\n/status <plate or code> <available|booking|sold|draft>\n/price <plate or code> <price>\n/list – cars on the lot\n/cancel – stop\nWhen the name does not say the fuel or the body, add them to the line: `| Diesel | SUV`.",
  askPhotos: "Send the photos of the car (several messages are fine). Type *next* when done.",
  gotPhotos: (n) => `${n} photo(s) received. Send more, or type *next*.`,
  askLine: "Now one line: `plate | make model variant | year | price | mileage | gearbox | colour`\nExample: `B1234XYZ | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam`",
  badLine: (f) => `I couldn't read ${({ format: "the line", name: "the make and model", year: "the year", price: "the price", mileage: "the mileage", transmission: "the gearbox", fuel: "the fuel or body type" })[f]}. Please send the line again in the format above.`,
  askNotes: "Any features or condition notes? Send them in one message, or *SKIP*.",
  recap: (r) => `Please check:\n${r}`, choose: "Reply *1* publish · *2* edit · *3* save as draft",
  published: (c) => `Published as *${c}*. It is on your site and the assistant offers it now.`, drafted: (c) => `Saved as draft *${c}* (not public).`,
  editAgain: "OK, send the corrected line (the fuel and body can go at the end: `| Diesel | SUV`).", implausible: (w) => `That ${w} looks unusual. Reply *yes* to keep it or send the line again.`,
  notFound: (ref, s) => `No car found for "${ref}".${s ? ` Did you mean ${s}?` : ""}`,
  confirmStatus: (car, s) => `Set ${car} to *${en.statuses[s]}*? Reply *yes* to confirm.`, confirmPrice: (car, f, t) => `Change the price of ${car} from ${f} to *${t}*? Reply *yes* to confirm.`,
  done: "Done ✅", cancelled: "Cancelled.", expired: "Your previous step expired after 30 minutes; starting fresh.",
  badStatus: "Status must be available, booking, sold or draft.", badPrice: "I couldn't read that price.", listEmpty: "No cars on the lot.", usage: "Type /help for the commands.",
  gearbox: { manual: "manual", automatic: "automatic" }, platePhotos: (p, n) => `plate ${p} · ${n} photo(s)`, notesLabel: "notes",
  statuses: { available: "available", reserved: "reserved", sold: "sold", draft: "draft" },
};
const nl: Texts = {
  ...en,
  gearbox: { manual: "handgeschakeld", automatic: "automaat" }, platePhotos: (p, n) => `kenteken ${p} · ${n} foto('s)`, notesLabel: "notities",
  statuses: { available: "beschikbaar", reserved: "gereserveerd", sold: "verkocht", draft: "concept" },
  help: "Commando's:\n/upload – auto toevoegen (foto's, één regel, notities)\n/status <kenteken of code> <beschikbaar|gereserveerd|verkocht|concept>\n/price <kenteken of code> <prijs>\n/list – auto's op voorraad\n/cancel – stoppen\nZegt de naam de brandstof of carrosserie niet, zet ze achter de regel: `| Diesel | SUV`.",
  askPhotos: "Stuur de foto's van de auto (meerdere berichten mag). Typ *klaar* als je klaar bent.",
  gotPhotos: (n) => `${n} foto('s) ontvangen. Stuur er meer, of typ *klaar*.`,
  askLine: "Nu één regel: `kenteken | merk model uitvoering | bouwjaar | prijs | km-stand | transmissie | kleur`\nVoorbeeld: `K-123-AB | Volkswagen Golf 1.5 TSI | 2020 | 21.950 | 60.000 | Automaat | Grijs`",
  badLine: (f) => `Ik kon ${({ format: "de regel", name: "merk en model", year: "het bouwjaar", price: "de prijs", mileage: "de km-stand", transmission: "de transmissie", fuel: "de brandstof of carrosserie" })[f]} niet lezen. Stuur de regel opnieuw in het formaat hierboven.`,
  askNotes: "Uitrusting of opmerkingen over de staat? Stuur ze in één bericht, of *SKIP*.",
  recap: (r) => `Controleer even:\n${r}`, choose: "Antwoord *1* publiceren · *2* aanpassen · *3* opslaan als concept",
  published: (c) => `Gepubliceerd als *${c}*. Hij staat op je site en de assistent biedt hem aan.`, drafted: (c) => `Opgeslagen als concept *${c}* (niet openbaar).`,
  editAgain: "Oké, stuur de verbeterde regel (brandstof en carrosserie mogen erachter: `| Diesel | SUV`).", implausible: (w) => `Die ${w === "price" ? "prijs" : "kilometerstand"} lijkt ongebruikelijk. Antwoord *ja* om te bewaren of stuur de regel opnieuw.`,
  notFound: (ref, s) => `Geen auto gevonden voor "${ref}".${s ? ` Bedoel je ${s}?` : ""}`,
  confirmStatus: (car, s) => `${car} op *${nl.statuses[s]}* zetten? Antwoord *ja* om te bevestigen.`, confirmPrice: (car, f, t) => `Prijs van ${car} van ${f} naar *${t}*? Antwoord *ja* om te bevestigen.`,
  done: "Gedaan ✅", cancelled: "Geannuleerd.", expired: "Je vorige stap is na 30 minuten verlopen; we beginnen opnieuw.",
  badStatus: "Status moet beschikbaar, gereserveerd, verkocht of concept zijn.", badPrice: "Ik kon die prijs niet lezen.", listEmpty: "Geen auto's op voorraad.", usage: "Typ /help voor de commando's.",
};
const nb: Texts = {
  ...en,
  gearbox: { manual: "manuell", automatic: "automat" }, platePhotos: (p, n) => `reg.nr. ${p} · ${n} bilde(r)`, notesLabel: "notater",
  statuses: { available: "ledig", reserved: "reservert", sold: "solgt", draft: "utkast" },
  help: "Kommandoer:\n/upload – legg til en bil (bilder, én linje, merknader)\n/status <regnr eller kode> <ledig|reservert|solgt|utkast>\n/price <regnr eller kode> <pris>\n/list – biler på lager\n/cancel – avbryt\nSier ikke navnet drivstoff eller karosseri, legg dem til bakerst: `| Diesel | SUV`.",
  badLine: (f) => `Jeg kunne ikke lese ${({ format: "linjen", name: "merke og modell", year: "årsmodellen", price: "prisen", mileage: "kilometerstanden", transmission: "girkassen", fuel: "drivstoffet eller karosseriet" })[f]}. Send linjen på nytt i formatet over.`,
  editAgain: "OK, send den rettede linjen (drivstoff og karosseri kan stå bakerst: `| Diesel | SUV`).", implausible: (w) => `${w === "price" ? "Prisen" : "Kilometerstanden"} ser uvanlig ut. Svar *ja* for å beholde den eller send linjen på nytt.`,
  notFound: (ref, s) => `Fant ingen bil for "${ref}".${s ? ` Mente du ${s}?` : ""}`,
  badStatus: "Status må være ledig, reservert, solgt eller utkast.", badPrice: "Jeg kunne ikke lese den prisen.", listEmpty: "Ingen biler på lager.", usage: "Skriv /help for kommandoene.",
  askPhotos: "Send bildene av bilen (flere meldinger går fint). Skriv *neste* når du er ferdig.",
  gotPhotos: (n) => `${n} bilde(r) mottatt. Send flere, eller skriv *neste*.`,
  askLine: "Nå én linje: `regnr | merke modell variant | år | pris | km | girkasse | farge`\nEksempel: `EV 12345 | Tesla Model 3 Long Range | 2021 | 289 900 | 45000 | Automat | Hvit`",
  askNotes: "Utstyr eller merknader om tilstand? Send dem i én melding, eller *SKIP*.",
  recap: (r) => `Sjekk dette:\n${r}`, choose: "Svar *1* publiser · *2* endre · *3* lagre som utkast",
  published: (c) => `Publisert som *${c}*. Den ligger på nettsiden og assistenten tilbyr den nå.`, drafted: (c) => `Lagret som utkast *${c}* (ikke offentlig).`,
  confirmStatus: (car, s) => `Sette ${car} til *${nb.statuses[s]}*? Svar *ja* for å bekrefte.`, confirmPrice: (car, f, t) => `Endre prisen på ${car} fra ${f} til *${t}*? Svar *ja* for å bekrefte.`,
  done: "Ferdig ✅", cancelled: "Avbrutt.", expired: "Forrige steg utløp etter 30 minutter; vi starter på nytt.",
};
const id: Texts = {
  ...en,
  gearbox: { manual: "manual", automatic: "matic" }, platePhotos: (p, n) => `plat ${p} · ${n} foto`, notesLabel: "catatan",
  statuses: { available: "tersedia", reserved: "booking", sold: "terjual", draft: "draft" },
  help: "Perintah:\n/upload – tambah mobil (foto, satu baris, catatan)\n/status <plat atau kode> <tersedia|booking|terjual|draft>\n/price <plat atau kode> <harga>\n/list – stok mobil\n/cancel – batal\nKalau nama mobil tidak menyebut bahan bakar atau tipe bodi, tambahkan di akhir baris: `| Diesel | SUV`.",
  askPhotos: "Kirim foto-foto mobilnya (boleh beberapa pesan). Ketik *lanjut* kalau sudah.",
  gotPhotos: (n) => `${n} foto diterima. Kirim lagi, atau ketik *lanjut*.`,
  askLine: "Sekarang satu baris: `plat | merek model tipe | tahun | harga | km | transmisi | warna`\nContoh: `B1234XYZ | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam`",
  badLine: (f) => `Saya tidak bisa membaca ${({ format: "barisnya", name: "merek dan modelnya", year: "tahunnya", price: "harganya", mileage: "kilometernya", transmission: "transmisinya", fuel: "bahan bakar atau tipe bodinya" })[f]}. Kirim ulang barisnya dengan format di atas.`,
  askNotes: "Ada fitur atau catatan kondisi? Kirim dalam satu pesan, atau *SKIP*.",
  recap: (r) => `Mohon dicek:\n${r}`, choose: "Balas *1* tayangkan · *2* ubah · *3* simpan draft",
  published: (c) => `Sudah tayang sebagai *${c}*. Sudah ada di website dan ditawarkan asisten.`, drafted: (c) => `Disimpan sebagai draft *${c}* (tidak publik).`,
  editAgain: "Oke, kirim baris yang sudah diperbaiki (bahan bakar dan tipe bodi boleh di akhir: `| Diesel | SUV`).", implausible: (w) => `${w === "price" ? "Harga" : "Kilometer"} itu kelihatan tidak biasa. Balas *ya* untuk tetap atau kirim ulang barisnya.`,
  notFound: (ref, s) => `Mobil "${ref}" tidak ditemukan.${s ? ` Maksudnya ${s}?` : ""}`,
  confirmStatus: (car, s) => `Ubah ${car} jadi *${id.statuses[s]}*? Balas *ya* untuk konfirmasi.`, confirmPrice: (car, f, t) => `Ubah harga ${car} dari ${f} jadi *${t}*? Balas *ya* untuk konfirmasi.`,
  done: "Beres ✅", cancelled: "Dibatalkan.", expired: "Langkah sebelumnya kedaluwarsa setelah 30 menit; kita mulai lagi.",
  badStatus: "Status harus tersedia, booking, terjual atau draft.", badPrice: "Harganya tidak terbaca.", listEmpty: "Stok kosong.", usage: "Ketik /help untuk daftar perintah.",
};

const de: Texts = {
  ...en,
  gearbox: { manual: "Schaltgetriebe", automatic: "Automatik" }, platePhotos: (p, n) => `Kennzeichen ${p} · ${n} Foto(s)`, notesLabel: "Notizen",
  statuses: { available: "verfügbar", reserved: "reserviert", sold: "verkauft", draft: "Entwurf" },
  help: "Befehle:\n/upload – Auto hinzufügen (Fotos, eine Zeile, Notizen)\n/status <Kennzeichen oder Code> <verfügbar|reserviert|verkauft|Entwurf>\n/price <Kennzeichen oder Code> <Preis>\n/list – Autos im Bestand\n/cancel – abbrechen\nNennt der Name Kraftstoff oder Karosserie nicht, hängen Sie sie an die Zeile an: `| Diesel | SUV`.",
  askPhotos: "Senden Sie die Fotos des Autos (gern in mehreren Nachrichten). Schreiben Sie *fertig*, wenn alle da sind.",
  gotPhotos: (n) => `${n} Foto(s) erhalten. Senden Sie weitere oder schreiben Sie *fertig*.`,
  askLine: "Jetzt eine Zeile: `Kennzeichen | Marke Modell Ausführung | Baujahr | Preis | km-Stand | Getriebe | Farbe`\nBeispiel: `M-AB 1234 | Volkswagen Golf 1.5 TSI | 2020 | 21.950 | 60.000 | Automatik | Grau`",
  badLine: (f) => `Ich konnte ${({ format: "die Zeile", name: "Marke und Modell", year: "das Baujahr", price: "den Preis", mileage: "den km-Stand", transmission: "das Getriebe", fuel: "Kraftstoff oder Karosserie" })[f]} nicht lesen. Bitte senden Sie die Zeile noch einmal im Format oben.`,
  askNotes: "Ausstattung oder Hinweise zum Zustand? Senden Sie sie in einer Nachricht, oder *SKIP*.",
  recap: (r) => `Bitte prüfen:\n${r}`, choose: "Antworten Sie *1* veröffentlichen · *2* ändern · *3* als Entwurf speichern",
  published: (c) => `Veröffentlicht als *${c}*. Es steht auf Ihrer Website und der Assistent bietet es jetzt an.`, drafted: (c) => `Als Entwurf *${c}* gespeichert (nicht öffentlich).`,
  editAgain: "Gut, senden Sie die korrigierte Zeile (Kraftstoff und Karosserie dürfen ans Ende: `| Diesel | SUV`).",
  implausible: (w) => `${w === "price" ? "Der Preis" : "Der km-Stand"} wirkt ungewöhnlich. Antworten Sie *ja*, um ihn zu behalten, oder senden Sie die Zeile neu.`,
  notFound: (ref, s) => `Kein Auto gefunden für "${ref}".${s ? ` Meinten Sie ${s}?` : ""}`,
  confirmStatus: (car, s) => `${car} auf *${de.statuses[s]}* setzen? Antworten Sie *ja* zur Bestätigung.`,
  confirmPrice: (car, f, t) => `Preis von ${car} von ${f} auf *${t}* ändern? Antworten Sie *ja* zur Bestätigung.`,
  done: "Erledigt ✅", cancelled: "Abgebrochen.", expired: "Ihr letzter Schritt ist nach 30 Minuten abgelaufen; wir fangen neu an.",
  badStatus: "Der Status muss verfügbar, reserviert, verkauft oder Entwurf sein.", badPrice: "Ich konnte den Preis nicht lesen.", listEmpty: "Keine Autos im Bestand.",
  usage: "Schreiben Sie /help für die Befehle.",
};

export const botTexts: Record<BotLang, Texts> = { en, nl, nb, id, de };
export const yesWords = /^(ya|yes|ja|yep|oke|ok|jup|y)\b/i;
export const nextWords = /^(next|klaar|neste|lanjut|done|selesai|ferdig|fertig|weiter)\b/i;
export const skipWords = /^(skip|lewati|overslaan|hopp over|überspringen|-)$/i;
