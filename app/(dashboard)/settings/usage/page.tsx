import type { Metadata } from "next";
import { BarChart } from "@/components/charts/bar-chart";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireSession } from "@/lib/auth";
import { formatMonth, formatNumber } from "@/lib/format";
import { assistantReplyHistory, getPlanUsage, modelTokensLine, plans, type QuotaStatus } from "@/lib/plans";
import { getCustomDomain } from "@/lib/settings";
import { PlanForm } from "./plan-form";

export const metadata: Metadata = { title: "Usage and plan" };

const tone = { ok: "success", warning: "warning", reached: "danger" } as const;
const barColor = { ok: "bg-emerald-600", warning: "bg-amber-500", reached: "bg-red-600" } as const;
// A usage month's key ("2026-12") as its first day.
const monthStart = (key: string) => new Date(`${key}-01T00:00:00Z`);

function Meter({ label, status, locale }: { label: string; status: QuotaStatus; locale: string }) {
  const pct = Math.min(100, Math.round(status.ratio * 100));
  return (
    <li className="space-y-1">
      <div className="flex items-center justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums">{formatNumber(status.used, locale)} / {formatNumber(status.limit, locale)} <Badge tone={tone[status.level]}>{status.level === "ok" ? `${pct} %` : status.level === "warning" ? `${pct} % — nearly full` : "limit reached"}</Badge></span>
      </div>
      <div className="h-2 rounded-full bg-slate-100" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={status.limit} aria-valuenow={status.used}>
        <div className={`h-2 rounded-full ${barColor[status.level]}`} style={{ width: `${pct}%` }} />
      </div>
    </li>
  );
}

export default async function UsagePage() {
  const session = await requireSession("manager");
  const { id: tenantId, locale } = session.tenant;
  const [usage, history, domain] = await Promise.all([getPlanUsage(tenantId), assistantReplyHistory(tenantId, 6), getCustomDomain(tenantId)]);
  const plan = plans[usage.plan as keyof typeof plans];
  const tokensLine = modelTokensLine(usage.modelTokens, locale);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Usage and plan</h1>
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{plan?.name ?? usage.plan} plan · {formatMonth(monthStart(usage.month), locale)}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          At 100 % of the assistant replies, new WhatsApp conversations go to your team with a note saying why. Custom domain: {usage.limits.customDomain ? "included" : "not included"}.
        </p>
        <ul className="space-y-4">
          <Meter label="Assistant replies this month" status={usage.assistantReplies} locale={locale} />
          <Meter label="Vehicles in stock (sold cars do not count)" status={usage.vehicles} locale={locale} />
          <Meter label="Team seats" status={usage.seats} locale={locale} />
          <Meter label="Channels" status={usage.channels} locale={locale} />
        </ul>
        {tokensLine ? <p className="mt-4 text-sm text-slate-600" data-testid="model-tokens">{tokensLine}</p> : null}
      </section>
      <Card title="Assistant replies per month" description="The last six months">
        {history.some((h) => h.value > 0) ? (
          <BarChart title="Assistant replies per month" description="The last six months" data={history.map((h) => ({ label: formatMonth(monthStart(h.month), locale, "short"), value: h.value }))} valueLabel="Replies" integers locale={locale} className="max-w-2xl" />
        ) : (
          <p className="text-sm text-ink-muted">No assistant replies in the last six months yet.</p>
        )}
      </Card>
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">Plans</h2>
        <ul className="mb-4 grid gap-3 text-sm sm:grid-cols-3">
          {Object.values(plans).map((p) => (
            <li key={p.id} className={`rounded-lg border p-3 ${p.id === usage.plan ? "border-slate-900" : "border-slate-200"}`}>
              <p className="font-semibold">{p.name}{p.id === usage.plan ? " (current)" : ""}</p>
              <p>{formatNumber(p.limits.assistantRepliesPerMonth, locale)} assistant replies / month</p>
              <p>{formatNumber(p.limits.vehicles, locale)} vehicles · {p.limits.seats} seats · {p.limits.channels} channels</p>
              <p>{p.limits.customDomain ? "Custom domain" : "No custom domain"}</p>
            </li>
          ))}
        </ul>
        {domain.status === "verified" ? (
          <p className="mb-3 text-sm text-slate-600">
            Your site is live on {domain.domain}. On a plan without a custom domain it moves back to your Forecourt address at once; after
            an upgrade, check the domain again in Settings to bring it back.
          </p>
        ) : null}
        {session.role === "owner"
          ? <PlanForm current={usage.plan} options={Object.values(plans).map((p) => ({ id: p.id, label: p.name }))} />
          : <p className="text-sm text-slate-600">Only the owner can change the plan.</p>}
      </section>
    </div>
  );
}
