"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveVehicleAction, type FormState } from "./actions";
import { Form } from "@/components/ui/form";
import { englishVehicleWords } from "@/lib/catalog/vehicle-words";

type Values = Record<string, string | number | null | undefined | string[]>;
// Each select's values (CONTRACTS §5) with the words shown for them.
const options = {
  fuel: englishVehicleWords.fuels,
  transmission: englishVehicleWords.transmissions,
  body: englishVehicleWords.bodies,
  status: englishVehicleWords.statuses,
};

/** `branches`: the showrooms other than the main one; the select appears only when there are any. */
export function VehicleForm({ values, currency, branches = [] }: { values?: Values; currency: string; branches?: { id: string; name: string }[] }) {
  const [state, action] = useActionState<FormState, FormData>(saveVehicleAction, null);
  const fe = state?.fieldErrors ?? {};
  const v = (k: string) => (values?.[k] === null || values?.[k] === undefined ? "" : Array.isArray(values[k]) ? (values[k] as string[]).join("\n") : String(values[k]));
  const text = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <Field label={label} error={fe[name]} required={Boolean(props.required)}>
      <Input name={name} defaultValue={v(name)} {...props} />
    </Field>
  );
  const select = (name: keyof typeof options, label: string) => (
    <Field label={label} error={fe[name]}>
      <Select name={name} defaultValue={v(name) || Object.keys(options[name])[0]}>
        {Object.entries(options[name]).map(([value, word]) => <option key={value} value={value}>{word}</option>)}
      </Select>
    </Field>
  );
  return (
    // Its fields are uncontrolled, so a status set by the page's buttons would not reach the select: a new status
    // re-initialises them, and statusShown tells the server which status this select showed.
    <Form key={v("status")} action={action} className="space-y-6" noValidate>
      {values?.id ? <input type="hidden" name="id" value={String(values.id)} /> : null}
      {values?.id ? <input type="hidden" name="statusShown" value={v("status")} /> : null}
      <FormMessage result={state ? { ok: state.ok, error: state.error } : null} success="Saved." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {text("make", "Make", { required: true, autoComplete: "off", maxLength: 60 })}
        {text("model", "Model", { required: true, maxLength: 60 })}
        {text("variant", "Variant", { maxLength: 120 })}
        {text("year", "Year", { required: true, inputMode: "numeric" })}
        {text("mileageKm", "Mileage (km)", { required: true, inputMode: "numeric" })}
        {text("price", `Price (${currency})`, { required: true, inputMode: "numeric" })}
        {select("fuel", "Fuel")}
        {select("transmission", "Transmission")}
        {select("body", "Body")}
        {text("color", "Colour", { maxLength: 40 })}
        {text("doors", "Doors", { inputMode: "numeric" })}
        {text("seats", "Seats", { inputMode: "numeric" })}
        {text("powerHp", "Power (hp)", { inputMode: "numeric" })}
        {select("status", "Status")}
        {branches.length > 0 ? (
          <Field label="Showroom" error={fe.branchId}>
            <Select name="branchId" defaultValue={branches.some((b) => b.id === v("branchId")) ? v("branchId") : ""}>
              <option value="">Main showroom</option>
              {branches.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
            </Select>
          </Field>
        ) : null}
      </div>
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Internal — never shown on the site or to shoppers</legend>
        {text("plate", "Number plate", { maxLength: 20 })}
        {text("stockCode", "Stock code", { maxLength: 40 })}
        {text("costPrice", `Cost price (${currency})`, { inputMode: "numeric" })}
      </fieldset>
      <Field label="Features" hint="One per line" error={fe.features}>
        <Textarea name="features" rows={4} defaultValue={v("features")} />
      </Field>
      <Field label="Description" error={fe.description}>
        <Textarea name="description" rows={5} defaultValue={v("description")} />
      </Field>
      <SubmitButton pendingText="Saving…">{values?.id ? "Save changes" : "Add vehicle"}</SubmitButton>
    </Form>
  );
}
