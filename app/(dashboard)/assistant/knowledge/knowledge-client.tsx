"use client";

import { useActionState, useEffect, useState } from "react";
import { Input, Select, Textarea } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { KnowledgeTopic } from "@/db/schema";
import { languageNames } from "@/lib/assistant/types";
import { saveKnowledgeEntryAction, type KnowledgeFormState } from "./actions";
import { topicNames } from "./labels";

export type EntryValues = { id?: string; language: string; topic: KnowledgeTopic; title: string; body: string };
export type Suggestion = { topic: KnowledgeTopic; title: string; hint: string };

export function EntryForm({ values, maxBody, onSaved }: { values: EntryValues; maxBody: number; onSaved?: () => void }) {
  const [state, action] = useActionState<KnowledgeFormState, FormData>(saveKnowledgeEntryAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const editing = Boolean(values.id);
  useEffect(() => {
    if (state?.ok) onSaved?.();
  }, [state, onSaved]);
  return (
    <Form action={action} className="space-y-3" noValidate>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Language" error={fe.language} required>
          <Select name="language" defaultValue={values.language}>
            {Object.entries(languageNames).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </Select>
        </Field>
        <Field label="Topic" error={fe.topic} required>
          <Select name="topic" defaultValue={values.topic}>
            {Object.entries(topicNames).map(([topic, name]) => <option key={topic} value={topic}>{name}</option>)}
          </Select>
        </Field>
      </div>
      <Field label="Title" hint="What a shopper would ask about, in the entry's language (e.g. “Garantie”)." error={fe.title} required>
        <Input name="title" defaultValue={values.title} maxLength={80} required />
      </Field>
      <Field label="Answer" hint={`The assistant sends this text as written, so keep it short and concrete (at most ${maxBody} characters).`} error={fe.body} required>
        <Textarea name="body" defaultValue={values.body} rows={4} maxLength={maxBody} required />
      </Field>
      <FormMessage result={state} success={editing ? "Saved." : undefined} />
      <SubmitButton pendingText="Saving…">{editing ? "Save changes" : "Add entry"}</SubmitButton>
    </Form>
  );
}

/** The "new entry" form; it starts blank again after each entry is added, optionally from a suggested topic. */
export function NewEntry({ defaultLanguage, maxBody, suggestions }: { defaultLanguage: string; maxBody: number; suggestions: Suggestion[] }) {
  const [round, setRound] = useState(0);
  const [start, setStart] = useState<Suggestion | null>(null);
  return (
    <div className="space-y-4">
      {suggestions.length ? (
        <div>
          <p className="mb-2 text-sm text-ink-muted">Suggested topics:</p>
          <ul className="flex flex-wrap gap-2">
            {suggestions.map((s) => (
              <li key={s.topic}>
                <button type="button" title={s.hint} onClick={() => { setStart(s); setRound((r) => r + 1); }}
                  className="rounded-full border border-line px-3 py-1 text-sm hover:bg-slate-50 focus-visible:outline-2">
                  {s.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {round > 0 && !start ? <p role="status" className="text-sm text-emerald-800">Entry added.</p> : null}
      <EntryForm
        key={round}
        maxBody={maxBody}
        values={{ language: defaultLanguage, topic: start?.topic ?? "warranty", title: start?.title ?? "", body: "" }}
        onSaved={() => { setStart(null); setRound((r) => r + 1); }}
      />
    </div>
  );
}
