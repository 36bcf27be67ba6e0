"use client";

import { startTransition, type ComponentProps, type FormEvent } from "react";

type Dispatch = (form: FormData) => void;

type FormProps = Omit<ComponentProps<"form">, "action" | "onSubmit"> & {
  /** The `useActionState` dispatcher that runs on submit. */
  action: Dispatch;
  /** Other dispatchers, chosen by the submit button's `data-intent` (e.g. a "Preview" next to "Save"). */
  intents?: Record<string, Dispatch>;
};

/**
 * A form bound to a server action that keeps what the person typed.
 *
 * React resets uncontrolled fields after a function `action` finishes, which wipes a form that came back
 * with field errors (or a preview). Here the submit is taken over: the action is dispatched in a transition
 * from `onSubmit`, so `useFormStatus` still reports pending but nothing is reset. Before hydration the plain
 * `action` still posts the form.
 */
export function Form({ action, intents, ...rest }: FormProps) {
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter);
    const run = (submitter?.dataset.intent && intents?.[submitter.dataset.intent]) || action;
    startTransition(() => run(data));
  }
  return <form {...rest} action={action} onSubmit={submit} />;
}
