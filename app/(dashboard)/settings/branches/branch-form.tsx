"use client";

import { useActionState } from "react";
import { OpeningHoursFields } from "@/components/opening-hours-fields";
import { Input } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { deleteBranchAction, saveBranchAction, type BranchState } from "./actions";

const result = (s: BranchState) => (s ? { ok: s.ok, error: s.error } : null);

export function BranchForm({ id, values }: { id?: string; values: Record<string, string> }) {
  const [state, action] = useActionState<BranchState, FormData>(saveBranchAction, null);
  const fe = state?.fieldErrors ?? {};
  const input = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <Field label={label} error={fe[name]} required={Boolean(props.required)}><Input name={name} defaultValue={values[name] ?? ""} {...props} /></Field>
  );
  return (
    <Form action={action} className="space-y-4" noValidate>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {input("name", "Showroom name", { required: true })}
        {input("phone", "Phone", { inputMode: "tel" })}
        {input("street", "Street and number", { required: true })}
        {input("city", "City", { required: true })}
        {input("postalCode", "Postal code")}
        {input("mapUrl", "Map link", { type: "url", placeholder: "https://maps.google.com/…" })}
      </div>
      <OpeningHoursFields values={values} errors={fe} legend="Opening hours (all empty: the main showroom's hours)" />
      <FormMessage result={result(state)} success={id ? "Branch saved." : "Branch added."} />
      <SubmitButton pendingText="Saving…">{id ? "Save branch" : "Add branch"}</SubmitButton>
    </Form>
  );
}

export function DeleteBranchForm({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState<BranchState, FormData>(deleteBranchAction, null);
  return (
    <Form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <FormMessage result={state && !state.ok ? result(state) : null} />
      <SubmitButton variant="danger" pendingText="Deleting…" aria-label={`Delete ${name}`}>Delete branch</SubmitButton>
    </Form>
  );
}
