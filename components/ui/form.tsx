"use client";

import { useEffect, useRef, useTransition, type ComponentProps, type FormEvent } from "react";

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
 *
 * When the answer comes back with a mistake, the focus goes to the first field marked invalid (or the error is
 * scrolled into view): on a long form it is often a screen away from the button that was pressed.
 */
export function Form({ action, intents, ref, ...rest }: FormProps) {
  const [pending, startTransition] = useTransition();
  const own = useRef<HTMLFormElement | null>(null);
  const submitted = useRef(false);
  useEffect(() => {
    if (pending || !submitted.current) return;
    submitted.current = false;
    const form = own.current;
    const invalid = form?.querySelector<HTMLElement>("[aria-invalid='true']");
    if (invalid) invalid.focus();
    else form?.querySelector("[role='alert']")?.scrollIntoView({ block: "nearest" });
  }, [pending]);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter);
    const run = (submitter?.dataset.intent && intents?.[submitter.dataset.intent]) || action;
    submitted.current = true;
    startTransition(() => run(data));
  }
  const setRef = (node: HTMLFormElement | null) => {
    own.current = node;
    if (typeof ref === "function") ref(node);
    else if (ref) ref.current = node;
  };
  return <form {...rest} ref={setRef} action={action} onSubmit={submit} />;
}
