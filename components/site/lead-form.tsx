"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";

export type LeadFormText = {
  title: string; name: string; phone: string; email: string; message: string; consent: string; send: string; sending: string;
  thanks: string; thanksText: string; tooMany: string; failed: string;
};
type Props = { tenantSlug: string; vehicleCode?: string; text: LeadFormText };
type Field = "name" | "phone" | "email" | "message";
type FieldErrors = Partial<Record<Field, string>>;

// In the order they stand on the form, so focus goes to the first one wrong.
const FIELDS: Field[] = ["name", "phone", "email", "message"];
// The webhook's limits (lib/leads/forms): longer text is refused there, so it cannot be typed here.
const MAX_LENGTH = { name: 120, message: 4000 };

const input = "mt-1 block w-full rounded-md border border-line-strong bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";

/** The errors of the fields this form has; the webhook may name others (the hidden vehicle code). */
function shownErrors(all: FieldErrors | undefined): FieldErrors {
  return Object.fromEntries(FIELDS.filter((f) => all?.[f]).map((f) => [f, all![f]]));
}

/** Posts to the dealer's forms webhook (same contract as the embeddable form) and shows its field errors or a thank-you. */
export function LeadForm({ tenantSlug, vehicleCode, text }: Props) {
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  // One key per form: a double tap or a retried request makes one lead.
  const key = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const action = `/api/webhooks/forms/${encodeURIComponent(tenantSlug)}`;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    key.current ??= crypto.randomUUID();
    setState("sending");
    setProblem(null);
    // A textarea submits its line breaks as CRLF; sent as LF, a message at its maxLength stays within the webhook's limit.
    const body = Object.fromEntries([...new FormData(e.currentTarget).entries()].map(([k, v]) => [k, typeof v === "string" ? v.replace(/\r\n/g, "\n") : v]));
    try {
      const res = await fetch(action, { method: "POST", headers: { "content-type": "application/json", "idempotency-key": key.current }, body: JSON.stringify(body) });
      if (res.status === 201) return setState("sent");
      const data = (await res.json().catch(() => ({}))) as { fieldErrors?: FieldErrors };
      const shown = res.status === 400 ? shownErrors(data.fieldErrors) : {};
      setErrors(shown);
      // A refusal that names no field on this form still needs a sentence, or pressing Send seems to do nothing.
      setProblem(res.status === 429 ? text.tooMany : Object.keys(shown).length ? null : text.failed);
      if (res.status === 400) key.current = null;
    } catch {
      setProblem(text.failed);
    }
    setState("idle");
  }

  // After each refusal: the first wrong field takes focus, so a screen reader reads it with its error.
  useEffect(() => {
    const first = FIELDS.find((f) => errors[f]);
    if (first) (form.current?.elements.namedItem(first) as HTMLElement | null)?.focus();
  }, [errors]);

  if (state === "sent") {
    return (
      <div role="status" className="rounded-lg border border-green-700 bg-green-50 p-4" data-testid="lead-form-thanks">
        <p className="font-semibold">{text.thanks}</p>
        <p className="text-sm">{text.thanksText}</p>
      </div>
    );
  }
  const err = (f: Field) => (errors[f] ? <p id={`lf-${f}-error`} className="mt-1 text-sm text-red-700">{errors[f]}</p> : null);
  const invalid = (f: Field) => ({ "aria-invalid": Boolean(errors[f]), "aria-describedby": errors[f] ? `lf-${f}-error` : undefined });
  return (
    <form ref={form} method="post" action={action} onSubmit={submit} noValidate className="space-y-3" data-testid="lead-form">
      <h2 className="text-lg font-semibold">{text.title}</h2>
      {vehicleCode ? <input type="hidden" name="vehicle" value={vehicleCode} /> : null}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label>Website<input type="text" name="website" tabIndex={-1} autoComplete="off" /></label>
      </div>
      <label className="block text-sm font-medium">
        {text.name}
        <input name="name" autoComplete="name" maxLength={MAX_LENGTH.name} className={input} {...invalid("name")} />
      </label>
      {err("name")}
      <label className="block text-sm font-medium">
        {text.phone}
        <input name="phone" type="tel" autoComplete="tel" inputMode="tel" className={input} {...invalid("phone")} />
      </label>
      {err("phone")}
      <label className="block text-sm font-medium">
        {text.email}
        <input name="email" type="email" autoComplete="email" className={input} {...invalid("email")} />
      </label>
      {err("email")}
      <label className="block text-sm font-medium">
        {text.message}
        <textarea name="message" rows={3} maxLength={MAX_LENGTH.message} className={input} {...invalid("message")} />
      </label>
      {err("message")}
      <label className="flex items-start gap-2 text-sm"><input type="checkbox" name="consent" value="on" className="mt-1" />{text.consent}</label>
      {problem ? <p role="alert" className="text-sm text-red-700">{problem}</p> : null}
      <button type="submit" disabled={state === "sending"} className="w-full rounded-md bg-brand px-4 py-3 font-semibold text-brand-contrast disabled:opacity-60">
        {state === "sending" ? text.sending : text.send}
      </button>
    </form>
  );
}
