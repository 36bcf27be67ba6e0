import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { requireSession } from "@/lib/auth";
import { listBroadcasts } from "@/lib/broadcasts";
import { formatDateTime } from "@/lib/format";
import { broadcastTone } from "./status";

export const metadata: Metadata = { title: "Broadcasts" };

export default async function BroadcastsPage() {
  const session = await requireSession("manager");
  const t = session.tenant;
  const rows = await listBroadcasts(t.id);
  const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)} %` : "–");
  return (
    <section>
      <PageHeader
        title="Broadcasts"
        description="One approved WhatsApp template to a segment of your contacts, at the pace WhatsApp allows. Opted-out contacts are always left out."
        actions={<Link href="/broadcasts/new" className={buttonClass()}>New broadcast</Link>}
      />
      <Table
        caption="Broadcasts, newest first"
        rows={rows}
        rowKey={(b) => b.id}
        empty={<EmptyState icon="message" title="No broadcasts yet" text="Tell your contacts about new arrivals or a service weekend." />}
        columns={[
          { key: "name", header: "Name", primary: true, cell: (b) => <Link href={`/broadcasts/${b.id}`} className="font-medium text-brand-ink hover:underline">{b.name}</Link> },
          { key: "status", header: "Status", cell: (b) => <Badge tone={broadcastTone[b.status]}>{b.status}</Badge> },
          { key: "when", header: "Send time", cell: (b) => (b.scheduledAt ? formatDateTime(b.scheduledAt, t.locale, t.timeZone) : "–") },
          { key: "recipients", header: "Recipients", align: "end", cell: (b) => b.counts.sent + b.counts.delivered + b.counts.read + b.counts.replied + b.counts.failed + b.counts.pending },
          {
            key: "read", header: "Read", align: "end", hideOnPhone: true,
            cell: (b) => pct(b.counts.read + b.counts.replied, b.counts.sent + b.counts.delivered + b.counts.read + b.counts.replied + b.counts.failed),
          },
          { key: "replied", header: "Replied", align: "end", cell: (b) => b.counts.replied },
        ]}
      />
    </section>
  );
}
