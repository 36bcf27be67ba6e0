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
import { formatPrice } from "@/lib/format";

export const metadata: Metadata = { title: "Analytics" };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const buckets = ["< 1 min", "1–5 min", "5–15 min", "15–60 min", "1–4 h", "> 4 h"];

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await requireSession("manager");
  const t = session.tenant;
  const q = await searchParams;
  const today = new Date();
  const to = day.safeParse(q.to).success ? new Date(`${q.to}T23:59:59Z`) : today;
  const from = day.safeParse(q.from).success ? new Date(`${q.from}T00:00:00Z`) : new Date(today.getTime() - 30 * 86_400_000);
  const a = await getAnalytics(t.id, t.timeZone, { from, to }, q.branch ?? "all");
  const money = (v: number) => formatPrice(v, t.currency, t.locale);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const days = new Map<string, Record<string, number>>();
  for (const r of a.leadsByDay) days.set(r.day, { ...(days.get(r.day) ?? {}), [r.source]: r.n });
  const total = a.leadsBySource.reduce((s, x) => s + x.value, 0);
  const respond = (who: string) => buckets.map((b) => ({ label: b, value: a.responseTimes.find((r) => r.who === who && r.bucket === b)?.n ?? 0 }));
  const resolution = a.assistant.answered ? Math.round((a.assistant.resolved / a.assistant.answered) * 100) : 0;
  const branchParam = a.branch === "all" ? "" : `&branch=${encodeURIComponent(a.branch)}`;
  const preset = (daysBack: number) => `/analytics?from=${iso(new Date(today.getTime() - daysBack * 86_400_000))}&to=${iso(today)}${branchParam}`;
  const showroomName = a.showrooms.find((s) => s.key === a.branch)?.name;
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{showroomName ? `Analytics · ${showroomName}` : "Analytics"}</h1>
          {a.showrooms.length > 1 ? <p className="mt-1 max-w-xl text-sm text-ink-muted">{branchRule}</p> : null}
        </div>
        <form className="flex flex-wrap items-end gap-2" aria-label="Date range and showroom">
          <label className="text-sm">From <Input type="date" name="from" defaultValue={iso(from)} className="mt-1" /></label>
          <label className="text-sm">To <Input type="date" name="to" defaultValue={iso(to)} className="mt-1" /></label>
          {a.showrooms.length > 1 ? (
            <label className="text-sm">Showroom
              <Select name="branch" defaultValue={a.branch} className="mt-1">
                <option value="all">All showrooms</option>
                {a.showrooms.map((s) => <option key={s.key} value={s.key}>{s.name}</option>)}
              </Select>
            </label>
          ) : null}
          <button className={buttonClass({ variant: "secondary" })}>Apply</button>
          <a className="text-sm underline" href={preset(7)}>7 days</a>
          <a className="text-sm underline" href={preset(30)}>30 days</a>
          <a className="text-sm underline" href={preset(90)}>90 days</a>
        </form>
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="New leads" value={String(total)} />
        <Stat label="Test drives booked" value={String(a.testDrives.reduce((s, x) => s + x.value, 0))} />
        <Stat label="Won deals" value={`${a.wonDeals} · ${money(a.revenue)}`} />
        <Stat label="Assistant resolution" value={`${resolution}%`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Leads by day">
          <LineChart title="Leads per day by source" data={[...days.entries()].map(([date, series]) => ({ date, series }))} />
        </Card>
        <Card title="Leads by source">
          <Donut title="Share of leads by source" data={a.leadsBySource} totalLabel="leads" />
        </Card>
        <Card title="Conversion funnel" description={`${a.lost} lost in this period`}>
          <Funnel title="Leads reaching each stage" data={a.funnel} />
        </Card>
        <Card title="First response time">
          <div className="grid gap-4 sm:grid-cols-2">
            <Histogram title="Assistant" data={respond("assistant")} />
            <Histogram title="Staff" data={respond("staff")} />
          </div>
        </Card>
        <Card title="Test drives">
          <BarChart title="Test drives by status" data={a.testDrives} />
        </Card>
        <Card title="Sales reps">
          <Table
            caption="Performance per sales rep"
            rows={a.reps}
            rowKey={(r) => r.name}
            columns={[
              { key: "name", header: "Rep", primary: true, cell: (r) => r.name },
              { key: "leads", header: "Leads", align: "end", cell: (r) => r.leads },
              { key: "won", header: "Won", align: "end", cell: (r) => r.won },
              { key: "revenue", header: "Revenue", align: "end", cell: (r) => money(r.revenue) },
              { key: "resp", header: "Median first response", align: "end", cell: (r) => (r.medianResponseSeconds === null ? "—" : `${Math.round(r.medianResponseSeconds / 60)} min`) },
            ]}
          />
        </Card>
        {a.showrooms.length > 1 ? (
          <Card title="By showroom" description="Every showroom in this period, whichever one is selected above.">
            <BarChart title="Leads per showroom" data={a.byBranch.map((b) => ({ label: b.name, value: b.leads }))} />
            <Table
              caption="Leads, test drives, won deals and revenue per showroom"
              rows={a.byBranch}
              rowKey={(b) => b.key}
              columns={[
                { key: "name", header: "Showroom", primary: true, cell: (b) => b.name },
                { key: "leads", header: "Leads", align: "end", cell: (b) => b.leads },
                { key: "drives", header: "Test drives", align: "end", cell: (b) => b.testDrives },
                { key: "won", header: "Won", align: "end", cell: (b) => b.won },
                { key: "revenue", header: "Revenue", align: "end", cell: (b) => money(b.revenue) },
              ]}
            />
          </Card>
        ) : null}
      </div>
    </section>
  );
}
