import type { LeadStage, SequenceStep, SequenceTrigger } from "@/db/schema";
import { stageLabels } from "@/lib/inbox/labels";
import { pickText, type FollowupLanguage } from "./rules";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line a dealer understands for a sequence's trigger. */
export function describeTrigger(t: SequenceTrigger): string {
  switch (t.type) {
    case "lead_created":
      return t.sources?.length ? `New lead from ${t.sources.join(", ")}` : "New lead";
    case "no_reply":
      return `New lead with no reply for ${plural(t.hours, "hour")}`;
    case "stage_changed":
      return `Stage changes to ${stageLabels[t.stage as LeadStage]?.toLowerCase() ?? t.stage}`;
    case "test_drive_done":
      return "Test drive done";
    case "no_show":
      return "Missed test drive or visit (no-show)";
    case "lead_lost":
      return t.reasons?.length ? `Lead lost (${t.reasons.join(", ")})` : "Lead lost";
  }
}

/** One line for a step; with `lang`, a message step quotes the text that shopper would get. */
export function describeStep(s: SequenceStep, lang?: FollowupLanguage): string {
  switch (s.type) {
    case "wait": {
      const parts = [s.days ? plural(s.days, "day") : "", s.hours ? plural(s.hours, "hour") : ""].filter(Boolean).join(" ");
      return `Wait ${parts || ""}${s.atLocalTime ? `${parts ? ", then until" : "until"} ${s.atLocalTime}` : ""}`.trim();
    }
    case "whatsapp": {
      const text = lang ? pickText(s.texts, s.text, lang) : s.text;
      return `WhatsApp: “${text.slice(0, 60)}${text.length > 60 ? "…" : ""}”${s.templateName ? ` (template ${s.templateName} outside 24 h)` : ""}`;
    }
    case "email":
      return `E-mail: ${lang ? pickText(s.subjects, s.subject, lang) : s.subject}`;
    case "task":
      return `Task for the rep: ${s.title}`;
    case "assign":
      return s.userId ? "Assign to a chosen rep" : "Assign round-robin";
    case "stage":
      return `Move to ${stageLabels[s.stage as LeadStage]?.toLowerCase() ?? s.stage}`;
  }
}
