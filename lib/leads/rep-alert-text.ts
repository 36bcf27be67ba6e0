import type { Lang } from "@/lib/assistant/types";

export type RepAlertKind = "hot" | "handover";
export type RepAlertFacts = { kind: RepAlertKind; contact: string; car: string; wants: string; link: string };

type Words = { hot: string; handover: string; car: string; wants: string; template: string };

// Staff read alerts in the dealership's language; the template bodies are the ones to register with Meta as "lead_alert".
const words: Record<Lang, Words> = {
  en: { hot: "🔥 Hot lead", handover: "🙋 Hand-over", car: "Car", wants: "Wants", template: "{{1}}: {{2}}. Car: {{3}}. Wants: {{4}}. Open the conversation: {{5}}" },
  nl: { hot: "🔥 Hete lead", handover: "🙋 Overname gevraagd", car: "Auto", wants: "Vraag", template: "{{1}}: {{2}}. Auto: {{3}}. Vraag: {{4}}. Open het gesprek: {{5}}" },
  nb: { hot: "🔥 Varm lead", handover: "🙋 Overtakelse", car: "Bil", wants: "Ønsker", template: "{{1}}: {{2}}. Bil: {{3}}. Ønsker: {{4}}. Åpne samtalen: {{5}}" },
  de: { hot: "🔥 Heißer Lead", handover: "🙋 Übergabe", car: "Auto", wants: "Anliegen", template: "{{1}}: {{2}}. Auto: {{3}}. Anliegen: {{4}}. Gespräch öffnen: {{5}}" },
  id: { hot: "🔥 Prospek panas", handover: "🙋 Minta dilayani sales", car: "Mobil", wants: "Permintaan", template: "{{1}}: {{2}}. Mobil: {{3}}. Permintaan: {{4}}. Buka percakapan: {{5}}" },
};

export const LEAD_ALERT_TEMPLATE = "lead_alert";
export const leadAlertTemplateBodies = Object.fromEntries(Object.entries(words).map(([l, w]) => [l, w.template])) as Record<Lang, string>;

/** The free-text alert a rep gets inside WhatsApp's 24-hour window: short, one fact per line. */
export function repAlertText(lang: Lang, f: RepAlertFacts): string {
  const w = words[lang];
  return [`${f.kind === "hot" ? w.hot : w.handover}: ${f.contact}`, `${w.car}: ${f.car}`, `${w.wants}: ${f.wants}`, f.link].join("\n");
}

// Meta rejects template parameters with newlines, tabs or more than four spaces in a row.
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 200) || "-";

/** The `lead_alert` template's parameters, in the order of its {{1}}…{{5}} placeholders. */
export function repAlertTemplateVariables(lang: Lang, f: RepAlertFacts): string[] {
  const w = words[lang];
  return [f.kind === "hot" ? w.hot : w.handover, f.contact, f.car, f.wants, f.link].map(oneLine);
}

export function renderTemplate(body: string, variables: string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (m, n) => variables[Number(n) - 1] ?? m);
}
