"use client";

import { useActionState, useState } from "react";
import { Card } from "@/components/ui/card";
import { Checkbox, Textarea } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AssistantSettingsView } from "@/lib/settings";
import { saveAssistantSettingsAction, type AssistantSettingsState } from "./actions";

const tones = [
  { value: "friendly", label: "Friendly", hint: "Warm and short, as most shoppers write on WhatsApp: “je” in Dutch, “du” in German, “kak” in Indonesian." },
  { value: "formal", label: "Formal", hint: "Courteous full sentences: “u” in Dutch, “Sie” in German, “Bapak/Ibu” in Indonesian." },
] as const;

const assignModes = [
  { value: "turn", label: "In turn", hint: "Whoever was given a lead longest ago is next." },
  { value: "fewestOpen", label: "Fewest open leads first", hint: "Whoever has the fewest leads not yet won or lost; in turn when that is equal." },
] as const;

/** What the dealer's language would say by default: the standard greeting in each tone and some hand-over words. */
export type LanguageExamples = { greeting: Record<"friendly" | "formal", string>; handoverKeywords: string[] };

export function AssistantSettingsForm({ values, dealerName, examples }: { values: AssistantSettingsView; dealerName: string; examples: LanguageExamples }) {
  const [state, action] = useActionState<AssistantSettingsState, FormData>(saveAssistantSettingsAction, null);
  // The greeting's placeholder is the standard greeting of the tone being picked.
  const [tone, setTone] = useState(values.tone);
  const fe = state?.fieldErrors ?? {};
  return (
    <Form action={action} className="space-y-6" noValidate aria-label="Assistant settings">
      <Card title="Tone and greeting" description="Both apply to the offline assistant and to Claude.">
        <div className="space-y-5">
          <fieldset aria-describedby={fe.tone ? "tone-error" : undefined}>
            <legend className="text-sm font-medium text-ink">Tone</legend>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              {tones.map((t) => (
                <label key={t.value} className="flex cursor-pointer items-start gap-3 rounded-lg border border-line p-3 text-sm has-checked:border-brand">
                  <input type="radio" name="tone" value={t.value} defaultChecked={values.tone === t.value} onChange={() => setTone(t.value)} className="mt-0.5 size-4 accent-brand" />
                  <span><span className="font-medium text-ink">{t.label}</span><span className="block text-ink-muted">{t.hint}</span></span>
                </label>
              ))}
            </div>
            {fe.tone ? <p id="tone-error" className="mt-1.5 text-sm font-medium text-red-700">{fe.tone}</p> : null}
          </fieldset>
          <Field
            label="Custom greeting (optional)"
            error={fe.greeting}
            hint={<>Write it in your dealership&apos;s language; <code>{"{dealer}"}</code> becomes “{dealerName}”. Shoppers writing another language get the standard greeting in theirs. Leave empty for the standard greeting.</>}
          >
            <Textarea name="greeting" rows={2} maxLength={300} defaultValue={values.greeting ?? ""} placeholder={examples.greeting[tone]} />
          </Field>
        </div>
      </Card>

      <Card title="Hand-over rules" description="A handed-over conversation switches to your team: the assistant stops answering and the assigned or on-duty reps are alerted.">
        <div className="space-y-5">
          <Field label="Hand-over keywords" error={fe.handoverKeywords} hint="One per line or separated by commas. A message containing one of these words goes to a person at once, in any language. Case and accents do not matter.">
            <Textarea name="handoverKeywords" rows={4} defaultValue={values.handoverKeywords.join("\n")} placeholder={examples.handoverKeywords.join("\n")} />
          </Field>
          <Checkbox
            name="handoverOnNegotiation"
            label="Hand over when the shopper negotiates the price"
            hint="Off: the assistant states the asking price and keeps chatting; the lead still turns hot and your reps are alerted."
            defaultChecked={values.handoverOnNegotiation}
          />
        </div>
      </Card>

      <Card title="Tell shoppers about changes" description="Messages to shoppers with an open conversation about the car, only inside WhatsApp's 24-hour window.">
        <div className="space-y-4">
          <Checkbox name="notifySoldInterest" label="When a car they asked about is sold, with similar cars" defaultChecked={values.notifySoldInterest} />
          <Checkbox name="notifyPriceDrop" label="When a car they asked about gets cheaper" defaultChecked={values.notifyPriceDrop} />
        </div>
      </Card>

      <Card title="On duty" description="Unassigned hot leads and hand-overs alert every colleague on duty (a lead with an assigned rep alerts only that rep).">
        <fieldset aria-describedby={fe.onDuty ? "on-duty-error" : undefined}>
          <legend className="sr-only">Colleagues on duty</legend>
          {values.reps.length === 0 ? <p className="text-sm text-ink-muted">No active sales reps or managers yet: add them under Settings → Team.</p> : null}
          <div className="space-y-3">
            {values.reps.map((r) => (
              <Checkbox key={r.membershipId} name="onDuty" value={r.membershipId} label={r.name} hint={r.role === "manager" ? "Manager" : "Sales rep"} defaultChecked={r.onDuty} />
            ))}
          </div>
          {fe.onDuty ? <p id="on-duty-error" className="mt-1.5 text-sm font-medium text-red-700">{fe.onDuty}</p> : null}
        </fieldset>
        <div className="mt-5 border-t border-line pt-4">
          <Checkbox
            name="autoAssign"
            label="Give each new lead to a colleague on duty"
            hint="Sales reps in the lead's showroom first, then any rep on duty; managers only when no rep is. Off: new leads wait unassigned until someone takes them."
            defaultChecked={values.autoAssign}
          />
          <fieldset className="mt-4" aria-describedby={fe.assignBy ? "assign-by-error" : undefined}>
            <legend className="text-sm font-medium text-ink">Who gets the next lead</legend>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              {assignModes.map((m) => (
                <label key={m.value} className="flex cursor-pointer items-start gap-3 rounded-lg border border-line p-3 text-sm has-checked:border-brand">
                  <input type="radio" name="assignBy" value={m.value} defaultChecked={values.assignBy === m.value} className="mt-0.5 size-4 accent-brand" />
                  <span><span className="font-medium text-ink">{m.label}</span><span className="block text-ink-muted">{m.hint}</span></span>
                </label>
              ))}
            </div>
            {fe.assignBy ? <p id="assign-by-error" className="mt-1.5 text-sm font-medium text-red-700">{fe.assignBy}</p> : null}
          </fieldset>
        </div>
      </Card>

      <FormMessage result={state ? { ok: state.ok, error: state.error } : null} success="Assistant settings saved." />
      <SubmitButton pendingText="Saving…">Save assistant settings</SubmitButton>
    </Form>
  );
}
