"use client";

import { useId, useState } from "react";
import { Input, Select } from "@/components/ui/controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { placeholderCount, renderTemplate } from "@/lib/inbox/access";
import { ActionForm } from "../action-form";
import { sendTemplateAction } from "../actions";

export type TemplateOption = { id: string; name: string; language: string; body: string; variables: string[] };

/** Outside WhatsApp's 24-hour window only an approved template may go out: pick one and fill in its variables. */
export function TemplatePicker({ conversationId, templates }: { conversationId: string; templates: TemplateOption[] }) {
  const id = useId();
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? "");
  const [values, setValues] = useState<string[]>([]);
  const template = templates.find((t) => t.id === templateId);
  if (!template) {
    return <p className="text-sm text-ink-muted">There are no approved WhatsApp templates yet, so nothing can be sent until the shopper writes again.</p>;
  }
  const count = placeholderCount(template.body);
  const preview = renderTemplate(template.body, values.map((v, i) => v || `{{${i + 1}}}`));
  return (
    <ActionForm action={sendTemplateAction} label="Send a template" success="Template sent." className="space-y-3">
      <input type="hidden" name="conversationId" value={conversationId} />
      <div>
        <label htmlFor={`${id}-template`} className="mb-1 block text-sm font-medium text-ink">Template</label>
        <Select id={`${id}-template`} name="templateId" value={templateId} onChange={(e) => { setTemplateId(e.target.value); setValues([]); }}>
          {templates.map((t) => <option key={t.id} value={t.id}>{t.name} ({t.language})</option>)}
        </Select>
      </div>
      {count > 0 ? (
        <div className="grid gap-2 sm:grid-cols-2">
          {Array.from({ length: count }, (_, i) => (
            <div key={`${template.id}-${i}`}>
              <label htmlFor={`${id}-var-${i}`} className="mb-1 block text-sm font-medium text-ink">{template.variables[i] ?? `Variable ${i + 1}`}</label>
              <Input
                id={`${id}-var-${i}`}
                name="variables"
                required
                maxLength={500}
                value={values[i] ?? ""}
                onChange={(e) => setValues((prev) => Object.assign([...prev], { [i]: e.target.value }))}
              />
            </div>
          ))}
        </div>
      ) : null}
      <p className="rounded-lg border border-line bg-slate-50 px-3 py-2 text-sm whitespace-pre-wrap text-ink" aria-live="polite">
        <span className="sr-only">Preview: </span>{preview}
      </p>
      <SubmitButton pendingText="Sending…">Send template</SubmitButton>
    </ActionForm>
  );
}
