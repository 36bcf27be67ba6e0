import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { requireSession } from "@/lib/auth";
import { listSequencesWithStats } from "@/lib/followups";
import { describeTrigger } from "@/lib/followups/describe";
import { listRecentFollowupEmails } from "@/lib/followups/email";
import { SubmitButton } from "@/components/ui/submit-button";
import { defaultSequences } from "@/lib/followups/defaults";
import { addRecommendedSequencesAction, toggleSequenceAction } from "./actions";

export const metadata: Metadata = { title: "Follow-ups" };

const repliedAfter = (by: Record<string, number>) =>
  Object.entries(by).sort(([a], [b]) => Number(a) - Number(b)).map(([n, c]) => `${c} after ${n === "0" ? "enrolling" : `message ${n}`}`).join(", ");

export default async function FollowupsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const session = await requireSession("manager");
  const deleted = (await searchParams).notice === "deleted";
  const [sequences, emails] = await Promise.all([listSequencesWithStats(session.tenant.id), listRecentFollowupEmails(session.tenant.id)]);
  return (
    <section>
      <PageHeader
        title="Follow-ups"
        description="Sequences that keep leads warm: they stop when the shopper replies, the lead is won or lost, someone takes over, or the shopper says STOP."
        actions={<Link href="/followups/new" className={buttonClass()}>New sequence</Link>}
      />
      {deleted ? <p role="status" className="mb-4 rounded-md border border-line bg-slate-50 p-3 text-sm">Sequence deleted.</p> : null}
      <Table
        caption={`${sequences.length} sequences`}
        rows={sequences}
        rowKey={(s) => s.id}
        empty={(
          <EmptyState
            title="No sequences yet"
            text={`Start with the ${defaultSequences.length} we recommend (${defaultSequences.map((d) => d.name.split(":")[0].toLowerCase()).join("; ")}) and change them as you like, or create your own with New sequence.`}
            action={<form action={addRecommendedSequencesAction}><SubmitButton pendingText="Adding…">Add the recommended sequences</SubmitButton></form>}
          />
        )}
        columns={[
          {
            key: "name", header: "Sequence", primary: true,
            cell: (s) => (
              <div>
                <Link href={`/followups/${s.id}`} className="font-medium hover:underline">{s.name}</Link>
                <p className="text-sm text-ink-muted">{describeTrigger(s.trigger)} · {s.steps.length === 1 ? "1 step" : `${s.steps.length} steps`}</p>
              </div>
            ),
          },
          { key: "status", header: "Status", cell: (s) => <Badge tone={s.enabled ? "success" : "neutral"} dot>{s.enabled ? "Running" : "Paused"}</Badge> },
          { key: "enrolled", header: "Enrolled", align: "end", cell: (s) => s.stats.enrolled },
          { key: "active", header: "Active", align: "end", cell: (s) => s.stats.active },
          { key: "completed", header: "Completed", align: "end", cell: (s) => s.stats.completed, hideOnPhone: true },
          { key: "cancelled", header: "Stopped", align: "end", cell: (s) => s.stats.cancelled, hideOnPhone: true },
          {
            key: "replied", header: "Replies", align: "end",
            cell: (s) => <span title={repliedAfter(s.stats.repliedAfterStep) || undefined}>{s.stats.replied}</span>,
          },
          {
            key: "toggle", header: <span className="sr-only">Pause or resume</span>, align: "end",
            cell: (s) => (
              <form action={toggleSequenceAction}>
                <input type="hidden" name="id" value={s.id} />
                <input type="hidden" name="enabled" value={String(!s.enabled)} />
                <button className={buttonClass({ variant: "secondary", size: "sm" })} aria-label={`${s.enabled ? "Pause" : "Resume"} ${s.name}`}>
                  {s.enabled ? "Pause" : "Resume"}
                </button>
              </form>
            ),
          },
        ]}
      />
      {emails.length ? (
        <Card title="Recent follow-up e-mails" description="Without an SMTP server (SMTP_URL) e-mails are kept here and not sent." padding="none" className="mt-6">
          <ul className="divide-y divide-line">
            {emails.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm sm:px-5">
                <span><span className="font-medium">{m.subject}</span> <span className="text-ink-muted">to {m.toAddress}</span></span>
                <Badge tone={m.status === "sent" ? "success" : m.status === "failed" ? "danger" : "warning"}>{m.status === "stored" ? "not sent" : m.status}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </section>
  );
}
