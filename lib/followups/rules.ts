import type { SequenceStep, SequenceTrigger } from "@/db/schema";
import { textBesideOptOut } from "@/lib/assistant/understand";

export type FollowupLanguage = "nl" | "nb" | "id" | "de" | "en";
export type TriggerEvent = { kind: "lead_created"; source: string } | { kind: "stage_changed"; from: string; to: string; reason?: string }
  // The periodic scan found the lead quiet for the hours of this no_reply sequence.
  | { kind: "quiet"; sequenceId: string }
  // Staff recorded how a booked test drive or visit went.
  | { kind: "appointment"; outcome: "completed" | "no_show"; appointmentKind: "test_drive" | "visit" };
export type Audience = { sources?: string[]; stages?: string[]; vehicleIds?: string[]; languages?: string[] };
export type LeadFacts = { source: string; stage: string; vehicleId: string | null; language: string | null };

/** The triggers of the sequences a new lead can enter (`triggerMatches` with a lead_created event). */
export const NEW_LEAD_TRIGGERS = ["lead_created", "no_reply"] as const satisfies readonly SequenceTrigger["type"][];

/** The triggers of the sequences a stage change can start (`triggerMatches` with a stage_changed event). */
export const STAGE_CHANGE_TRIGGERS = ["stage_changed", "test_drive_done", "lead_lost"] as const satisfies readonly SequenceTrigger["type"][];

/** Whether an event in a lead's life starts this sequence. */
export function triggerMatches(trigger: SequenceTrigger, evt: TriggerEvent): boolean {
  switch (trigger.type) {
    case "lead_created":
      return evt.kind === "lead_created" && (!trigger.sources?.length || trigger.sources.includes(evt.source));
    // The wait starts when the lead arrives; any reply from the shopper cancels the run.
    // The periodic scan (quiet.ts) also enrolls a lead that went quiet after our last message.
    case "no_reply":
      return evt.kind === "lead_created" || evt.kind === "quiet";
    case "stage_changed":
      return evt.kind === "stage_changed" && evt.to === trigger.stage;
    // A lead leaving the test-drive stage for anything but won/lost means the drive happened.
    case "test_drive_done":
      return (evt.kind === "stage_changed" && evt.from === "test_drive" && evt.to !== "won" && evt.to !== "lost")
        || (evt.kind === "appointment" && evt.outcome === "completed" && evt.appointmentKind === "test_drive");
    case "no_show":
      return evt.kind === "appointment" && evt.outcome === "no_show";
    case "lead_lost":
      return evt.kind === "stage_changed" && evt.to === "lost" && (!trigger.reasons?.length || trigger.reasons.includes(evt.reason ?? ""));
  }
}

export function audienceMatches(audience: Audience, lead: LeadFacts): boolean {
  const has = (list: string[] | undefined, value: string | null) => !list?.length || (value !== null && list.includes(value));
  return has(audience.sources, lead.source) && has(audience.stages, lead.stage) && has(audience.vehicleIds, lead.vehicleId)
    && has(audience.languages, lead.language ? lead.language.slice(0, 2) : null);
}

/** Sequences started by a stage keep running in that stage (e.g. the reactivation of a lost lead). */
function triggeredByStage(trigger: SequenceTrigger, stage: string): boolean {
  return (trigger.type === "stage_changed" && trigger.stage === stage) || (trigger.type === "lead_lost" && stage === "lost");
}

export type StopFacts = {
  status: string; sequenceEnabled: boolean; trigger: SequenceTrigger; stage: string;
  optedOut: boolean; repliedSinceEnrolled: boolean; humanMode: boolean;
};

/** Why an enrollment must not go on, or null to continue. */
export function stopReason(f: StopFacts): string | null {
  if (f.status !== "active") return "not_active";
  if (!f.sequenceEnabled) return "sequence_disabled";
  if (f.optedOut) return "opted_out";
  if (f.repliedSinceEnrolled) return "replied";
  if (f.humanMode) return "human_takeover";
  if ((f.stage === "won" || f.stage === "lost") && !triggeredByStage(f.trigger, f.stage)) return `stage_${f.stage}`;
  return null;
}

/**
 * A message that opts out ("STOP", "Stuur me geen aanbiedingen meer", "jangan kirim promo lagi"), read the way the
 * assistant reads it, so it counts whoever answers the conversation (the assistant, a person, or nobody while paused).
 */
export function isOptOutText(text: string | null | undefined): boolean {
  return Boolean(text) && textBesideOptOut(text!) !== null;
}

export function followupLanguage(contactLanguage: string | null, tenantLocale: string): FollowupLanguage {
  const l = (contactLanguage ?? tenantLocale).slice(0, 2).toLowerCase();
  if (l === "no" || l === "nb" || l === "nn") return "nb";
  return (["nl", "id", "de", "en"].includes(l) ? l : "en") as FollowupLanguage;
}

export function pickText(texts: Record<string, string> | undefined, fallback: string, lang: FollowupLanguage): string {
  return texts?.[lang] || fallback;
}

export type Placeholders = { name: string; dealer: string; car: string };

/** `{name}`, `{dealer}` and `{car}` in a step's text; an unknown car reads as "a car". */
export function fillPlaceholders(text: string, v: Placeholders): string {
  return text.replace(/\{(name|dealer|car)\}/g, (_, k: keyof Placeholders) => v[k]).replace(/\s+([,.!?])/g, "$1");
}

export type WhatsAppForm =
  | { kind: "text"; body: string }
  | { kind: "template"; name: string; language: string; variables: string[]; body: string }
  | { kind: "skip"; reason: string };

/** Free text inside the 24-hour window; outside it only an approved template in the shopper's language. */
export function chooseWhatsAppForm(o: {
  step: Extract<SequenceStep, { type: "whatsapp" }>; lang: FollowupLanguage; insideWindow: boolean; placeholders: Placeholders;
  template: { name: string; language: string; body: string } | null;
}): WhatsAppForm {
  if (o.insideWindow) return { kind: "text", body: fillPlaceholders(pickText(o.step.texts, o.step.text, o.lang), o.placeholders) };
  if (!o.step.templateName) return { kind: "skip", reason: "outside the 24-hour window and no template set" };
  if (!o.template) return { kind: "skip", reason: `no approved template ${o.step.templateName} (${o.lang})` };
  const names = o.step.templateVariables ?? ["name", "dealer"];
  const variables = names.map((n) => (n in o.placeholders ? o.placeholders[n as keyof Placeholders] : n));
  const body = variables.reduce((b, v, i) => b.replaceAll(`{{${i + 1}}}`, v), o.template.body);
  return { kind: "template", name: o.template.name, language: o.template.language, variables, body };
}
