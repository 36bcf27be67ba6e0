"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";
import { Form } from "@/components/ui/form";

/** `next`: the page to go to once signed in (checked again by the action). */
export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <Form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {state?.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">E-mail</label>
        <input id="email" name="email" type="email" autoComplete="username" defaultValue={state?.email} required
          aria-invalid={Boolean(fe.email)} aria-describedby={fe.email ? "email-error" : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-slate-500 focus:outline-none focus:ring-2 focus:ring-slate-300" />
        {fe.email ? <p id="email-error" className="text-sm text-red-700">{fe.email}</p> : null}
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          aria-invalid={Boolean(fe.password)} aria-describedby={fe.password ? "password-error" : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-slate-500 focus:outline-none focus:ring-2 focus:ring-slate-300" />
        {fe.password ? <p id="password-error" className="text-sm text-red-700">{fe.password}</p> : null}
      </div>
      <button type="submit" disabled={pending}
        className="w-full rounded-md bg-slate-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </Form>
  );
}
