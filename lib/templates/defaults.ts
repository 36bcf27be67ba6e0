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
];

const languages = ["en", "nl", "nb", "de", "id"] as const;

/** Inserts the default templates a tenant does not have yet (by name and language). */
export async function ensureDefaultTemplates(tx: Tx, tenantId: string) {
  const rows = defaults.flatMap((t) =>
    languages.map((language) => ({ tenantId, name: t.name, language, category: t.category, status: "approved" as const, body: t.body[language] })),
  );
  await tx.insert(messageTemplates).values(rows).onConflictDoNothing();
}
