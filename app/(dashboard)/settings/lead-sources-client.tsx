"use client";

import { useActionState, type ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/controls";
import { Form } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  connectFacebookPageAction, disconnectFacebookPageAction, rotateChannelWebhookSecretAction, rotateInboundEmailTokenAction, type SettingsState,
} from "./actions";

const result = (s: SettingsState) => (s ? { ok: s.ok, error: s.error } : null);

function ShownOnce({ children }: { children: ReactNode }) {
  return <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">{children}</div>;
}

export function FacebookPageForm() {
  const [state, action] = useActionState<SettingsState, FormData>(connectFacebookPageAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <Form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field label="Page id" hint="Digits only: your Page → About → Page transparency" error={fe.pageId} required>
        <Input name="pageId" inputMode="numeric" autoComplete="off" />
      </Field>
      <Field label="Page name" hint="Only for you, to tell pages apart" error={fe.pageName}><Input name="pageName" /></Field>
      <Field label="Page access token" hint="A long-lived token with leads_retrieval; stored encrypted, never shown again" error={fe.accessToken} required className="sm:col-span-2">
        <Input name="accessToken" type="password" autoComplete="off" />
      </Field>
      <div className="space-y-3 sm:col-span-2">
        <FormMessage result={result(state)} success="Page connected. New Lead Ads submissions will arrive in the inbox." />
        <SubmitButton pendingText="Connecting…">Connect page</SubmitButton>
      </div>
    </Form>
  );
}

export function DisconnectPageForm({ channelId, pageLabel }: { channelId: string; pageLabel: string }) {
  const [state, action] = useActionState<SettingsState, FormData>(disconnectFacebookPageAction, null);
  return (
    <Form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="channelId" value={channelId} />
      <SubmitButton variant="danger" size="sm" pendingText="Disconnecting…" aria-label={`Disconnect ${pageLabel}`}>Disconnect</SubmitButton>
      <FormMessage result={state && !state.ok ? result(state) : null} />
    </Form>
  );
}

export function InboundEmailTokenForm({ url }: { url: string }) {
  const [state, action] = useActionState<SettingsState>(rotateInboundEmailTokenAction, null);
  return (
    <Form action={action} className="space-y-2">
      {state?.secret ? (
        <ShownOnce>
          <p>New token (shown once — the old one no longer works). Send it as <code>Authorization: Bearer …</code>:</p>
          <code className="mt-1 block select-all break-all font-mono">{state.secret}</code>
          <p className="mt-2">or, for relays that only take a URL:</p>
          <code className="mt-1 block select-all break-all font-mono">{`${url}?token=${state.secret}`}</code>
        </ShownOnce>
      ) : null}
      <FormMessage result={state && !state.ok ? result(state) : null} />
      <SubmitButton variant="secondary" pendingText="Generating…">Generate new token</SubmitButton>
    </Form>
  );
}

export function ChannelSecretForm({ channelId, provider, url }: { channelId: string; provider: "waha" | "fonnte"; url: string }) {
  const [state, action] = useActionState<SettingsState, FormData>(rotateChannelWebhookSecretAction, null);
  return (
    <Form action={action} className="space-y-2">
      <input type="hidden" name="channelId" value={channelId} />
      {state?.secret ? (
        <ShownOnce>
          {provider === "fonnte" ? (
            <>
              <p>New webhook URL for Fonnte (shown once — the old one no longer works):</p>
              <code className="mt-1 block select-all break-all font-mono">{`${url}?token=${state.secret}`}</code>
            </>
          ) : (
            <>
              <p>New HMAC key for this WAHA session (shown once — the old one no longer works):</p>
              <code className="mt-1 block select-all break-all font-mono">{state.secret}</code>
            </>
          )}
        </ShownOnce>
      ) : null}
      <FormMessage result={state && !state.ok ? result(state) : null} />
      <SubmitButton variant="secondary" size="sm" pendingText="Generating…">
        {provider === "fonnte" ? "Generate webhook URL with new token" : "Generate new HMAC key"}
      </SubmitButton>
    </Form>
  );
}
