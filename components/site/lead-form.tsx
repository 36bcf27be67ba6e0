"use client";

import { useRef, useState, type FormEvent } from "react";

export type LeadFormText = {
  title: string; name: string; phone: string; email: string; message: string; consent: string; send: string; sending: string;
  thanks: string; thanksText: string; tooMany: string; failed: string;
};
type Props = { tenantSlug: string; vehicleCode?: string; text: LeadFormText };
type FieldErrors = Partial<Record<"name" | "phone" | "email" | "message", string>>;

const input = "mt-1 block w-full rounded-md border border-line-strong bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";

/** Posts to the dealer's forms webhook (same contract as the embeddable form) and shows its field errors or a thank-you. */
export function LeadForm({ tenantSlug, vehicleCode, text }: Props) {
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  // One key per form: a double tap or a retried request makes one lead.
  const key = useRef<string | null>(null);
  const action = `/api/webhooks/forms/${encodeURIComponent(tenantSlug)}`;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    key.current ??= crypto.randomUUID();
    setState("sending");
    setProblem(null);
    const body = Object.fromEntries(new FormData(e.currentTarget).entries());
    try {
      const res = await fetch(action, { method: "POST", headers: { "content-type": "application/json", "idempotency-key": key.current }, body: JSON.stringify(body) });
      if (res.status === 201) return setState("sent");
      const data = (await res.json().catch(() => ({}))) as { fieldErrors?: FieldErrors };
      setErrors(res.status === 400 ? (data.fieldErrors ?? {}) : {});
      setProblem(res.status === 429 ? text.tooMany : res.status === 400 ? null : text.failed);
      if (res.status === 400) key.current = null;
    } catch {
      setProblem(text.failed);
    }
    setState("idle");
  }

  if (state === "sent") {
    return (
      <div role="status" className="rounded-lg border border-green-700 bg-green-50 p-4" data-testid="lead-form-thanks">
        <p className="font-semibold">{text.thanks}</p>
        <p className="text-sm">{text.thanksText}</p>
      </div>
    );
  }
  const err = (f: keyof FieldErrors) => (errors[f] ? <p id={`lf-${f}-error`} className="mt-1 text-sm text-red-700">{errors[f]}</p> : null);
  return (
    <form method="post" action={action} onSubmit={submit} noValidate className="space-y-3" data-testid="lead-form">
      <h2 className="text-lg font-semibold">{text.title}</h2>
      {vehicleCode ? <input type="hidden" name="vehicle" value={vehicleCode} /> : null}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label>Website<input type="text" name="website" tabIndex={-1} autoComplete="off" /></label>
      </div>
      <label className="block text-sm font-medium">{text.name}<input name="name" autoComplete="name" className={input} /></label>
      <label className="block text-sm font-medium">
        {text.phone}
        <input name="phone" type="tel" autoComplete="tel" inputMode="tel" className={input} aria-invalid={Boolean(errors.phone)} aria-describedby={errors.phone ? "lf-phone-error" : undefined} />
      </label>
      {err("phone")}
      <label className="block text-sm font-medium">
        {text.email}
        <input name="email" type="email" autoComplete="email" className={input} aria-invalid={Boolean(errors.email)} aria-describedby={errors.email ? "lf-email-error" : undefined} />
      </label>
      {err("email")}
      <label className="block text-sm font-medium">{text.message}<textarea name="message" rows={3} className={input} /></label>
      <label className="flex items-start gap-2 text-sm"><input type="checkbox" name="consent" value="on" className="mt-1" />{text.consent}</label>
      {problem ? <p role="alert" className="text-sm text-red-700">{problem}</p> : null}
      <button type="submit" disabled={state === "sending"} className="w-full rounded-md bg-brand px-4 py-3 font-semibold text-brand-contrast disabled:opacity-60">
        {state === "sending" ? text.sending : text.send}
      </button>
    </form>
  );
}
