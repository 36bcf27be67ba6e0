import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { inventoryImports } from "@/db/schema";
import { detectFeedFormat, parseFeed, type FeedFormat } from "./feed";
import { contentTypeOf } from "./feed-source";
import { queueImport } from "./imports";

// Stays under the server-action body limit (next.config.ts) with room for the form's other fields.
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const byExtension: Record<string, FeedFormat> = { json: "json", csv: "csv", txt: "csv", xml: "xml" };

export type UploadResult = { ok: true; importId: string; rows: number } | { ok: false; error: string };

/**
 * A stock file from the dashboard becomes an import record; the import function does the rest.
 * Partial by default: a file of a few cars must not mark the rest of the lot sold unless the dealer says it is complete.
 */
export async function queueUpload(tenantId: string, file: { name: string; type: string; bytes: Buffer }, mode: "snapshot" | "partial" = "partial"): Promise<UploadResult> {
  if (file.bytes.length === 0) return { ok: false, error: "The file is empty." };
  if (file.bytes.length > MAX_UPLOAD_BYTES) return { ok: false, error: "The file is larger than 10 MB; split it or use a feed URL." };
  const ext = /\.([a-z]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  const text = file.bytes.toString("utf8").replace(/^\uFEFF/, "");
  const format = byExtension[ext] ?? (file.type ? detectFeedFormat(text, file.type) : null);
  if (!format) return { ok: false, error: "Upload a .csv, .json or .xml file." };
  // A file that cannot be read at all is refused here, so the person who chose it sees why at once.
  const parsed = parseFeed(text, contentTypeOf(format));
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.rows.length === 0) return { ok: false, error: "The file has no vehicles in it." };
  const { row } = await queueImport(tenantId, { source: "upload", format, mode, payload: text, filename: file.name.slice(0, 200) });
  return { ok: true, importId: row.id, rows: parsed.rows.length };
}

/** What the progress view polls; the payload itself is never sent back to the browser. */
export async function getImportProgress(tenantId: string, importId: string) {
  const [row] = await withTenant(tenantId, (tx) => tx.select({
    id: inventoryImports.id, source: inventoryImports.source, status: inventoryImports.status, format: inventoryImports.format, mode: inventoryImports.mode, filename: inventoryImports.filename,
    totalRows: inventoryImports.totalRows, processedRows: inventoryImports.processedRows, counts: inventoryImports.counts, report: inventoryImports.report,
    error: inventoryImports.error, durationMs: inventoryImports.durationMs, createdAt: inventoryImports.createdAt, finishedAt: inventoryImports.finishedAt,
  }).from(inventoryImports).where(and(eq(inventoryImports.tenantId, tenantId), eq(inventoryImports.id, importId))));
  return row ?? null;
}
