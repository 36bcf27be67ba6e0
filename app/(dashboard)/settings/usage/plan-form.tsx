"use client";

import { useActionState } from "react";
import { Select } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePlanAction, type PlanState } from "./actions";
import { Form } from "@/components/ui/form";

export function PlanForm({ current, options }: { current: string; options: { id: string; label: string }[] }) {
  const [state, action] = useActionState<PlanState, FormData>(changePlanAction, null);
  return (
    <Form action={action} className="flex flex-wrap items-end gap-3">
      <Field label="Plan"><Select name="plan" defaultValue={current}>{options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}</Select></Field>
      <SubmitButton variant="secondary" pendingText="Changing…">Change plan</SubmitButton>
      <FormMessage result={state} success="Plan changed. The change is in the audit log." className="basis-full" />
    </Form>
  );
}
