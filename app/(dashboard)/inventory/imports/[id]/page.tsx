import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { requireSession } from "@/lib/auth";
import { getImportProgress } from "@/lib/inventory/uploads";
import { ImportCounts, importTone } from "../import-counts";

export const metadata: Metadata = { title: "Import report" };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession("manager");
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const imp = await getImportProgress(session.tenant.id, id);
  if (!imp) notFound();
  return (
    <section className="space-y-5">
      <PageHeader title="Import report" description={`${imp.source}${imp.format ? ` · ${imp.format}` : ""}${imp.filename ? ` · ${imp.filename}` : ""}`}
        actions={<Link href="/inventory/imports" className="text-sm underline">All imports</Link>} />
      <Card title={<span className="flex items-center gap-2">Result <Badge tone={importTone[imp.status]}>{imp.status}</Badge></span>}>
        {imp.counts ? <ImportCounts counts={imp.counts} durationMs={imp.durationMs} /> : <p className="text-sm">{imp.error ?? "Not finished yet."}</p>}
        {imp.totalRows !== null ? <p className="mt-1 text-sm text-ink-muted">{imp.totalRows} rows read</p> : null}
      </Card>
      <Card title="Rows that were not imported" padding="none">
        <Table
          caption="Rows that were not imported"
          rows={imp.report}
          rowKey={(r) => String(r.rowNumber)}
          empty={<EmptyState title="No problems" text="Every row was valid." />}
          columns={[
            { key: "row", header: "Row", primary: true, cell: (r) => r.rowNumber },
            { key: "reason", header: "Reason", cell: (r) => r.reason },
          ]}
        />
      </Card>
    </section>
  );
}
