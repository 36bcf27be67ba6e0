import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { requireSession } from "@/lib/auth";
import { appointmentStatusLabels } from "@/lib/inbox/labels";
import { openTasksFor, type OpenTask } from "@/lib/inbox/tasks";
import { getTodayNumbers } from "@/lib/inbox/today";
import { AppointmentOutcomeForm, TaskDoneForm } from "./inbox/[conversationId]/lead-forms";
import { dateTimeFormat } from "@/lib/format/intl";

export const metadata: Metadata = { title: "Today" };

/** The morning glance: what came in today, who is waiting for an answer, which test drives are due. */
export default async function Home() {
  const session = await requireSession();
  const t = session.tenant;
  const viewer = { userId: session.user.id, role: session.role };
  const [today, open] = await Promise.all([getTodayNumbers(t.id, viewer, t.timeZone), openTasksFor(t.id, viewer)]);
  const time = (d: Date) => dateTimeFormat(t.locale, { timeZone: t.timeZone, hour: "2-digit", minute: "2-digit" }).format(d);
  const day = (d: Date) => dateTimeFormat(t.locale, { timeZone: t.timeZone, weekday: "short", day: "numeric", month: "short" }).format(d);
  return (
    <>
      <PageHeader title="Today" description={t.name} actions={<Link href="/inbox" className={buttonClass()}>Open the inbox</Link>} />
      <div className="grid grid-cols-3 gap-2 sm:gap-4">
        <Link href="/inbox?stage=new" className="rounded-xl focus-visible:ring-3 focus-visible:ring-focus/40"><Stat compact label="New leads today" value={today.newLeads} /></Link>
        <Link href="/inbox" className="rounded-xl focus-visible:ring-3 focus-visible:ring-focus/40"><Stat compact label="Waiting for a reply" value={today.unanswered} /></Link>
        <Stat compact label="Test drives today" value={today.testDrives.length} />
      </div>
      <Card title={open.total ? `For you (${open.total})` : "For you"} description="Hand-overs and hot leads the assistant flagged for you, tasks from follow-ups, and notices about your site." className="mt-6" padding={open.tasks.length ? "none" : "normal"}>
        {open.tasks.length === 0 ? <p className="text-sm text-ink-muted">Nothing waiting for you.</p> : (
          <ul className="divide-y divide-line text-sm">
            {open.tasks.map((task) => <TaskItem key={task.id} task={task} when={(d) => `${day(d)} ${time(d)}`} />)}
          </ul>
        )}
        {open.total > open.tasks.length ? <p className="px-4 py-3 text-ink-muted sm:px-5">And {open.total - open.tasks.length} older ones: mark these done to see them.</p> : null}
      </Card>
      <Card title="Test drives today" className="mt-6" padding={today.testDrives.length ? "none" : "normal"}>
        {today.testDrives.length === 0 ? <p className="text-sm text-ink-muted">No test drives booked for today.</p> : (
          <ul className="divide-y divide-line text-sm">
            {today.testDrives.map((d) => (
              <li key={d.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-3 sm:px-5">
                <time dateTime={d.startsAt.toISOString()} className="font-semibold text-ink tabular-nums">{time(d.startsAt)}</time>
                <Shopper name={d.contactName} conversationId={d.conversationId} />
                {d.vehicleCode ? <span className="text-ink-muted">{d.vehicleCode} {d.make} {d.model}</span> : d.kind === "visit" ? <span className="text-ink-muted">visit</span> : null}
                {d.showroom ? <span className="text-ink-muted">at {d.showroom}</span> : null}
                {d.status === "completed" || d.status === "no_show" ? <Badge tone={d.status === "completed" ? "success" : "neutral"}>{appointmentStatusLabels[d.status]}</Badge> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {today.awaitingOutcome.length ? (
        <Card title="Did they come?" description="Test drives and visits of the past week nobody has marked yet. A no-show starts its follow-up." className="mt-6" padding="none">
          <ul className="divide-y divide-line text-sm">
            {today.awaitingOutcome.map((d) => {
              const label = `${d.kind === "visit" ? "Visit" : "Test drive"}, ${day(d.startsAt)} ${time(d.startsAt)}`;
              return (
                <li key={d.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-3 sm:px-5">
                  <span className="font-semibold text-ink tabular-nums">{label}</span>
                  <Shopper name={d.contactName} conversationId={d.conversationId} />
                  {d.vehicleCode ? <span className="text-ink-muted">{d.vehicleCode} {d.make} {d.model}</span> : null}
                  <AppointmentOutcomeForm appointmentId={d.id} label={d.kind === "visit" ? "visit" : "test drive"} />
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

/** The shopper's name, opening their conversation when there is one. */
function Shopper({ name, conversationId }: { name: string | null; conversationId: string | null }) {
  const who = name ?? "Unknown shopper";
  if (!conversationId) return <span className="text-ink">{who}</span>;
  return <Link href={`/inbox/${conversationId}`} className="font-medium text-brand-ink underline-offset-2 hover:underline">{who}</Link>;
}

const taskBadges = { task: ["neutral", "Task"], system: ["danger", "Your site"], notify: ["warning", "Alert"] } as const;

/**
 * One open task: what it is, the shopper it is about (opening their conversation), the assistant's summary, and Done.
 * A notice about the dealer's own site (kind "system": its domain's records) links to the settings that fix it.
 */
function TaskItem({ task, when }: { task: OpenTask; when: (d: Date) => string }) {
  const shopper = task.contactName ?? (task.contactPhone ? `+${task.contactPhone}` : null);
  const system = task.kind === "system";
  const [tone, badge] = taskBadges[task.kind as keyof typeof taskBadges] ?? taskBadges.notify;
  return (
    <li className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4 sm:px-5">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-semibold text-ink">{task.title}</span>
          <Badge tone={tone}>{badge}</Badge>
          {task.forNobody && !system ? <Badge tone="neutral">No rep yet</Badge> : null}
        </p>
        <p className="text-ink-muted">
          <time dateTime={(task.dueAt ?? task.createdAt).toISOString()}>{when(task.dueAt ?? task.createdAt)}</time>
          {shopper ? <> · <Shopper name={shopper} conversationId={task.conversationId} /></> : null}
        </p>
        {task.body ? <p className="whitespace-pre-line break-words text-ink-muted">{task.body}</p> : null}
        {system ? <Link href="/settings" className="font-medium text-brand-ink underline-offset-2 hover:underline">Open settings</Link> : null}
      </div>
      <TaskDoneForm taskId={task.id} title={task.title} />
    </li>
  );
}
