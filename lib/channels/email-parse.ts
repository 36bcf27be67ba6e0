// Lead e-mails from importer portals and marketplaces ("Naam: …", "Telefon: …", "Nama: …") and plain replies.

export type LeadField = "name" | "phone" | "email" | "vehicle" | "message";
export type EmailLanguage = "nl" | "nb" | "id" | "en";
export type ParsedEmail = { fields: Partial<Record<LeadField, string>>; language: EmailLanguage | null; isLead: boolean };

const labels: Record<string, { field: LeadField | "mobil"; lang?: EmailLanguage }> = {};
const add = (field: LeadField | "mobil", lang: EmailLanguage | undefined, words: string[]) => { for (const w of words) labels[w] = { field, lang }; };
add("name", "nl", ["naam", "volledige naam", "uw naam", "klantnaam"]);
add("name", "nb", ["navn", "fullt navn", "ditt navn", "kundenavn"]);
add("name", "id", ["nama", "nama lengkap", "nama anda"]);
add("name", "en", ["name", "full name", "your name", "customer name", "contact name"]);
add("phone", "nl", ["telefoon", "telefoonnummer", "tel", "mobiel", "mobiel nummer", "mobielnummer"]);
add("phone", "nb", ["telefon", "telefonnummer", "mobilnummer", "tlf"]);
add("phone", "id", ["telepon", "no telepon", "nomor telepon", "no hp", "nomor hp", "hp", "no wa", "nomor wa"]);
add("phone", "en", ["phone", "phone number", "telephone", "mobile", "mobile number", "whatsapp"]);
add("email", "nl", ["e-mailadres", "emailadres"]);
add("email", "nb", ["e-post", "epost", "e-postadresse"]);
add("email", "id", ["surel", "alamat email", "alamat e-mail"]);
add("email", undefined, ["e-mail", "email", "email address", "e-mail address"]);
add("vehicle", "nl", ["voertuig", "auto", "advertentie", "occasion"]);
add("vehicle", "nb", ["kjøretøy", "bil", "annonse"]);
add("vehicle", "id", ["kendaraan", "iklan", "unit"]);
add("vehicle", "en", ["vehicle", "car", "listing", "vehicle of interest", "car of interest"]);
add("message", "nl", ["bericht", "opmerking", "opmerkingen", "vraag", "toelichting"]);
add("message", "nb", ["beskjed", "melding", "kommentar", "spørsmål", "henvendelse"]);
add("message", "id", ["pesan", "catatan", "pertanyaan", "keterangan"]);
add("message", "en", ["message", "comments", "comment", "question", "remarks"]);
// "Mobil" is a phone in Norwegian and a car in Indonesian: the value decides.
add("mobil", undefined, ["mobil"]);

const labelLine = /^\s*(?:[-*•>]\s*)?\**\s*([\p{L}][\p{L} .\-/]{0,30}?)\s*\**\s*(?::+|：|\t)\s*\**\s*(.*)$/u;
const normalizeLabel = (s: string) => s.toLowerCase().replace(/\./g, "").replace(/\s+/g, " ").trim();

function lookup(line: string) {
  const m = labelLine.exec(line);
  if (!m) return null;
  const label = labels[normalizeLabel(m[1])];
  return label ? { ...label, value: m[2].trim() } : null;
}

const looksLikePhone = (v: string) => /^[+\d][\d\s\-().]{6,}$/.test(v.trim());

/** "Label: value" lines; the message may run over several lines until the next label or a sign-off. */
export function parseLeadEmail(text: string): ParsedEmail {
  const fields: Partial<Record<LeadField, string>> = {};
  const votes = new Map<EmailLanguage, number>();
  let inMessage = false;
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const hit = lookup(line);
    if (hit) {
      const field: LeadField = hit.field === "mobil" ? (looksLikePhone(hit.value) ? "phone" : "vehicle") : hit.field;
      if (hit.field === "mobil") votes.set(field === "phone" ? "nb" : "id", (votes.get(field === "phone" ? "nb" : "id") ?? 0) + 1);
      else if (hit.lang) votes.set(hit.lang, (votes.get(hit.lang) ?? 0) + 1);
      inMessage = field === "message";
      if (hit.value && !fields[field]) fields[field] = hit.value;
      continue;
    }
    if (!inMessage) continue;
    if (/^\s*(--\s*$|_{3,}|met vriendelijke groet|vennlig hilsen|med vennlig hilsen|salam|terima kasih|kind regards|best regards)/i.test(line)) inMessage = false;
    else fields.message = fields.message ? `${fields.message}\n${line}` : line;
  }
  if (fields.message) fields.message = fields.message.trim();
  const recognised = Object.values(fields).filter(Boolean).length;
  const language = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { fields, language, isLead: Boolean(fields.phone || fields.email) && recognised >= 2 };
}

/** `Jan de Vries <Jan@Example.nl>` → name and lower-cased address. */
export function parseAddress(raw: string): { name: string | null; email: string | null } {
  const angle = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(raw);
  const email = (angle ? angle[2] : raw).trim().toLowerCase();
  return { name: angle?.[1].trim() || null, email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null };
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Enough HTML-to-text for portal mails: table cells become "label: value", blocks become lines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<\/t[dh]>\s*<t[dh][^>]*>/gi, ": ")
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(#\d+|[a-z]+);/gi, (m, e: string) => (e.startsWith("#") ? String.fromCharCode(Number(e.slice(1))) : entities[e.toLowerCase()] ?? m))
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A reply without the quoted thread below it ("On … wrote:", "Op … schreef", "Den … skrev", "Pada … menulis", "> …"). */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const cut = lines.findIndex((l) => /^\s*>/.test(l) || /^(on|op|den|pada)\b.*\b(wrote|schreef|skrev|menulis)\b.*:$/i.test(l.trim()) || /^-{2,}\s*(original message|oorspronkelijk bericht|opprinnelig melding)/i.test(l.trim()));
  return (cut === -1 ? lines : lines.slice(0, cut)).join("\n").trim();
}
