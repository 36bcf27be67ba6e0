import { messageTemplates } from "@/db/schema";
import type { Tx } from "@/db/client";

type DefaultTemplate = { name: string; category: "marketing" | "utility"; body: Record<string, string> };

// Starting set every dealership gets; the WhatsApp Business account must have the same names approved.
const defaults: DefaultTemplate[] = [
  {
    name: "new_arrivals",
    category: "marketing",
    body: {
      en: "Hi {{1}}, new at {{2}}: {{3}}. Reply to hear more, or STOP to unsubscribe.",
      nl: "Hoi {{1}}, nieuw binnen bij {{2}}: {{3}}. Reageer voor meer info, of STOP om af te melden.",
      nb: "Hei {{1}}, nytt hos {{2}}: {{3}}. Svar for mer info, eller STOPP for å melde deg av.",
      de: "Hallo {{1}}, neu bei {{2}}: {{3}}. Antworten Sie für mehr Infos, oder STOP zum Abmelden.",
      id: "Halo {{1}}, baru di {{2}}: {{3}}. Balas untuk info lebih lanjut, atau STOP untuk berhenti.",
    },
  },
  {
    name: "check_in",
    category: "utility",
    body: {
      en: "Hi {{1}}, this is {{2}}. Are you still looking for a car? Just reply here and we'll help.",
      nl: "Hoi {{1}}, met {{2}}. Bent u nog op zoek naar een auto? Reageer gerust hier, dan helpen we u verder.",
      nb: "Hei {{1}}, dette er {{2}}. Ser du fortsatt etter bil? Bare svar her, så hjelper vi deg.",
      de: "Hallo {{1}}, hier ist {{2}}. Suchen Sie noch ein Auto? Antworten Sie einfach hier, wir helfen gern.",
      id: "Halo {{1}}, dari {{2}}. Masih mencari mobil? Balas pesan ini, kami siap membantu.",
    },
  },
  {
    // The first message to a lead from a form, an ad or an e-mail (the default follow-up "New lead from a form or ad").
    name: "lead_welcome",
    category: "utility",
    body: {
      en: "Hi {{1}}, thank you for your interest in {{2}} at {{3}}. Do you have any questions? Just reply here and we will answer right away.",
      nl: "Hallo {{1}}, bedankt voor uw interesse in {{2}} bij {{3}}. Heeft u vragen? Reageer gerust hier, dan antwoorden we meteen.",
      nb: "Hei {{1}}, takk for interessen for {{2}} hos {{3}}. Har du spørsmål? Bare svar her, så svarer vi med en gang.",
      de: "Hallo {{1}}, vielen Dank für Ihr Interesse an {{2}} bei {{3}}. Haben Sie Fragen? Antworten Sie einfach hier, wir melden uns sofort.",
      id: "Halo {{1}}, terima kasih atas minat Anda pada {{2}} di {{3}}. Ada pertanyaan? Balas pesan ini, kami segera menjawab.",
    },
  },
];

const languages = ["en", "nl", "nb", "de", "id"] as const;

/** Inserts the default templates a tenant does not have yet (by name and language). */
export async function ensureDefaultTemplates(tx: Tx, tenantId: string) {
  const rows = defaults.flatMap((t) =>
    languages.map((language) => ({ tenantId, name: t.name, language, category: t.category, status: "approved" as const, body: t.body[language] })),
  );
  await tx.insert(messageTemplates).values(rows).onConflictDoNothing();
}
