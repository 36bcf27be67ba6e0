import type { Lang } from "../../types";
import type { Phrases } from "./types";

/**
 * The formal register, as overrides of the standard (friendly) phrases: the greeting and the replies shoppers
 * see most. Dutch and German already say "u" and "Sie" everywhere, so only their greetings and sign-offs change;
 * Indonesian swaps "kak" for "Bapak/Ibu" in every sentence that addresses the shopper.
 */
export const formal: Record<Lang, Partial<Phrases>> = {
  nl: {
    greeting: "Goedendag! Welkom bij *{dealer}*.",
    booked: "Uw proefrit met de {car} staat gepland op *{when}*{at}. Wij zien uw bezoek graag tegemoet.",
    bookedNoCar: "Uw bezoek staat gepland op *{when}*{at}. Wij zien u graag dan.",
    handover: "Uiteraard. Ik heb een collega gevraagd zo spoedig mogelijk contact met u op te nemen.",
    thanks: "Graag gedaan. Laat u het gerust weten als ik u ergens mee kan helpen.",
  },
  de: {
    greeting: "Guten Tag! Willkommen bei *{dealer}*.",
    booked: "Ihre Probefahrt mit dem {car} ist am *{when}*{at} eingeplant. Wir freuen uns auf Ihren Besuch.",
    bookedNoCar: "Ihr Besuch ist am *{when}*{at} eingeplant. Wir freuen uns auf Sie.",
    handover: "Selbstverständlich. Ich habe einen Kollegen gebeten, sich schnellstmöglich bei Ihnen zu melden.",
    thanks: "Gern geschehen. Sagen Sie gern Bescheid, wenn ich Ihnen noch helfen kann.",
  },
  en: {
    greeting: "Good day, and welcome to *{dealer}*.",
    askNeeds: "Which car are you looking for? Please tell me your budget, the type or the brand, and I will check our stock straight away.",
    found: "These are the cars we can offer you:",
    nextStep: "Please send me a code for details or to arrange a test drive.",
    askTestDrive: "Would you like to arrange a test drive?",
    booked: "Your test drive of the {car} is booked for *{when}*{at}. We look forward to welcoming you.",
    bookedNoCar: "Your visit is booked for *{when}*{at}. We look forward to welcoming you.",
    handover: "Certainly. I have asked a colleague to contact you as soon as possible.",
    thanks: "You are welcome. Please let me know if I can help with anything else.",
    other: "I am not sure I understood you correctly. I am glad to help with our cars, prices, financing, test drives and opening hours.",
  },
  nb: {
    greeting: "God dag, og velkommen til *{dealer}*.",
    askNeeds: "Hva slags bil ser du etter? Oppgi gjerne budsjett, biltype eller merke, så sjekker jeg lageret vårt med en gang.",
    booked: "Prøveturen med {car} er avtalt *{when}*{at}. Vi ser frem til besøket ditt.",
    bookedNoCar: "Besøket ditt er avtalt *{when}*{at}. Vi ser frem til å treffe deg.",
    handover: "Selvfølgelig. Jeg har bedt en kollega om å kontakte deg så snart som mulig.",
    thanks: "Takk for henvendelsen. Si gjerne fra om jeg kan hjelpe deg med noe mer.",
  },
  id: {
    greeting: "Selamat datang di *{dealer}*, Bapak/Ibu.",
    askNeeds: "Mobil seperti apa yang Bapak/Ibu cari? Silakan sebutkan anggaran, tipe atau merek, saya akan segera memeriksa stok kami.",
    found: "Berikut pilihan untuk Bapak/Ibu:",
    foundOne: "Unit ini sesuai dengan kebutuhan Bapak/Ibu:",
    nextStep: "Silakan kirim kodenya untuk informasi lengkap atau untuk menjadwalkan test drive.",
    notAvailable: "Mohon maaf, unit tersebut sudah tidak tersedia.",
    askTestDrive: "Apakah Bapak/Ibu ingin menjadwalkan test drive?",
    slotsIntroNoCar: "Bapak/Ibu dapat berkunjung pada:",
    noSlots: "Belum ada jadwal kosong dalam beberapa hari ke depan; tim kami akan menghubungi Bapak/Ibu.",
    booked: "Baik, test drive {car} sudah dijadwalkan pada *{when}*{at}. Kami menantikan kedatangan Bapak/Ibu.",
    bookedNoCar: "Baik, kunjungan Bapak/Ibu sudah dijadwalkan pada *{when}*{at}. Kami menantikan kedatangan Bapak/Ibu.",
    whichCar: "Mobil yang mana yang Bapak/Ibu maksud? Silakan kirim kode dari iklannya (diawali #) atau sampaikan mobil yang dicari.",
    tradeIn: "Tukar tambah bisa dilakukan. Silakan kirim merek, model, tahun dan kilometer mobil Bapak/Ibu (foto juga membantu); tim kami akan memberikan harga taksiran.",
    handover: "Tentu. Saya sudah meminta tim sales kami menghubungi Bapak/Ibu secepatnya.",
    thanks: "Sama-sama, Bapak/Ibu. Silakan hubungi kami kapan saja bila ada yang bisa kami bantu.",
    optOut: "Bapak/Ibu tidak akan menerima pesan lagi dari kami. Silakan kirim pesan kapan saja bila membutuhkan bantuan.",
    rateLimited: "Mohon tunggu sebentar, Bapak/Ibu — saya segera menjawab.",
    other: "Mohon maaf, saya kurang memahami maksud Bapak/Ibu. Saya dapat membantu soal mobil, harga, kredit, test drive dan jam buka.",
  },
};
