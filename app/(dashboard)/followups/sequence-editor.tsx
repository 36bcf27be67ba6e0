"use client";

import { useActionState, useState } from "react";
import type { SequenceStep, SequenceTrigger } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveSequenceAction, type SequenceFormState } from "./actions";
import { sourceLabels, stageLabels, stageOrder } from "@/lib/inbox/labels";
import { blankStep, languages, StepFields, stepTypes } from "./step-fields";
import { Form } from "@/components/ui/form";

export type EditableSequence = {
  id?: string; name: string; enabled: boolean; trigger: SequenceTrigger;
  audience: { sources?: string[]; languages?: string[] }; steps: SequenceStep[];
};

const triggerTypes = [
  ["lead_created", "New lead"], ["no_reply", "No reply from the shopper"], ["stage_changed", "Stage changes"], ["test_drive_done", "Test drive done"], ["no_show", "Missed test drive (no-show)"], ["lead_lost", "Lead lost"],
] as const;
const stages = stageOrder.filter((s) => s !== "new");

function blankTrigger(type: SequenceTrigger["type"]): SequenceTrigger {
  if (type === "no_reply") return { type, hours: 24 };
  if (type === "stage_changed") return { type, stage: "negotiation" };
  return { type } as SequenceTrigger;
}

const toggle = (list: string[] | undefined, value: string, on: boolean) => {
  const next = (list ?? []).filter((v) => v !== value).concat(on ? [value] : []);
  return next.length ? next : undefined;
};

/** Create or edit a sequence: trigger, audience and ordered steps, saved as one JSON document. */
export function SequenceEditor({ initial }: { initial: EditableSequence }) {
  const [seq, setSeq] = useState(initial);
  const [state, action] = useActionState<SequenceFormState, FormData>(saveSequenceAction, null);
  const fe = state?.fieldErrors ?? {};
  const setStep = (i: number, s: SequenceStep) => setSeq({ ...seq, steps: seq.steps.map((x, j) => (j === i ? s : x)) });
  const move = (i: number, by: number) => {
    const steps = [...seq.steps];
    [steps[i], steps[i + by]] = [steps[i + by], steps[i]];
    setSeq({ ...seq, steps });
  };
  const t = seq.trigger;
  return (
    <Form action={action} className="space-y-6" noValidate>
      {seq.id ? <input type="hidden" name="id" value={seq.id} /> : null}
      <input type="hidden" name="sequence" value={JSON.stringify(seq)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" error={fe.name}><Input value={seq.name} onChange={(e) => setSeq({ ...seq, name: e.target.value })} /></Field>
        <Checkbox label="Running" hint="Pausing stops every lead currently in this sequence" checked={seq.enabled} onChange={(e) => setSeq({ ...seq, enabled: e.target.checked })} />
        <Field label="Starts when" error={fe["trigger.type"]}>
          <Select value={t.type} onChange={(e) => setSeq({ ...seq, trigger: blankTrigger(e.target.value as SequenceTrigger["type"]) })}>
            {triggerTypes.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </Select>
        </Field>
        {t.type === "no_reply" ? (
          <Field label="Hours without a reply" error={fe["trigger.hours"]}><Input type="number" min={1} value={t.hours} onChange={(e) => setSeq({ ...seq, trigger: { ...t, hours: Number(e.target.value) } })} /></Field>
        ) : null}
        {t.type === "stage_changed" ? (
          <Field label="Stage"><Select value={t.stage} onChange={(e) => setSeq({ ...seq, trigger: { ...t, stage: e.target.value } })}>{stages.map((s) => <option key={s} value={s}>{stageLabels[s]}</option>)}</Select></Field>
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Only for leads from (none ticked: all sources)</legend>
        <div className="flex flex-wrap gap-4">
          {Object.entries(sourceLabels).map(([s, label]) => <Checkbox key={s} label={label} checked={!!seq.audience.sources?.includes(s)} onChange={(e) => setSeq({ ...seq, audience: { ...seq.audience, sources: toggle(seq.audience.sources, s, e.target.checked) } })} />)}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Only for shoppers speaking (none ticked: all languages)</legend>
        <div className="flex flex-wrap gap-4">
          {languages.map(([code, name]) => <Checkbox key={code} label={name} checked={!!seq.audience.languages?.includes(code)} onChange={(e) => setSeq({ ...seq, audience: { ...seq.audience, languages: toggle(seq.audience.languages, code, e.target.checked) } })} />)}
        </div>
      </fieldset>
      <ol className="space-y-4">
        {seq.steps.map((s, i) => (
          <li key={i} className="rounded-xl border border-line bg-surface p-4">
            <div className="mb-3 flex flex-wrap items-center gap-2">
              <span className="text-sm font-semibold">Step {i + 1}</span>
              <label className="sr-only" htmlFor={`step-${i}-type`}>Step {i + 1} type</label>
              <Select id={`step-${i}-type`} className="w-48" value={s.type} onChange={(e) => setStep(i, blankStep(e.target.value as SequenceStep["type"]))}>
                {stepTypes.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </Select>
              <div className="ms-auto flex gap-1">
                <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${i + 1} up`}>↑</Button>
                <Button size="sm" variant="ghost" disabled={i === seq.steps.length - 1} onClick={() => move(i, 1)} aria-label={`Move step ${i + 1} down`}>↓</Button>
                <Button size="sm" variant="ghost" onClick={() => setSeq({ ...seq, steps: seq.steps.filter((_, j) => j !== i) })} aria-label={`Remove step ${i + 1}`}>Remove</Button>
              </div>
            </div>
            <StepFields step={s} prefix={`step-${i}`} onChange={(next) => setStep(i, next)} errorFor={(f) => fe[`steps.${i}.${f}`] ?? fe[`steps.${i}`]} />
          </li>
        ))}
      </ol>
      {fe.steps ? <p role="alert" className="text-sm font-medium text-red-700">{fe.steps}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => setSeq({ ...seq, steps: [...seq.steps, blankStep("wait")] })}>Add wait</Button>
        <Button variant="secondary" onClick={() => setSeq({ ...seq, steps: [...seq.steps, blankStep("whatsapp")] })}>Add message</Button>
      </div>
      <FormMessage result={state} success="Saved" />
      <SubmitButton pendingText="Saving…">Save sequence</SubmitButton>
    </Form>
  );
}
