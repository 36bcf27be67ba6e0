import { and, desc, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { inventoryImports } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";

/** Persists an import before anything is acknowledged, then asks the import function to run it. */
export async function queueImport(tenantId: string, input: { source: string; format: "json" | "csv" | "xml" | "event"; mode?: "snapshot" | "partial"; payload: string; inboxId?: string | null; filename?: string | null }) {
  const imp = await withTenant(tenantId, async (tx) => {
    if (input.inboxId) {
      const [same] = await tx.select().from(inventoryImports).where(and(eq(inventoryImports.tenantId, tenantId), eq(inventoryImports.inboxId, input.inboxId))).limit(1);
      if (same) return { row: same, duplicate: true };
    }
    const [row] = await tx.insert(inventoryImports).values({ tenantId, ...input, inboxId: input.inboxId ?? null, status: "queued" }).returning();
    return { row, duplicate: false };
  });
  if (!imp.duplicate) {
    try {
      await sendEvent({ name: "inventory/import.requested", id: `import-${imp.row.id}`, data: { tenantId, importId: imp.row.id } });
    } catch (err) {
      console.error(`[inventory] hand-off of import ${imp.row.id} failed; it stays queued`, err);
    }
  }
  return imp;
}

export async function listImports(tenantId: string, limit = 20) {
  return withTenant(tenantId, (tx) => tx.select({
    id: inventoryImports.id, source: inventoryImports.source, status: inventoryImports.status, format: inventoryImports.format, mode: inventoryImports.mode, filename: inventoryImports.filename,
    counts: inventoryImports.counts, report: inventoryImports.report, error: inventoryImports.error, durationMs: inventoryImports.durationMs, createdAt: inventoryImports.createdAt,
  }).from(inventoryImports).where(eq(inventoryImports.tenantId, tenantId)).orderBy(desc(inventoryImports.createdAt)).limit(limit));
}
