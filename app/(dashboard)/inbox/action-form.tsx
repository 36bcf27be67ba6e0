"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "./actions";
import { Form } from "@/components/ui/form";

/** A form bound to a server action that shows its result; `resetOnSuccess` clears text inputs after a send. */
export function ActionForm({ action, children, success, resetOnSuccess = false, className, label }: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  children: ReactNode;
  success?: string;
  resetOnSuccess?: boolean;
  className?: string;
  label?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <Form ref={ref} action={formAction} aria-label={label} className={className}>
      {children}
      <FormMessage result={state} success={success} className="mt-2" />
    </Form>
  );
}
