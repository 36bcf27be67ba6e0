import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { followupSequences, tenants, type SequenceStep, type SequenceTrigger } from "@/db/schema";
import { assistantRules } from "@/lib/assistant/rules";
import { ensureDefaultTemplates } from "@/lib/templates/defaults";

// Each message in both registers of the assistant's tone (Settings → Assistant): friendly ("je", "du", "kak") and
// formal ("u", "Sie", "Bapak/Ibu"); English and Norwegian read the same in both.
type Texts = Record<"nl" | "nb" | "id" | "de" | "en", string>;
type Message = { friendly: Texts; formal: Pick<Texts, "nl" | "de" | "id"> };
type Tone = "friendly" | "formal";
const inTone = (m: Message, tone: Tone): Texts => (tone === "formal" ? { ...m.friendly, ...m.formal } : m.friendly);
const whatsapp = (texts: Texts): SequenceStep => ({ type: "whatsapp", text: texts.en, texts, templateName: "check_in", templateVariables: ["name", "dealer"] });

// A lead from a form, an ad or an e-mail has not written on WhatsApp yet: the approved `lead_welcome` template opens
// the conversation, and the shopper's answer goes to the assistant like any other message.
const welcome: Message = {
  friendly: {
    en: "Hi {name}, thanks for your interest in {car} at {dealer}! Any questions? Just reply here and we'll answer right away.",
    nl: "Hoi {name}, bedankt voor je interesse in {car} bij {dealer}! Vragen? Reageer gerust hier, dan antwoorden we meteen.",
    nb: "Hei {name}, takk for interessen for {car} hos {dealer}! Har du spørsmål? Bare svar her, så svarer vi med en gang.",
    de: "Hallo {name}, danke für dein Interesse an {car} bei {dealer}! Fragen? Antworte einfach hier, wir melden uns sofort.",
    id: "Halo kak {name}, terima kasih atas minatnya pada {car} di {dealer}! Ada pertanyaan? Balas di sini, kami langsung jawab.",
  },
  formal: {
    nl: "Beste {name}, bedankt voor uw interesse in {car} bij {dealer}. Heeft u vragen? Reageer gerust hier, dan antwoorden we meteen.",
    de: "Guten Tag {name}, vielen Dank für Ihr Interesse an {car} bei {dealer}. Haben Sie Fragen? Antworten Sie einfach hier, wir melden uns sofort.",
    id: "Halo Bapak/Ibu {name}, terima kasih atas minat Anda pada {car} di {dealer}. Ada pertanyaan? Silakan balas di sini, kami segera menjawab.",
  },
};

const noAnswer1: Message = {
  friendly: {
    en: "Hi {name}, just checking in from {dealer}: did you find what you were looking for? Happy to help with photos, a test drive or a trade-in price.",
    nl: "Hoi {name}, even een berichtje van {dealer}: heb je al gevonden wat je zocht? We helpen graag met foto's, een proefrit of een inruilprijs.",
    nb: "Hei {name}, en liten hilsen fra {dealer}: fant du det du lette etter? Vi hjelper gjerne med bilder, prøvekjøring eller innbyttepris.",
    de: "Hallo {name}, kurze Nachricht von {dealer}: Hast du gefunden, was du suchst? Wir helfen gern mit Fotos, Probefahrt oder Inzahlungnahme.",
    id: "Halo kak {name}, dari {dealer}: sudah ketemu mobil yang dicari? Kami siap bantu foto, test drive, atau harga tukar tambah.",
  },
  formal: {
    nl: "Beste {name}, een kort bericht van {dealer}: heeft u al gevonden wat u zocht? We helpen u graag met foto's, een proefrit of een inruilprijs.",
    de: "Guten Tag {name}, eine kurze Nachricht von {dealer}: Haben Sie gefunden, was Sie suchen? Wir helfen gern mit Fotos, einer Probefahrt oder einem Inzahlungnahmepreis.",
    id: "Halo Bapak/Ibu {name}, dari {dealer}: apakah sudah menemukan mobil yang dicari? Kami siap membantu dengan foto, test drive, atau harga tukar tambah.",
  },
};
const noAnswer2: Message = {
  friendly: {
    en: "Hi {name}, the {car} is still here. Would you like to come by for a look this week?",
    nl: "Hoi {name}, de {car} staat er nog. Zin om deze week even langs te komen?",
    nb: "Hei {name}, {car} står fortsatt her. Vil du komme innom en tur denne uken?",
    de: "Hallo {name}, der {car} ist noch da. Möchtest du diese Woche vorbeikommen?",
    id: "Halo kak {name}, {car} masih ada. Mau mampir lihat minggu ini?",
  },
  formal: {
    nl: "Beste {name}, de {car} staat er nog. Wilt u deze week langskomen om hem te bekijken?",
    de: "Guten Tag {name}, der {car} ist noch da. Möchten Sie ihn diese Woche ansehen?",
    id: "Halo Bapak/Ibu {name}, {car} masih tersedia. Apakah berkenan mampir untuk melihat minggu ini?",
  },
};
const afterDrive: Message = {
  friendly: {
    en: "Hi {name}, thanks for the test drive! How did you like the {car}? Any questions about price, financing or trade-in?",
    nl: "Hoi {name}, bedankt voor de proefrit! Hoe beviel de {car}? Nog vragen over prijs, financiering of inruil?",
    nb: "Hei {name}, takk for prøvekjøringen! Hva syntes du om {car}? Spørsmål om pris, finansiering eller innbytte?",
    de: "Hallo {name}, danke für die Probefahrt! Wie hat dir der {car} gefallen? Fragen zu Preis, Finanzierung oder Inzahlungnahme?",
    id: "Halo kak {name}, terima kasih sudah test drive! Bagaimana {car}-nya? Ada pertanyaan soal harga, kredit, atau tukar tambah?",
  },
  formal: {
    nl: "Beste {name}, bedankt voor de proefrit! Hoe beviel de {car} u? Heeft u nog vragen over prijs, financiering of inruil?",
    de: "Guten Tag {name}, vielen Dank für die Probefahrt! Wie hat Ihnen der {car} gefallen? Haben Sie Fragen zu Preis, Finanzierung oder Inzahlungnahme?",
    id: "Halo Bapak/Ibu {name}, terima kasih sudah test drive! Bagaimana kesan Anda dengan {car}? Ada pertanyaan soal harga, kredit, atau tukar tambah?",
  },
};
const quote: Message = {
  friendly: {
    en: "Hi {name}, did you have a chance to look at our offer for the {car}? Happy to talk it through.",
    nl: "Hoi {name}, heb je ons voorstel voor de {car} al kunnen bekijken? We lichten het graag toe.",
    nb: "Hei {name}, har du fått sett på tilbudet vårt på {car}? Vi går gjerne gjennom det med deg.",
    de: "Hallo {name}, konntest du dir unser Angebot für den {car} schon ansehen? Wir besprechen es gern.",
    id: "Halo kak {name}, sudah sempat lihat penawaran kami untuk {car}? Kami siap jelaskan.",
  },
  formal: {
    nl: "Beste {name}, heeft u ons voorstel voor de {car} al kunnen bekijken? We lichten het graag toe.",
    de: "Guten Tag {name}, konnten Sie sich unser Angebot für den {car} schon ansehen? Wir besprechen es gern mit Ihnen.",
    id: "Halo Bapak/Ibu {name}, apakah sudah sempat melihat penawaran kami untuk {car}? Kami siap menjelaskan.",
  },
};
const reactivate: Message = {
  friendly: {
    en: "Hi {name}, {dealer} here. New cars arrived since we last spoke. Still looking? Reply and we'll send a few that fit.",
    nl: "Hoi {name}, met {dealer}. Er zijn nieuwe auto's binnen sinds we elkaar spraken. Nog op zoek? Reageer en we sturen er een paar die passen.",
    nb: "Hei {name}, dette er {dealer}. Vi har fått inn nye biler siden sist. Fortsatt på utkikk? Svar, så sender vi noen som passer.",
    de: "Hallo {name}, hier ist {dealer}. Seit unserem Gespräch sind neue Autos eingetroffen. Noch auf der Suche? Antworte einfach, wir schicken passende.",
    id: "Halo kak {name}, dari {dealer}. Ada mobil baru masuk sejak terakhir kita ngobrol. Masih cari? Balas, kami kirim yang cocok.",
  },
  formal: {
    nl: "Beste {name}, met {dealer}. Er zijn nieuwe auto's binnengekomen sinds ons laatste contact. Bent u nog op zoek? Reageer, dan sturen we er een paar die passen.",
    de: "Guten Tag {name}, hier ist {dealer}. Seit unserem Gespräch sind neue Autos eingetroffen. Suchen Sie noch? Antworten Sie einfach, wir schicken Ihnen passende.",
    id: "Halo Bapak/Ibu {name}, dari {dealer}. Ada mobil baru sejak terakhir kami menghubungi Anda. Masih mencari? Silakan balas, kami kirimkan yang sesuai.",
  },
};

/** The built-in sequences, their messages in the dealer's tone. */
export function defaultSequencesFor(tone: Tone): { name: string; trigger: SequenceTrigger; steps: SequenceStep[] }[] {
  const w = (m: Message) => whatsapp(inTone(m, tone));
  const hello = inTone(welcome, tone);
  return [
    {
      name: "New lead from a form or ad: hello on WhatsApp",
      trigger: { type: "lead_created", sources: ["facebook", "website", "email"] },
      steps: [{ type: "whatsapp", text: hello.en, texts: hello, templateName: "lead_welcome", templateVariables: ["name", "car", "dealer"] }],
    },
    {
      name: "New lead, no answer",
      trigger: { type: "no_reply", hours: 24 },
      steps: [{ type: "wait", days: 1 }, w(noAnswer1), { type: "wait", days: 2, atLocalTime: "10:00" }, w(noAnswer2), { type: "task", title: "Call {name}: no answer after 3 days" }],
    },
    {
      name: "After the test drive",
      trigger: { type: "test_drive_done" },
      steps: [{ type: "wait", days: 1, atLocalTime: "10:00" }, w(afterDrive), { type: "wait", days: 3 }, { type: "task", title: "Call {name} about the {car}" }],
    },
    {
      name: "Quote sent",
      trigger: { type: "stage_changed", stage: "negotiation" },
      steps: [{ type: "wait", days: 2, atLocalTime: "11:00" }, w(quote), { type: "wait", days: 3 }, { type: "task", title: "Follow up the offer to {name}" }],
    },
    {
      name: "Lost lead reactivation",
      trigger: { type: "lead_lost" },
      steps: [{ type: "wait", days: 30, atLocalTime: "10:00" }, w(reactivate)],
    },
  ];
}

export const defaultSequences = defaultSequencesFor("friendly");

/**
 * Gives a dealership the built-in sequences once, in its assistant's tone, with the message templates they send outside
 * WhatsApp's 24-hour window; a tenant that has any sequence is left alone.
 */
export async function ensureDefaultSequences(tenantId: string): Promise<number> {
  return withTenant(tenantId, async (tx) => {
    const [any] = await tx.select({ id: followupSequences.id }).from(followupSequences).where(eq(followupSequences.tenantId, tenantId)).limit(1);
    if (any) return 0;
    await ensureDefaultTemplates(tx, tenantId);
    const [tenant] = await tx.select({ settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
    const sequences = defaultSequencesFor(assistantRules(tenant?.settings ?? {}).tone);
    await tx.insert(followupSequences).values(sequences.map((s) => ({ tenantId, name: s.name, trigger: s.trigger, steps: s.steps, audience: {} })));
    return sequences.length;
  });
}
