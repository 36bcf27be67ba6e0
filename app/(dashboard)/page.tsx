import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { requireSession } from "@/lib/auth";
import { getTodayNumbers } from "@/lib/inbox/today";

export const metadata: Metadata = { title: "Today" };

/** The morning glance: what came in today, who is waiting for an answer, which test drives are due. */
export default async function Home() {
  const session = await requireSession();
  const t = session.tenant;
  const today = await getTodayNumbers(t.id, { userId: session.user.id, role: session.role }, t.timeZone);
  const time = (d: Date) => new Intl.DateTimeFormat(t.locale, { timeZone: t.timeZone, hour: "2-digit", minute: "2-digit" }).format(d);
  const day = (d: Date) => new Intl.DateTimeFormat(t.locale, { timeZone: t.timeZone, weekday: "short", day: "numeric", month: "short" }).format(d);
  return (
    <>
      <PageHeader title="Today" description={t.name} actions={<Link href="/inbox" className={buttonClass()}>Open the inbox</Link>} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Link href="/inbox?stage=new" className="rounded-xl focus-visible:ring-3 focus-visible:ring-focus/40"><Stat label="New leads today" value={today.newLeads} /></Link>
        <Link href="/inbox" className="rounded-xl focus-visible:ring-3 focus-visible:ring-focus/40"><Stat label="Waiting for a reply" value={today.unanswered} /></Link>
        <Stat label="Test drives today" value={today.testDrives.length} />
      </div>
      <Card title="Test drives today" className="mt-6" padding={today.testDrives.length ? "none" : "normal"}>
        {today.testDrives.length === 0 ? <p className="text-sm text-ink-muted">No test drives booked for today.</p> : (
          <ul className="divide-y divide-line text-sm">
            {today.testDrives.map((d) => (
              <li key={d.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-3 sm:px-5">
                <time dateTime={d.startsAt.toISOString()} className="font-semibold text-ink tabular-nums">{time(d.startsAt)}</time>
                <span className="text-ink">{d.contactName ?? "Unknown shopper"}</span>
                {d.vehicleCode ? <span className="text-ink-muted">{d.vehicleCode} {d.make} {d.model}</span> : d.kind === "visit" ? <span className="text-ink-muted">visit</span> : null}
                {d.showroom ? <span className="text-ink-muted">at {d.showroom}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {today.awaitingOutcome.length ? (
        <Card title="Did they come?" description="Test drives and visits of the past week nobody has marked yet. Marking a no-show starts its follow-up." className="mt-6" padding="none">
          <ul className="divide-y divide-line text-sm">
            {today.awaitingOutcome.map((d) => {
              const label = `${d.kind === "visit" ? "Visit" : "Test drive"}, ${day(d.startsAt)} ${time(d.startsAt)}`;
              const who = d.contactName ?? "Unknown shopper";
              return (
                <li key={d.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-3 sm:px-5">
                  <span className="font-semibold text-ink tabular-nums">{label}</span>
                  {d.conversationId ? <Link href={`/inbox/${d.conversationId}`} className="font-medium text-brand-ink underline-offset-2 hover:underline">{who}</Link> : <span className="text-ink">{who}</span>}
                  {d.vehicleCode ? <span className="text-ink-muted">{d.vehicleCode} {d.make} {d.model}</span> : null}
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
