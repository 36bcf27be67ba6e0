import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/charts/bar-chart";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { requireSession } from "@/lib/auth";
import { getBroadcast, recipientStates } from "@/lib/broadcasts";
import { formatDateTime } from "@/lib/format";
import { cancelBroadcastAction } from "../actions";
import { broadcastTone, recipientTone } from "../status";

export const metadata: Metadata = { title: "Broadcast" };

export default async function BroadcastPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession("manager");
  const t = session.tenant;
  const found = await getBroadcast(t.id, (await params).id);
  if (!found) notFound();
  const { broadcast: b, recipients, counts } = found;
  const canCancel = b.status === "scheduled" || b.status === "sending";
  return (
    <section className="space-y-5">
      <PageHeader
        title={b.name}
        description={<>Template <code>{b.templateName}</code> · {b.scheduledAt ? formatDateTime(b.scheduledAt, t.locale, t.timeZone) : "not scheduled"}</>}
        actions={
          <>
            <Badge tone={broadcastTone[b.status]}>{b.status}</Badge>
            {canCancel ? (
              <form action={cancelBroadcastAction}>
                <input type="hidden" name="id" value={b.id} />
                <Button type="submit" variant="secondary">Cancel broadcast</Button>
              </form>
            ) : null}
          </>
        }
      />
      <Card title="Where the messages are">
        <BarChart title="Recipients by status" integers valueLabel="Recipients" locale={t.locale} data={recipientStates.map((s) => ({ label: s, value: counts[s] }))} />
      </Card>
      <Table
        caption="Recipients"
        showCaption
        rows={recipients}
        rowKey={(r) => r.id}
        empty={<p className="p-4 text-sm text-ink-muted">Recipients are fixed when the broadcast starts sending.</p>}
        columns={[
          { key: "name", header: "Contact", primary: true, cell: (r) => r.name ?? r.phone },
          { key: "phone", header: "Phone", hideOnPhone: true, cell: (r) => (r.phone ? `+${r.phone}` : "–") },
          { key: "state", header: "Status", cell: (r) => <Badge tone={recipientTone[r.state]}>{r.state}</Badge> },
          { key: "why", header: "Note", hideOnPhone: true, cell: (r) => r.error ?? r.messageError?.title ?? "" },
          { key: "open", header: "Conversation", cell: (r) => (r.conversationId ? <Link className="text-brand-ink hover:underline" href={`/inbox/${r.conversationId}`}>Open</Link> : "") },
        ]}
      />
    </section>
  );
}
