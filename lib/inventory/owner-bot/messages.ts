export type BotLang = "nl" | "nb" | "id" | "en";

type Texts = {
  help: string; askPhotos: string; gotPhotos: (n: number) => string; askLine: string; badLine: (field: string) => string; askNotes: string;
  recap: (r: string) => string; choose: string; published: (code: string) => string; drafted: (code: string) => string; editAgain: string;
  implausible: (what: "price" | "mileage") => string; notFound: (ref: string, sugg: string) => string; confirmStatus: (car: string, s: string) => string;
  confirmPrice: (car: string, from: string, to: string) => string; done: string; cancelled: string; expired: string; badStatus: string; badPrice: string;
  listEmpty: string; usage: string;
  /** The recap's own words: gearbox, the plate-and-photos line and the notes label. */
  gearbox: Record<"manual" | "automatic", string>; platePhotos: (plate: string, n: number) => string; notesLabel: string;
};

const en: Texts = {
  help: "Commands:\n/upload – add a car (photos, one line, notes)\n/status <plate or code> <available|booking|sold|draft>\n/price <plate or code> <price>\n/list – cars on the lot\n/cancel – stop",
  askPhotos: "Send the photos of the car (several messages are fine). Type *next* when done.",
  gotPhotos: (n) => `${n} photo(s) received. Send more, or type *next*.`,
  askLine: "Now one line: `plate | make model variant | year | price | mileage | gearbox | colour`\nExample: `B1234XYZ | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam`",
  badLine: (f) => `I couldn't read the ${f}. Please send the line again in the format above.`,
  askNotes: "Any features or condition notes? Send them in one message, or *SKIP*.",
  recap: (r) => `Please check:\n${r}`, choose: "Reply *1* publish · *2* edit · *3* save as draft",
  published: (c) => `Published as *${c}*. It is on your site and the assistant offers it now.`, drafted: (c) => `Saved as draft *${c}* (not public).`,
  editAgain: "OK, send the corrected line.", implausible: (w) => `That ${w} looks unusual. Reply *yes* to keep it or send the line again.`,
  notFound: (ref, s) => `No car found for "${ref}".${s ? ` Did you mean ${s}?` : ""}`,
  confirmStatus: (car, s) => `Set ${car} to *${s}*? Reply *yes* to confirm.`, confirmPrice: (car, f, t) => `Change the price of ${car} from ${f} to *${t}*? Reply *yes* to confirm.`,
  done: "Done ✅", cancelled: "Cancelled.", expired: "Your previous step expired after 30 minutes; starting fresh.",
  badStatus: "Status must be available, booking, sold or draft.", badPrice: "I couldn't read that price.", listEmpty: "No cars on the lot.", usage: "Type /help for the commands.",
  gearbox: { manual: "manual", automatic: "automatic" }, platePhotos: (p, n) => `plate ${p} · ${n} photo(s)`, notesLabel: "notes",
};
const nl: Texts = {
  ...en,
  gearbox: { manual: "handgeschakeld", automatic: "automaat" }, platePhotos: (p, n) => `kenteken ${p} · ${n} foto('s)`, notesLabel: "notities",
  help: "Commando's:\n/upload – auto toevoegen (foto's, één regel, notities)\n/status <kenteken of code> <available|booking|sold|draft>\n/price <kenteken of code> <prijs>\n/list – auto's op voorraad\n/cancel – stoppen",
  askPhotos: "Stuur de foto's van de auto (meerdere berichten mag). Typ *klaar* als je klaar bent.",
  gotPhotos: (n) => `${n} foto('s) ontvangen. Stuur er meer, of typ *klaar*.`,
  askLine: "Nu één regel: `kenteken | merk model uitvoering | bouwjaar | prijs | km-stand | transmissie | kleur`\nVoorbeeld: `K-123-AB | Volkswagen Golf 1.5 TSI | 2020 | 21.950 | 60.000 | Automaat | Grijs`",
  badLine: (f) => `Ik kon de ${f} niet lezen. Stuur de regel opnieuw in het formaat hierboven.`,
  askNotes: "Uitrusting of opmerkingen over de staat? Stuur ze in één bericht, of *SKIP*.",
  recap: (r) => `Controleer even:\n${r}`, choose: "Antwoord *1* publiceren · *2* aanpassen · *3* opslaan als concept",
  published: (c) => `Gepubliceerd als *${c}*. Hij staat op je site en de assistent biedt hem aan.`, drafted: (c) => `Opgeslagen als concept *${c}* (niet openbaar).`,
  editAgain: "Oké, stuur de verbeterde regel.", implausible: (w) => `Die ${w === "price" ? "prijs" : "kilometerstand"} lijkt ongebruikelijk. Antwoord *ja* om te bewaren of stuur de regel opnieuw.`,
  notFound: (ref, s) => `Geen auto gevonden voor "${ref}".${s ? ` Bedoel je ${s}?` : ""}`,
  confirmStatus: (car, s) => `${car} op *${s}* zetten? Antwoord *ja* om te bevestigen.`, confirmPrice: (car, f, t) => `Prijs van ${car} van ${f} naar *${t}*? Antwoord *ja* om te bevestigen.`,
  done: "Gedaan ✅", cancelled: "Geannuleerd.", expired: "Je vorige stap is na 30 minuten verlopen; we beginnen opnieuw.",
  badStatus: "Status moet available, booking, sold of draft zijn.", badPrice: "Ik kon die prijs niet lezen.", listEmpty: "Geen auto's op voorraad.", usage: "Typ /help voor de commando's.",
};
const nb: Texts = {
  ...en,
  gearbox: { manual: "manuell", automatic: "automat" }, platePhotos: (p, n) => `reg.nr. ${p} · ${n} bilde(r)`, notesLabel: "notater",
  help: "Kommandoer:\n/upload – legg til en bil (bilder, én linje, merknader)\n/status <regnr eller kode> <available|booking|sold|draft>\n/price <regnr eller kode> <pris>\n/list – biler på lager\n/cancel – avbryt",
  badLine: (f) => `Jeg kunne ikke lese ${f}. Send linjen på nytt i formatet over.`,
  editAgain: "OK, send den rettede linjen.", implausible: (w) => `${w === "price" ? "Prisen" : "Kilometerstanden"} ser uvanlig ut. Svar *ja* for å beholde den eller send linjen på nytt.`,
  notFound: (ref, s) => `Fant ingen bil for "${ref}".${s ? ` Mente du ${s}?` : ""}`,
  badStatus: "Status må være available, booking, sold eller draft.", badPrice: "Jeg kunne ikke lese den prisen.", listEmpty: "Ingen biler på lager.", usage: "Skriv /help for kommandoene.",
  askPhotos: "Send bildene av bilen (flere meldinger går fint). Skriv *neste* når du er ferdig.",
  gotPhotos: (n) => `${n} bilde(r) mottatt. Send flere, eller skriv *neste*.`,
  askLine: "Nå én linje: `regnr | merke modell variant | år | pris | km | girkasse | farge`\nEksempel: `EV 12345 | Tesla Model 3 Long Range | 2021 | 289 900 | 45000 | Automat | Hvit`",
  askNotes: "Utstyr eller merknader om tilstand? Send dem i én melding, eller *SKIP*.",
  recap: (r) => `Sjekk dette:\n${r}`, choose: "Svar *1* publiser · *2* endre · *3* lagre som utkast",
  published: (c) => `Publisert som *${c}*. Den ligger på nettsiden og assistenten tilbyr den nå.`, drafted: (c) => `Lagret som utkast *${c}* (ikke offentlig).`,
  confirmStatus: (car, s) => `Sette ${car} til *${s}*? Svar *ja* for å bekrefte.`, confirmPrice: (car, f, t) => `Endre prisen på ${car} fra ${f} til *${t}*? Svar *ja* for å bekrefte.`,
  done: "Ferdig ✅", cancelled: "Avbrutt.", expired: "Forrige steg utløp etter 30 minutter; vi starter på nytt.",
};
const id: Texts = {
  ...en,
  gearbox: { manual: "manual", automatic: "matic" }, platePhotos: (p, n) => `plat ${p} · ${n} foto`, notesLabel: "catatan",
  help: "Perintah:\n/upload – tambah mobil (foto, satu baris, catatan)\n/status <plat atau kode> <available|booking|sold|draft>\n/price <plat atau kode> <harga>\n/list – stok mobil\n/cancel – batal",
  askPhotos: "Kirim foto-foto mobilnya (boleh beberapa pesan). Ketik *lanjut* kalau sudah.",
  gotPhotos: (n) => `${n} foto diterima. Kirim lagi, atau ketik *lanjut*.`,
  askLine: "Sekarang satu baris: `plat | merek model tipe | tahun | harga | km | transmisi | warna`\nContoh: `B1234XYZ | Toyota Avanza 1.3 G | 2020 | 185jt | 45rb | Manual | Hitam`",
  badLine: (f) => `Saya tidak bisa membaca ${f}. Kirim ulang barisnya dengan format di atas.`,
  askNotes: "Ada fitur atau catatan kondisi? Kirim dalam satu pesan, atau *SKIP*.",
  recap: (r) => `Mohon dicek:\n${r}`, choose: "Balas *1* tayangkan · *2* ubah · *3* simpan draft",
  published: (c) => `Sudah tayang sebagai *${c}*. Sudah ada di website dan ditawarkan asisten.`, drafted: (c) => `Disimpan sebagai draft *${c}* (tidak publik).`,
  editAgain: "Oke, kirim baris yang sudah diperbaiki.", implausible: (w) => `${w === "price" ? "Harga" : "Kilometer"} itu kelihatan tidak biasa. Balas *ya* untuk tetap atau kirim ulang barisnya.`,
  notFound: (ref, s) => `Mobil "${ref}" tidak ditemukan.${s ? ` Maksudnya ${s}?` : ""}`,
  confirmStatus: (car, s) => `Ubah ${car} jadi *${s}*? Balas *ya* untuk konfirmasi.`, confirmPrice: (car, f, t) => `Ubah harga ${car} dari ${f} jadi *${t}*? Balas *ya* untuk konfirmasi.`,
  done: "Beres ✅", cancelled: "Dibatalkan.", expired: "Langkah sebelumnya kedaluwarsa setelah 30 menit; kita mulai lagi.",
  badStatus: "Status harus available, booking, sold atau draft.", badPrice: "Harganya tidak terbaca.", listEmpty: "Stok kosong.", usage: "Ketik /help untuk daftar perintah.",
};

export const botTexts: Record<BotLang, Texts> = { en, nl, nb, id };
export const yesWords = /^(ya|yes|ja|yep|oke|ok|jup|y)\b/i;
export const nextWords = /^(next|klaar|neste|lanjut|done|selesai|ferdig)\b/i;
export const skipWords = /^(skip|lewati|overslaan|hopp over|-)$/i;
