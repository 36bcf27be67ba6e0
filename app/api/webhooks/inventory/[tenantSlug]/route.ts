import { createHash, createHmac } from "node:crypto";
import { z } from "zod";
import { safeEqual } from "@/lib/crypto/secrets";
import { inflateFeed } from "@/lib/inventory/gzip";
import { queueImport } from "@/lib/inventory/imports";
import { feedSecretOf } from "@/lib/settings";
import { getTenantBySlug } from "@/lib/tenancy";
import { jsonAck, jsonError, parseJson, readRawBody } from "@/lib/webhooks/body";
import { persistInbox } from "@/lib/webhooks/inbox";

const event = z.object({ type: z.enum(["vehicle.upserted", "vehicle.sold", "vehicle.deleted"]), vehicle: z.object({ external_id: z.union([z.string().min(1), z.number()]) }).passthrough() });

export async function POST(request: Request, { params }: { params: Promise<{ tenantSlug: string }> }) {
  const { tenantSlug } = await params;
  const tenant = await getTenantBySlug(tenantSlug);
  if (!tenant) return jsonError(404, `Unknown dealership "${tenantSlug}"`);
  const body = await readRawBody(request);
  if (!body.ok) return jsonError(body.status, body.error);
  const secret = await feedSecretOf(tenant.id);
  const expected = secret ? `sha256=${createHmac("sha256", secret).update(body.bytes).digest("hex")}` : null;
  const given = request.headers.get("x-signature-256") ?? "";
  if (!expected || !safeEqual(given, expected)) return jsonError(401, "Invalid or missing X-Signature-256");
  // The signature covers the bytes as sent; a gzip body is inflated after it is checked.
  const inflated = inflateFeed(body.bytes);
  if (!inflated.ok) return jsonError(inflated.error.includes("more than") ? 413 : 400, inflated.error);
  const text = inflated.inflated ? inflated.bytes.toString("utf8") : body.text;

  const csv = (request.headers.get("content-type") ?? "").includes("csv");
  let format: "json" | "csv" | "event" = csv ? "csv" : "json";
  if (!csv) {
    const json = parseJson(text);
    if (!json.ok) return jsonError(400, json.error);
    const v = json.value as Record<string, unknown> | null;
    if (v && typeof v === "object" && "type" in v) {
      const e = event.safeParse(v);
      if (!e.success) return jsonError(400, `Invalid event: ${e.error.issues[0].path.join(".")} ${e.error.issues[0].message}`);
      format = "event";
    } else if (!v || !Array.isArray((v as { vehicles?: unknown }).vehicles)) {
      return jsonError(400, 'Expected a snapshot { "vehicles": [ … ] } or an event { "type": "vehicle.upserted" | "vehicle.sold" | "vehicle.deleted", "vehicle": { … } }');
    }
  } else if (!/^\s*"?external_id/i.test(text)) {
    return jsonError(400, "CSV needs a header row starting with external_id");
  }
  // A replayed delivery (same bytes) finds the import it created the first time.
  const key = `${tenant.id}:${createHash("sha256").update(body.bytes).digest("hex")}`;
  const inbox = await persistInbox({ source: "inventory", idempotencyKey: key, rawBody: "(stored with the import)", scopeTenantId: tenant.id });
  const { row, duplicate } = await queueImport(tenant.id, { source: format === "event" ? "event" : "webhook", format, payload: text, inboxId: inbox.id });
  return jsonAck({ importId: row.id, duplicate }, { status: 202 });
}
