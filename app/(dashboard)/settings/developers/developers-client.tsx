"use client";

import { useActionState } from "react";
import { Checkbox, Input, Select } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { createApiKeyAction, createEndpointAction, type DevState } from "./actions";
import { Form } from "@/components/ui/form";

const result = (s: DevState) => (s ? { ok: s.ok, error: s.error } : null);

function ShownOnce({ label, value }: { label: string; value: string }) {
  return (
    <p role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
      {label} (shown once — copy it now): <code className="break-all font-mono">{value}</code>
    </p>
  );
}

export function ApiKeyForm() {
  const [state, action] = useActionState<DevState, FormData>(createApiKeyAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <Form action={action} className="space-y-3" noValidate>
      {state?.secret ? <ShownOnce label="Your new API key" value={state.secret} /> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field label="Name" hint="Which system uses it, e.g. “DMS sync”" error={fe.name}><Input name="name" required /></Field>
        <Field label="Access" error={fe.scope}>
          <Select name="scope" defaultValue="read"><option value="read">Read only</option><option value="write">Read and write</option></Select>
        </Field>
        <SubmitButton pendingText="Creating…">Create key</SubmitButton>
      </div>
      <FormMessage result={state && !state.ok ? result(state) : null} />
    </Form>
  );
}

export function EndpointForm({ eventTypes }: { eventTypes: readonly string[] }) {
  const [state, action] = useActionState<DevState, FormData>(createEndpointAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <Form action={action} className="space-y-3" noValidate>
      {state?.secret ? <ShownOnce label="Signing secret for this endpoint" value={state.secret} /> : null}
      <Field label="Receiver URL" error={fe.url}><Input name="url" type="url" placeholder="https://example.com/forecourt-webhook" required /></Field>
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Events</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {eventTypes.map((e) => <Checkbox key={e} name="events" value={e} label={<code>{e}</code>} defaultChecked />)}
        </div>
        {fe.events ? <p className="mt-1 text-sm text-red-700">{fe.events}</p> : null}
      </fieldset>
      <FormMessage result={state && !state.ok ? result(state) : null} />
      <SubmitButton pendingText="Adding…">Add endpoint</SubmitButton>
    </Form>
  );
}
