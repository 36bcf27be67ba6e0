"use client";

import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDate, formatDateTime } from "@/lib/format";
import { checkCustomDomainAction, removeCustomDomainAction, saveCustomDomainAction, type DomainState } from "./domain-actions";

export type DomainCardProps = {
  allowed: boolean;
  plansWithDomain: string[];
  canEdit: boolean;
  domain: string | null;
  status: "none" | "pending" | "verified" | "failed";
  token: string | null;
  checkedAt: string | null;
  txtName: string | null;
  cnameTarget: string;
  aTargets: string[];
  /** The dealer's, for the date of the last check. */
  locale: string;
  timeZone: string;
};

const result = (s: DomainState) => (s ? { ok: s.ok, error: s.error } : null);

function DnsRecords({ domain, token, txtName, cnameTarget, aTargets }: { domain: string; token: string; txtName: string; cnameTarget: string; aTargets: string[] }) {
  const apex = domain.split(".").length === 2;
  return (
    <div className="space-y-2 text-sm">
      <p>At the company where you bought <strong>{domain}</strong> (its DNS settings), create these two records:</p>
      <table className="w-full text-left">
        <thead><tr className="text-slate-600"><th className="pr-3 font-medium">Type</th><th className="pr-3 font-medium">Name</th><th className="font-medium">Value</th></tr></thead>
        <tbody>
          <tr><td className="pr-3 align-top">TXT</td><td className="pr-3 align-top"><code className="break-all">{txtName}</code></td><td><code className="break-all">{token}</code></td></tr>
          <tr><td className="pr-3 align-top">CNAME</td><td className="pr-3 align-top"><code className="break-all">{domain}</code></td><td><code className="break-all">{cnameTarget}</code></td></tr>
        </tbody>
      </table>
      <p className="text-slate-600">The TXT record proves the domain is yours; the CNAME sends visitors to your Forecourt site at {cnameTarget}. Check now looks up both. Remove any other CNAME or A record on {domain} first. DNS changes can take a few hours to show.</p>
      {aTargets.length ? (
        <p className="text-slate-600">Instead of the CNAME you may create A records on {domain} pointing at {aTargets.map((ip, i) => <span key={ip}>{i ? ", " : ""}<code>{ip}</code></span>)}.</p>
      ) : null}
      {apex ? <p className="text-slate-600">Many providers allow no CNAME on a domain without www; use their ALIAS or ANAME record to {cnameTarget}{aTargets.length ? " or the A records above" : ""} instead, or enter www.{domain}.</p> : null}
    </div>
  );
}

export function CustomDomainCard(p: DomainCardProps) {
  const [saved, save] = useActionState<DomainState, FormData>(saveCustomDomainAction, null);
  const [checked, check] = useActionState<DomainState, FormData>(checkCustomDomainAction, null);
  const [removed, remove] = useActionState<DomainState, FormData>(removeCustomDomainAction, null);
  if (!p.allowed && !p.domain) {
    return <p className="text-sm text-slate-600">Your plan does not include your own domain. {p.plansWithDomain.join(" and ")} do — see <a className="underline" href="/settings/usage">Usage and plan</a>.</p>;
  }
  return (
    <div className="space-y-4">
      {p.domain ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <code>{p.domain}</code>
          {p.status === "verified"
            ? <Badge tone="success">verified{p.checkedAt ? ` ${formatDate(new Date(p.checkedAt), p.locale, p.timeZone)}` : ""}</Badge>
            : !p.allowed ? <Badge>off: not on your plan</Badge>
            : p.status === "failed" ? <Badge tone="danger">off: the DNS records changed{p.checkedAt ? ` · last right ${formatDate(new Date(p.checkedAt), p.locale, p.timeZone)}` : ""}</Badge>
            : <Badge tone="warning">waiting for DNS{p.checkedAt ? ` · last checked ${formatDateTime(new Date(p.checkedAt), p.locale, p.timeZone)}` : ""}</Badge>}
        </p>
      ) : null}
      {p.allowed && p.domain && p.token && p.txtName && p.status !== "verified" ? <DnsRecords domain={p.domain} token={p.token} txtName={p.txtName} cnameTarget={p.cnameTarget} aTargets={p.aTargets} /> : null}
      {!p.canEdit ? <p className="text-sm text-slate-600">Only owners and admins can change the domain.</p> : (
        <>
          {p.domain ? (
            <div className="flex flex-wrap gap-2">
              {p.allowed && p.status !== "verified" ? <Form action={check}><SubmitButton variant="secondary" pendingText="Checking…">Check now</SubmitButton></Form> : null}
              <Form action={remove}><SubmitButton variant="ghost" pendingText="Removing…">Remove domain</SubmitButton></Form>
            </div>
          ) : null}
          <FormMessage result={result(checked)} success={checked?.message} />
          <FormMessage result={result(removed)} success={removed?.message} />
          {p.allowed ? (
            <Form action={save} className="space-y-3" noValidate>
              <Field label={p.domain ? "Use another domain" : "Domain"} hint="Only the domain, e.g. www.autohuisvandijk.nl — no https:// and no path" error={saved?.fieldErrors?.domain}>
                <Input name="domain" defaultValue="" placeholder="www.autohuisvandijk.nl" autoCapitalize="none" spellCheck={false} />
              </Field>
              <FormMessage result={result(saved)} success={saved?.message} />
              <SubmitButton pendingText="Saving…">Save domain</SubmitButton>
            </Form>
          ) : <p className="text-sm text-slate-600">Your plan no longer includes your own domain. {p.plansWithDomain.join(" and ")} do.</p>}
        </>
      )}
    </div>
  );
}
