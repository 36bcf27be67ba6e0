"use client";

import type { SequenceStep } from "@/db/schema";
import { Input, Select, Textarea } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { languageNames } from "@/lib/assistant/types";
import { stageLabels, stageOrder } from "@/lib/inbox/labels";

export const stepTypes = [
  ["wait", "Wait"], ["whatsapp", "Send WhatsApp"], ["email", "Send e-mail"], ["task", "Task for the rep"], ["assign", "Assign"], ["stage", "Change stage"],
] as const;
export const languages = Object.entries(languageNames);

export function blankStep(type: SequenceStep["type"]): SequenceStep {
  switch (type) {
    case "wait": return { type, days: 1 };
    case "whatsapp": return { type, text: "Hi {name}, still looking for a car? Just reply here.", templateName: "check_in", templateVariables: ["name", "dealer"] };
    case "email": return { type, subject: "Still looking, {name}?", text: "Hi {name},\n\nAre you still looking for a car? Just reply to this e-mail.\n\n{dealer}" };
    case "task": return { type, title: "Call {name}" };
    case "assign": return { type, strategy: "round_robin" };
    case "stage": return { type, stage: "contacted" };
  }
}

const num = (v: string) => (v === "" ? undefined : Number(v));

/** The fields of one step; every change hands back a whole new step. */
export function StepFields({ step, onChange, errorFor, prefix }: {
  step: SequenceStep; onChange: (s: SequenceStep) => void; errorFor: (field: string) => string | undefined; prefix: string;
}) {
  const perLanguage = (key: "texts" | "subjects", label: string, multiline: boolean) => {
    const values = ((step as Record<string, unknown>)[key] ?? {}) as Record<string, string>;
    return languages.map(([code, name]) => {
      const set = (v: string) => onChange({ ...step, [key]: { ...values, [code]: v || undefined } } as SequenceStep);
      return (
        <Field key={code} label={`${label} (${name})`} id={`${prefix}-${key}-${code}`}>
          {multiline
            ? <Textarea id={`${prefix}-${key}-${code}`} rows={2} value={values[code] ?? ""} onChange={(e) => set(e.target.value)} />
            : <Input id={`${prefix}-${key}-${code}`} value={values[code] ?? ""} onChange={(e) => set(e.target.value)} />}
        </Field>
      );
    });
  };
  switch (step.type) {
    case "wait":
      return (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Days" id={`${prefix}-days`} error={errorFor("days")}><Input id={`${prefix}-days`} type="number" min={0} value={step.days ?? ""} onChange={(e) => onChange({ ...step, days: num(e.target.value) })} /></Field>
          <Field label="Hours" id={`${prefix}-hours`} error={errorFor("hours")}><Input id={`${prefix}-hours`} type="number" min={0} value={step.hours ?? ""} onChange={(e) => onChange({ ...step, hours: num(e.target.value) })} /></Field>
          <Field label="Then until (local time)" hint="Optional" id={`${prefix}-at`} error={errorFor("atLocalTime")}><Input id={`${prefix}-at`} type="time" value={step.atLocalTime ?? ""} onChange={(e) => onChange({ ...step, atLocalTime: e.target.value || undefined })} /></Field>
        </div>
      );
    case "whatsapp":
      return (
        <div className="grid gap-3">
          <Field label="Message inside the 24-hour window" hint="{name}, {dealer} and {car} are filled in" id={`${prefix}-text`} error={errorFor("text")}>
            <Textarea id={`${prefix}-text`} rows={3} value={step.text} onChange={(e) => onChange({ ...step, text: e.target.value })} />
          </Field>
          <Field label="Approved template outside the window" hint="Sent with the shopper's name and your dealership name" id={`${prefix}-tpl`} error={errorFor("templateName")}>
            <Input id={`${prefix}-tpl`} value={step.templateName ?? ""} onChange={(e) => onChange({ ...step, templateName: e.target.value || undefined })} />
          </Field>
          <details><summary className="cursor-pointer text-sm font-medium">Message per language</summary><div className="mt-2 grid gap-2">{perLanguage("texts", "Message", true)}</div></details>
        </div>
      );
    case "email":
      return (
        <div className="grid gap-3">
          <Field label="Subject" id={`${prefix}-subject`} error={errorFor("subject")}><Input id={`${prefix}-subject`} value={step.subject} onChange={(e) => onChange({ ...step, subject: e.target.value })} /></Field>
          <Field label="Text" id={`${prefix}-etext`} error={errorFor("text")}><Textarea id={`${prefix}-etext`} rows={4} value={step.text} onChange={(e) => onChange({ ...step, text: e.target.value })} /></Field>
          <details><summary className="cursor-pointer text-sm font-medium">Subject and text per language</summary><div className="mt-2 grid gap-2">{perLanguage("subjects", "Subject", false)}{perLanguage("texts", "Text", true)}</div></details>
        </div>
      );
    case "task":
      return <Field label="Task title" id={`${prefix}-title`} error={errorFor("title")}><Input id={`${prefix}-title`} value={step.title} onChange={(e) => onChange({ ...step, title: e.target.value })} /></Field>;
    case "assign":
      return <p className="text-sm text-ink-muted">Gives a lead nobody has yet to the next colleague on duty, in turn, as automatic assignment does: reps in the lead’s showroom first.</p>;
    case "stage":
      return (
        <Field label="Move the lead to" id={`${prefix}-stage`}>
          <Select id={`${prefix}-stage`} value={step.stage} onChange={(e) => onChange({ ...step, stage: e.target.value })}>{stageOrder.map((s) => <option key={s} value={s}>{stageLabels[s]}</option>)}</Select>
        </Field>
      );
  }
}
