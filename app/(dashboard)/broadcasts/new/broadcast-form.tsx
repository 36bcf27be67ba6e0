"use client";

import { useActionState, useState } from "react";
import { Card } from "@/components/ui/card";
import { Checkbox, Input, Select } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createBroadcastAction, previewBroadcastAction } from "../actions";
import { Form } from "@/components/ui/form";
import { languageNames } from "@/lib/assistant/types";
import { sourceLabels, stageLabels } from "@/lib/inbox/labels";

type Template = { name: string; body: string; languages: string[]; variables: number };

function CheckGroup({ legend, name, options }: { legend: string; name: string; options: Record<string, string> }) {
  const entries = Object.entries(options);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-ink">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {entries.map(([value, label]) => <Checkbox key={value} name={name} value={value} label={label} />)}
      </div>
    </fieldset>
  );
}

export function BroadcastForm({ templates, timeZone }: { templates: Template[]; timeZone: string }) {
  const [preview, previewAction] = useActionState(previewBroadcastAction, null);
  const [created, createAction] = useActionState(createBroadcastAction, null);
  const [templateName, setTemplateName] = useState(templates[0]?.name ?? "");
  const template = templates.find((t) => t.name === templateName);
  const errors = { ...(preview && !preview.ok ? preview.fieldErrors : {}), ...(created && !created.ok ? created.fieldErrors : {}) };
  if (templates.length === 0) return <p className="text-sm text-ink-muted">No approved WhatsApp templates yet. Add one in WhatsApp Manager; it appears here once approved.</p>;
  return (
    <Form action={createAction} intents={{ preview: previewAction }} className="space-y-5" noValidate>
      <Card title="Message">
        <div className="space-y-4">
          <Field label="Name" error={errors.name} required hint="Only your team sees this.">
            <Input name="name" maxLength={120} placeholder="New arrivals – December" />
          </Field>
          <Field label="Template" error={errors.templateName} required>
            <Select name="templateName" value={templateName} onChange={(e) => setTemplateName(e.target.value)}>
              {templates.map((t) => <option key={t.name} value={t.name}>{t.name} ({t.languages.join(", ")})</option>)}
            </Select>
          </Field>
          {template ? <p className="whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm text-ink">{template.body}</p> : null}
          {Array.from({ length: template?.variables ?? 0 }, (_, i) => (
            <Field key={`${templateName}-${i}`} label={`Variable {{${i + 1}}}`} error={errors[`variables.${i}`]} required
              hint={i === 0 ? "Use {first_name}, {car} or {dealer} to personalise per contact." : undefined}>
              <Input name="variables" defaultValue={i === 0 ? "{first_name}" : i === 1 ? "{dealer}" : ""} maxLength={300} />
            </Field>
          ))}
        </div>
      </Card>
      <Card title="Who gets it" description="Leave a group empty to include everyone. Contacts who opted out never get a broadcast.">
        <div className="space-y-4">
          <CheckGroup legend="Lead source" name="sources" options={sourceLabels} />
          <CheckGroup legend="Stage" name="stages" options={stageLabels} />
          <CheckGroup legend="Language" name="languages" options={languageNames} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Interested in make" error={errors["segment.make"]}><Input name="make" placeholder="Toyota" /></Field>
            <Field label="Tags" hint="Comma separated" error={errors["segment.tags"]}><Input name="tags" placeholder="vip, service" /></Field>
            <Field label="Active in the last … days" error={errors["segment.activeWithinDays"]}><Input name="activeWithinDays" type="number" min={1} inputMode="numeric" /></Field>
            <Field label="Quiet for at least … days" error={errors["segment.inactiveForDays"]}><Input name="inactiveForDays" type="number" min={1} inputMode="numeric" /></Field>
          </div>
          <Checkbox name="consentedOnly" defaultChecked label="Only contacts who agreed to marketing messages" hint="WhatsApp requires opt-in for marketing." />
        </div>
      </Card>
      <Card title="When">
        <Field label="Send at" hint={`Leave empty to send now. Time in ${timeZone}.`} error={errors.scheduledAt}>
          <Input name="scheduledAt" type="datetime-local" className="sm:w-64" />
        </Field>
      </Card>
      <FormMessage result={created} />
      <FormMessage result={preview && !preview.ok ? preview : null} />
      {preview?.ok ? (
        <Card title={`${preview.data.recipients} recipients`} description={preview.data.skipped ? `${preview.data.skipped} opted-out contacts in this segment will be skipped.` : undefined}>
          {preview.data.channelConnected ? null : (
            <p role="note" className="mb-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">Your WhatsApp number is not connected: the messages will be kept as “not delivered” until you connect it in Settings.</p>
          )}
          <ul className="space-y-3" aria-label="Preview per recipient">
            {preview.data.samples.map((s, i) => (
              <li key={i} className="rounded-lg bg-emerald-50 p-3 text-sm">
                <p className="text-xs font-medium text-ink-muted">{s.name ?? "Unnamed contact"} · {s.language}</p>
                <p className="mt-1 whitespace-pre-wrap text-ink">{s.body}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <SubmitButton formAction={previewAction} data-intent="preview" pendingText="Counting…" variant="secondary">Preview</SubmitButton>
        <SubmitButton pendingText="Scheduling…">Schedule broadcast</SubmitButton>
      </div>
    </Form>
  );
}
