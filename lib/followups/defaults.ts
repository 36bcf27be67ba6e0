import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { followupSequences, type SequenceStep, type SequenceTrigger } from "@/db/schema";
import { ensureDefaultTemplates } from "@/lib/templates/defaults";

// In the assistant's default (friendly) register: "je", "du", "kak". A dealer who set the formal tone edits them.
type Texts = Record<"nl" | "nb" | "id" | "de" | "en", string>;
const whatsapp = (texts: Texts): SequenceStep => ({ type: "whatsapp", text: texts.en, texts, templateName: "check_in", templateVariables: ["name", "dealer"] });

// A lead from a form, an ad or an e-mail has not written on WhatsApp yet: the approved `lead_welcome` template opens
// the conversation, and the shopper's answer goes to the assistant like any other message.
const welcome: Texts = {
  en: "Hi {name}, thanks for your interest in {car} at {dealer}! Any questions? Just reply here and we'll answer right away.",
  nl: "Hoi {name}, bedankt voor je interesse in {car} bij {dealer}! Vragen? Reageer gerust hier, dan antwoorden we meteen.",
  nb: "Hei {name}, takk for interessen for {car} hos {dealer}! Har du spørsmål? Bare svar her, så svarer vi med en gang.",
  de: "Hallo {name}, danke für dein Interesse an {car} bei {dealer}! Fragen? Antworte einfach hier, wir melden uns sofort.",
  id: "Halo kak {name}, terima kasih atas minatnya pada {car} di {dealer}! Ada pertanyaan? Balas di sini, kami langsung jawab.",
};

const noAnswer1: Texts = {
  en: "Hi {name}, just checking in from {dealer}: did you find what you were looking for? Happy to help with photos, a test drive or a trade-in price.",
  nl: "Hoi {name}, even een berichtje van {dealer}: heb je al gevonden wat je zocht? We helpen graag met foto's, een proefrit of een inruilprijs.",
  nb: "Hei {name}, en liten hilsen fra {dealer}: fant du det du lette etter? Vi hjelper gjerne med bilder, prøvekjøring eller innbyttepris.",
  de: "Hallo {name}, kurze Nachricht von {dealer}: Hast du gefunden, was du suchst? Wir helfen gern mit Fotos, Probefahrt oder Inzahlungnahme.",
  id: "Halo kak {name}, dari {dealer}: sudah ketemu mobil yang dicari? Kami siap bantu foto, test drive, atau harga tukar tambah.",
};
const noAnswer2: Texts = {
  en: "Hi {name}, the {car} is still here. Would you like to come by for a look this week?",
  nl: "Hoi {name}, de {car} staat er nog. Zin om deze week even langs te komen?",
  nb: "Hei {name}, {car} står fortsatt her. Vil du komme innom en tur denne uken?",
  de: "Hallo {name}, der {car} ist noch da. Möchtest du diese Woche vorbeikommen?",
  id: "Halo kak {name}, {car} masih ada. Mau mampir lihat minggu ini?",
};
const afterDrive: Texts = {
  en: "Hi {name}, thanks for the test drive! How did you like the {car}? Any questions about price, financing or trade-in?",
  nl: "Hoi {name}, bedankt voor de proefrit! Hoe beviel de {car}? Nog vragen over prijs, financiering of inruil?",
  nb: "Hei {name}, takk for prøvekjøringen! Hva syntes du om {car}? Spørsmål om pris, finansiering eller innbytte?",
  de: "Hallo {name}, danke für die Probefahrt! Wie hat dir der {car} gefallen? Fragen zu Preis, Finanzierung oder Inzahlungnahme?",
  id: "Halo kak {name}, terima kasih sudah test drive! Bagaimana {car}-nya? Ada pertanyaan soal harga, kredit, atau tukar tambah?",
};
const quote: Texts = {
  en: "Hi {name}, did you have a chance to look at our offer for the {car}? Happy to talk it through.",
  nl: "Hoi {name}, heb je ons voorstel voor de {car} al kunnen bekijken? We lichten het graag toe.",
  nb: "Hei {name}, har du fått sett på tilbudet vårt på {car}? Vi går gjerne gjennom det med deg.",
  de: "Hallo {name}, konntest du dir unser Angebot für den {car} schon ansehen? Wir besprechen es gern.",
  id: "Halo kak {name}, sudah sempat lihat penawaran kami untuk {car}? Kami siap jelaskan.",
};
const reactivate: Texts = {
  en: "Hi {name}, {dealer} here. New cars arrived since we last spoke. Still looking? Reply and we'll send a few that fit.",
  nl: "Hoi {name}, met {dealer}. Er zijn nieuwe auto's binnen sinds we elkaar spraken. Nog op zoek? Reageer en we sturen er een paar die passen.",
  nb: "Hei {name}, dette er {dealer}. Vi har fått inn nye biler siden sist. Fortsatt på utkikk? Svar, så sender vi noen som passer.",
  de: "Hallo {name}, hier ist {dealer}. Seit unserem Gespräch sind neue Autos eingetroffen. Noch auf der Suche? Antworte einfach, wir schicken passende.",
  id: "Halo kak {name}, dari {dealer}. Ada mobil baru masuk sejak terakhir kita ngobrol. Masih cari? Balas, kami kirim yang cocok.",
};

export const defaultSequences: { name: string; trigger: SequenceTrigger; steps: SequenceStep[] }[] = [
  {
    name: "New lead from a form or ad: hello on WhatsApp",
    trigger: { type: "lead_created", sources: ["facebook", "website", "email"] },
    steps: [{ type: "whatsapp", text: welcome.en, texts: welcome, templateName: "lead_welcome", templateVariables: ["name", "car", "dealer"] }],
  },
  {
    name: "New lead, no answer",
    trigger: { type: "no_reply", hours: 24 },
    steps: [{ type: "wait", days: 1 }, whatsapp(noAnswer1), { type: "wait", days: 2, atLocalTime: "10:00" }, whatsapp(noAnswer2), { type: "task", title: "Call {name}: no answer after 3 days" }],
  },
  {
    name: "After the test drive",
    trigger: { type: "test_drive_done" },
    steps: [{ type: "wait", days: 1, atLocalTime: "10:00" }, whatsapp(afterDrive), { type: "wait", days: 3 }, { type: "task", title: "Call {name} about the {car}" }],
  },
  {
    name: "Quote sent",
    trigger: { type: "stage_changed", stage: "negotiation" },
    steps: [{ type: "wait", days: 2, atLocalTime: "11:00" }, whatsapp(quote), { type: "wait", days: 3 }, { type: "task", title: "Follow up the offer to {name}" }],
  },
  {
    name: "Lost lead reactivation",
    trigger: { type: "lead_lost" },
    steps: [{ type: "wait", days: 30, atLocalTime: "10:00" }, whatsapp(reactivate)],
  },
];

/**
 * Gives a dealership the built-in sequences once, with the message templates they send outside WhatsApp's 24-hour
 * window; a tenant that has any sequence is left alone.
 */
export async function ensureDefaultSequences(tenantId: string): Promise<number> {
  return withTenant(tenantId, async (tx) => {
    const [any] = await tx.select({ id: followupSequences.id }).from(followupSequences).where(eq(followupSequences.tenantId, tenantId)).limit(1);
    if (any) return 0;
    await ensureDefaultTemplates(tx, tenantId);
    await tx.insert(followupSequences).values(defaultSequences.map((s) => ({ tenantId, name: s.name, trigger: s.trigger, steps: s.steps, audience: {} })));
    return defaultSequences.length;
  });
}
