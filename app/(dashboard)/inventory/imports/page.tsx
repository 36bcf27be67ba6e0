import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table } from "@/components/ui/table";
import { hasRole, requireSession } from "@/lib/auth";
import { getFeedSettings } from "@/lib/inventory/feed-pull";
import { listImports } from "@/lib/inventory/imports";
import { pullNowAction } from "./actions";
import { ImportCounts, importTone } from "./import-counts";
import { FeedForm, UploadForm } from "./imports-client";

export const metadata: Metadata = { title: "Inventory imports" };

const pullOutcome = { imported: "new stock imported", not_modified: "not modified (304)", unchanged: "unchanged", failed: "failed" } as const;

export default async function ImportsPage() {
  const session = await requireSession("manager");
  const t = session.tenant;
  const admin = hasRole(session.role, "admin");
  const [feed, imports] = await Promise.all([getFeedSettings(t.id), listImports(t.id, 30)]);
  const when = (d: Date | string) => new Date(d).toLocaleString(t.locale, { timeZone: t.timeZone, dateStyle: "medium", timeStyle: "short" });
  const last = feed?.lastResult;
  return (
    <section className="space-y-5">
      <PageHeader title="Imports" description="Keep your stock in step with your dealer system: a feed we check for you, a file you upload, or the signed webhook."
        actions={<Link href="/inventory" className="text-sm underline">Back to inventory</Link>} />
      <Card title="Feed URL" description="We fetch it on schedule and only import when it changed (ETag / Last-Modified).">
        {admin ? <FeedForm values={{ url: feed?.url ?? "", format: feed?.format ?? "json", pullMinutes: feed?.pullMinutes ?? 60 }} /> : <p className="text-sm">{feed?.url ?? "No feed set."} Only admins can change it.</p>}
        {feed?.url ? (
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4 text-sm">
            <p>
              Last check: {last ? `${when(last.at)} — ${pullOutcome[last.outcome]}${last.error ? `: ${last.error}` : ""}` : "not yet"}
            </p>
            {admin ? <form action={pullNowAction}><SubmitButton variant="secondary" size="sm" pendingText="Queued…">Check now</SubmitButton></form> : null}
          </div>
        ) : null}
      </Card>
      <Card title="Upload a file" description="Same columns as the feed: external_id, make, model, year, mileage_km, price, fuel, transmission, body, …">
        <UploadForm />
      </Card>
      <Card title="Recent imports" padding="none">
        <Table
          caption="Recent imports"
          rows={imports}
          rowKey={(i) => i.id}
          empty={<EmptyState title="No imports yet" text="Upload a file or set a feed URL to bring in your stock." />}
          columns={[
            { key: "when", header: "Started", primary: true, cell: (i) => <Link href={`/inventory/imports/${i.id}`} className="font-medium hover:underline">{when(i.createdAt)}</Link> },
            { key: "source", header: "Source", cell: (i) => `${i.source}${i.format ? ` · ${i.format}` : ""}${i.mode === "partial" ? " · add/update only" : ""}` },
            { key: "file", header: "File / URL", hideOnPhone: true, cell: (i) => <span className="block max-w-56 truncate">{i.filename ?? "—"}</span> },
            { key: "status", header: "Status", cell: (i) => <Badge tone={importTone[i.status]}>{i.status}</Badge> },
            { key: "counts", header: "Created · updated · removed · unchanged · invalid", cell: (i) => (i.counts ? <ImportCounts counts={i.counts} durationMs={i.durationMs} /> : i.error ?? "—") },
            { key: "report", header: "Row problems", align: "end", cell: (i) => (i.report.length ? <Link href={`/inventory/imports/${i.id}`} className="underline">{i.report.length}</Link> : "0") },
          ]}
        />
      </Card>
    </section>
  );
}
