import type { Metadata } from "next";
import { z } from "zod";
import { BarChart } from "@/components/charts/bar-chart";
import { Donut } from "@/components/charts/donut";
import { Funnel } from "@/components/charts/funnel";
import { Histogram } from "@/components/charts/histogram";
import { LineChart } from "@/components/charts/line-chart";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/controls";
import { Stat } from "@/components/ui/stat";
import { Table } from "@/components/ui/table";
import { branchRule, getAnalytics } from "@/lib/analytics";
import { requireSession } from "@/lib/auth";
import { formatNumber, formatPercent, formatPrice } from "@/lib/format";
import { addDaysIso } from "@/lib/assistant/dates";
import { atLocal, zonedParts } from "@/lib/scheduling/zoned";
import { appointmentStatusLabels, sourceLabels, stageLabels } from "@/lib/inbox/labels";
import type { LeadStage } from "@/db/schema";

export const metadata: Metadata = { title: "Analytics" };

// A calendar date that exists: "2026-02-31" does not round-trip, so it is ignored like a missing one.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => {
  const at = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(d);
});
const buckets = ["< 1 min", "1–5 min", "5–15 min", "15–60 min", "1–4 h", "> 4 h"];

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await requireSession("manager");
  const t = session.tenant;
  const q = await searchParams;
  // The range is in the dealer's calendar: its days run from local midnight to local midnight.
  const today = zonedParts(new Date(), t.timeZone).date;
  const picked = [day.safeParse(q.from).success ? q.from! : addDaysIso(today, -30), day.safeParse(q.to).success ? q.to! : today];
  // Dates picked the other way round mean the days between them (ISO dates sort as text).
  const [fromDay, toDay] = picked[0] <= picked[1] ? picked : [picked[1], picked[0]];
  const from = atLocal(fromDay, "00:00", t.timeZone);
  const to = atLocal(addDaysIso(toDay, 1), "00:00", t.timeZone);
  const a = await getAnalytics(t.id, t.timeZone, { from, to }, q.branch ?? "all");
  const money = (v: number) => formatPrice(v, t.currency, t.locale);
  const count = (n: number) => formatNumber(n, t.locale);
  // A wait in minutes, from an hour on in hours and minutes ("3 h 05 min"), its figures in the dealer's locale.
  const waited = (seconds: number) => {
    const minutes = Math.round(seconds / 60);
    return minutes < 60 ? `${count(minutes)} min` : `${count(Math.floor(minutes / 60))} h ${String(minutes % 60).padStart(2, "0")} min`;
  };
  // Every day of the range, a day without leads at 0 (the per-source split is the donut's).
  const perDay = new Map<string, number>();
  for (const r of a.leadsByDay) perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.n);
  const leadsPerDay = daysBetween(fromDay, toDay).map((date) => ({ date, series: { leads: perDay.get(date) ?? 0 } }));
  const total = a.leadsBySource.reduce((s, x) => s + x.value, 0);
  const respond = (who: string) => buckets.map((b) => ({ label: b, value: a.responseTimes.find((r) => r.who === who && r.bucket === b)?.n ?? 0 }));
  const firstResponses = { assistant: respond("assistant"), staff: respond("staff") };
  const resolution = a.assistant.answered ? a.assistant.resolved / a.assistant.answered : 0;
  const branchParam = a.branch === "all" ? "" : `&branch=${encodeURIComponent(a.branch)}`;
  // As tall as the Apply button beside it: a finger hits the right range on a phone.
  const presetLink = "inline-flex min-h-10 items-center px-1 text-sm underline";
  const preset = (daysBack: number) => `/analytics?from=${addDaysIso(today, -daysBack)}&to=${today}${branchParam}`;
  const showroomName = a.showrooms.find((s) => s.key === a.branch)?.name;
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{showroomName ? `Analytics · ${showroomName}` : "Analytics"}</h1>
          {a.showrooms.length > 1 ? <p className="mt-1 max-w-xl text-sm text-ink-muted">{branchRule}</p> : null}
        </div>
        <form className="flex flex-wrap items-end gap-2" aria-label="Date range and showroom">
          <label className="text-sm">From <Input type="date" name="from" defaultValue={fromDay} className="mt-1" /></label>
          <label className="text-sm">To <Input type="date" name="to" defaultValue={toDay} className="mt-1" /></label>
          {a.showrooms.length > 1 ? (
            <label className="text-sm">Showroom
              <Select name="branch" defaultValue={a.branch} className="mt-1">
                <option value="all">All showrooms</option>
                {a.showrooms.map((s) => <option key={s.key} value={s.key}>{s.name}</option>)}
              </Select>
            </label>
          ) : null}
          <button className={buttonClass({ variant: "secondary" })}>Apply</button>
          <a className={presetLink} href={preset(7)}>7 days</a>
          <a className={presetLink} href={preset(30)}>30 days</a>
          <a className={presetLink} href={preset(90)}>90 days</a>
        </form>
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat compact label="New leads" value={formatNumber(total, t.locale)} />
        <Stat compact label="Test drives & visits booked" value={formatNumber(a.bookings.standing, t.locale)}
          note={a.bookings.cancelled ? `Not counting ${formatNumber(a.bookings.cancelled, t.locale)} cancelled` : null} />
        {/* The amount stays on one line on a phone: "€" alone at a line's end reads as a broken figure. */}
        <Stat compact label="Won deals" value={`${formatNumber(a.wonDeals, t.locale)} · ${money(a.revenue).replace(/ /g, "\u00a0")}`} />
        <Stat compact label="Assistant resolution" value={formatPercent(resolution, t.locale)} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Leads by day">
          <LineChart title="New leads per day" data={leadsPerDay} seriesLabels={{ leads: "Leads" }} locale={t.locale} integers />
        </Card>
        <Card title="Leads by source">
          <Donut title="Share of leads by source" data={a.leadsBySource.map((d) => ({ ...d, label: sourceLabels[d.label] ?? d.label }))} totalLabel="leads" locale={t.locale} />
        </Card>
        <Card title="Conversion funnel" description={`Leads that came in during the period, by how far they got so far, a lost one by how far it got before; ${a.lost} of them lost.`}>
          <Funnel title="Leads reaching each stage" data={a.funnel.map((d) => ({ ...d, label: stageLabels[d.label as LeadStage] ?? d.label }))} locale={t.locale} />
        </Card>
        <Card title="Test drives and visits" description="Booked during the period, by where they stand now.">
          <BarChart title="Test drives and visits by status" data={a.testDrives.map((d) => ({ ...d, label: appointmentStatusLabels[d.label] ?? d.label }))} integers locale={t.locale} />
        </Card>
        <Card title="First response time" description="How long a new lead waited for the first answer." className="lg:col-span-2">
          <div className="grid gap-6 sm:grid-cols-2">
            {(["assistant", "staff"] as const).map((who) => (
              <div key={who}>
                <h3 className="mb-2 text-sm font-medium text-ink">{who === "assistant" ? "Assistant" : "Staff"}</h3>
                {firstResponses[who].some((b) => b.value > 0) ? (
                  <Histogram title={`First response time, ${who}`} data={firstResponses[who]} locale={t.locale} />
                ) : (
                  <p className="text-sm text-ink-muted">{who === "assistant" ? "The assistant answered no new lead first" : "Staff answered no new lead first"} in this period.</p>
                )}
              </div>
            ))}
          </div>
        </Card>
        <Card title="Sales reps" description="Leads that came in during the period; won deals and revenue closed in it, whenever the lead came in." className="lg:col-span-2">
          <Table
            caption="Performance per sales rep"
            rows={a.reps}
            rowKey={(r) => r.userId ?? "unassigned"}
            columns={[
              { key: "name", header: "Rep", primary: true, cell: (r) => r.name ?? "Not assigned" },
              { key: "leads", header: "Leads", align: "end", cell: (r) => count(r.leads) },
              { key: "won", header: "Won", align: "end", cell: (r) => count(r.won) },
              { key: "revenue", header: "Revenue", align: "end", cell: (r) => money(r.revenue) },
              { key: "resp", header: "Median first response", align: "end", cell: (r) => (r.medianResponseSeconds === null ? "—" : waited(r.medianResponseSeconds)) },
            ]}
          />
        </Card>
        {a.showrooms.length > 1 ? (
          <Card title="By showroom" description="Every showroom in this period, whichever one is selected above." className="lg:col-span-2">
            <div className="grid items-center gap-6 lg:grid-cols-2">
              <BarChart title="Leads per showroom" data={a.byBranch.map((b) => ({ label: b.name, value: b.leads }))} integers locale={t.locale} />
              <Table
                caption="Leads, test drives and visits, won deals and revenue per showroom"
                rows={a.byBranch}
                rowKey={(b) => b.key}
                columns={[
                  { key: "name", header: "Showroom", primary: true, cell: (b) => b.name },
                  { key: "leads", header: "Leads", align: "end", cell: (b) => count(b.leads) },
                  { key: "drives", header: "Test drives & visits booked", align: "end", cell: (b) => count(b.testDrives) },
                  { key: "won", header: "Won", align: "end", cell: (b) => count(b.won) },
                  { key: "revenue", header: "Revenue", align: "end", cell: (b) => money(b.revenue) },
                ]}
              />
            </div>
          </Card>
        ) : null}
      </div>
    </section>
  );
}

/** Each calendar day from `first` to `last` (YYYY-MM-DD, inclusive); at most a year of them. */
function daysBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last && out.length < 366; d = addDaysIso(d, 1)) out.push(d);
  return out;
}
