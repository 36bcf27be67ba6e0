"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { connectChannelAction, inviteAction, removeChannelAction, rotateFeedSecretAction, saveProfileAction, type SettingsState } from "./actions";
import { Form } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { OpeningHoursFields } from "@/components/opening-hours-fields";
import { ClosedDaysFields } from "@/components/closed-days-fields";
import type { ExceptionRow } from "@/lib/scheduling/exceptions-form";
import { dealerCurrencies, dealerLocales } from "@/lib/settings/profile-options";

const result = (s: SettingsState) => (s ? { ok: s.ok, error: s.error } : null);


/**
 * `timeZones`: the IANA names the server knows, so the list and the check of a saved one agree. `closedDays`: the
 * upcoming exceptions, `today` the dealer's date and `maxClosedDays` the most the server accepts.
 */
export function ProfileForm({ values, timeZones, closedDays, today, maxClosedDays }: {
  values: Record<string, string>; timeZones: string[]; closedDays: ExceptionRow[]; today: string; maxClosedDays: number;
}) {
  const [state, action] = useActionState<SettingsState, FormData>(saveProfileAction, null);
  const fe = state?.fieldErrors ?? {};
  const input = (name: string, label: string) => <Field label={label} error={fe[name]}><Input name={name} defaultValue={values[name] ?? ""} /></Field>;
  return (
    <Form action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        {input("name", "Dealership name")}
        {input("phone", "Phone")}
        {input("street", "Street")}
        {input("city", "City")}
        {input("postalCode", "Postal code")}
        <Field label="Time zone" hint="Opening hours, test-drive times and quiet hours follow it" error={fe.timeZone}>
          <Select name="timeZone" defaultValue={values.timeZone}>{timeZones.map((z) => <option key={z} value={z}>{z.replaceAll("_", " ")}</option>)}</Select>
        </Field>
        <Field label="Language" hint="Of your public site, and the assistant's first guess" error={fe.locale}>
          <Select name="locale" defaultValue={values.locale}>{Object.entries(dealerLocales).map(([code, name]) => <option key={code} value={code}>{name}</option>)}</Select>
        </Field>
        <Field label="Currency" error={fe.currency}><Select name="currency" defaultValue={values.currency}>{dealerCurrencies.map((c) => <option key={c}>{c}</option>)}</Select></Field>
        <Field label="Brand colour" hint="Used on your public site" error={fe.primaryColor}><Input name="primaryColor" type="color" defaultValue={values.primaryColor} className="h-10 w-24 p-1" /></Field>
      </div>
      <OpeningHoursFields legend="Opening hours (leave both empty when closed)" values={values} errors={fe} />
      <ClosedDaysFields initial={closedDays} errors={fe} today={today} max={maxClosedDays} />
      <FormMessage result={result(state)} success="Profile saved." />
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </Form>
  );
}

export function ChannelForm() {
  const [state, action] = useActionState<SettingsState, FormData>(connectChannelAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <Form action={action} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field label="Provider" error={fe.provider}><Select name="provider" defaultValue="whatsapp_cloud"><option value="whatsapp_cloud">WhatsApp Cloud API</option><option value="waha">WAHA</option><option value="fonnte">Fonnte</option></Select></Field>
      <Field label="Phone number id / session / device" error={fe.externalId}><Input name="externalId" /></Field>
      <Field label="Display phone number" error={fe.displayPhone}><Input name="displayPhone" inputMode="tel" /></Field>
      <Field label="Access token / API key" hint="Stored encrypted; never shown again" error={fe.accessToken}><Input name="accessToken" type="password" autoComplete="off" /></Field>
      <Field label="Base URL (WAHA, Fonnte)" error={fe.baseUrl}><Input name="baseUrl" type="url" /></Field>
      <div className="sm:col-span-2 space-y-3">
        <FormMessage result={result(state)} success="Channel saved." />
        <SubmitButton pendingText="Saving…">Connect channel</SubmitButton>
      </div>
    </Form>
  );
}

/** Removing a channel asks first: the number stops being answered, and its conversations can no longer be replied to. */
export function RemoveChannel({ channelId, label }: { channelId: string; label: string }) {
  const [state, action] = useActionState<SettingsState, FormData>(removeChannelAction, null);
  return (
    <Dialog
      title={`Remove ${label}?`}
      description="The assistant stops answering on this number at once and messages sent to it no longer arrive. Its conversations stay in the inbox, but replies there are kept, not sent. Its message templates are removed. You can connect the number again later."
      trigger={<Button variant="secondary" size="sm" aria-label={`Remove ${label}`}>Remove…</Button>}
      size="sm"
    >
      <Form action={action} className="space-y-3">
        <input type="hidden" name="channelId" value={channelId} />
        <FormMessage result={state && !state.ok ? result(state) : null} />
        <div className="flex justify-end gap-2">
          <DialogClose asChild><Button variant="secondary" size="sm">Cancel</Button></DialogClose>
          <SubmitButton variant="danger" size="sm" pendingText="Removing…">Remove channel</SubmitButton>
        </div>
      </Form>
    </Dialog>
  );
}

export function FeedSecretForm() {
  const [state, action] = useActionState<SettingsState>(rotateFeedSecretAction, null);
  return (
    <Form action={action} className="space-y-2">
      {state?.secret ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          New secret (shown once — copy it into your dealer system now): <code className="break-all font-mono">{state.secret}</code>
        </p>
      ) : null}
      <FormMessage result={state && !state.ok ? result(state) : null} />
      <SubmitButton variant="secondary" pendingText="Generating…">Generate a new feed secret</SubmitButton>
    </Form>
  );
}

/** `canAddAdmins`: owners and admins; a manager adds sales reps and managers. */
export function InviteForm({ canAddAdmins }: { canAddAdmins: boolean }) {
  const [state, action] = useActionState<SettingsState, FormData>(inviteAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <Form action={action} className="grid gap-3 sm:grid-cols-4 sm:items-end" noValidate>
      <Field label="Name" error={fe.name}><Input name="name" /></Field>
      <Field label="E-mail" error={fe.email}><Input name="email" type="email" /></Field>
      <Field label="Role" error={fe.role}><Select name="role" defaultValue="sales"><option value="sales">Sales rep</option><option value="manager">Manager</option>{canAddAdmins ? <option value="admin">Admin</option> : null}</Select></Field>
      <SubmitButton pendingText="Adding…">Add to team</SubmitButton>
      <div className="sm:col-span-4">
        {state?.ok && state.password ? <p role="status" className="text-sm">Added. One-time password to pass on: <code className="font-mono">{state.password}</code></p> : <FormMessage result={result(state)} success="Added to the team." />}
      </div>
    </Form>
  );
}
