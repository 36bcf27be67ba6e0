import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { inventoryImports, vehicleEvents, vehicles, type ImportCounts } from "@/db/schema";
import { sendEvent, type OutgoingEvent } from "@/inngest/dispatch";
import { contentHash, normalizeFeedRow, parseFeed, type FeedVehicle, type RowError } from "./feed";
import { changeDealerSite } from "@/lib/catalog/change";
import { createVehicles } from "./vehicles";

type Existing = Pick<typeof vehicles.$inferSelect, "id" | "externalId" | "contentHash" | "status" | "price" | "mileageKm">;
export type FeedEvent = { type: "vehicle.upserted" | "vehicle.sold" | "vehicle.deleted"; vehicle: Record<string, unknown> };

const fields = (v: FeedVehicle, hash: string) => ({
  make: v.make, model: v.model, variant: v.variant, year: v.year, mileageKm: v.mileageKm, price: v.price, currency: v.currency, fuel: v.fuel,
  transmission: v.transmission, body: v.body, color: v.color, doors: v.doors, seats: v.seats, powerHp: v.powerHp, description: v.description,
  features: v.features, images: v.images.map((url) => ({ url })), extra: v.extra, status: v.status, contentHash: hash,
});

/**
 * Applies a feed to the lot incrementally: rows are matched on external id and compared by content hash;
 * only new and changed rows are written, and (for a full snapshot) cars that vanished are marked sold.
 */
export async function applyFeed(tenantId: string, importId: string, rows: { rowNumber: number; raw: Record<string, unknown> }[], mode: "snapshot" | "partial", currency: string, removeIds: string[] = []) {
  const started = Date.now();
  const errors: RowError[] = [];
  const incoming = new Map<string, FeedVehicle>();
  for (const { rowNumber, raw } of rows) {
    const r = normalizeFeedRow(raw, rowNumber, currency);
    if (!r.ok) errors.push(r.error);
    else if (incoming.has(r.vehicle.externalId)) errors.push({ rowNumber, reason: `duplicate external_id ${r.vehicle.externalId}` });
    else incoming.set(r.vehicle.externalId, r.vehicle);
  }
  const counts: ImportCounts = { created: 0, updated: 0, removed: 0, unchanged: 0, invalid: errors.length };
  const events: OutgoingEvent[] = [];
  await changeDealerSite(tenantId, async (tx) => {
    const existing: Existing[] = await tx
      .select({ id: vehicles.id, externalId: vehicles.externalId, contentHash: vehicles.contentHash, status: vehicles.status, price: vehicles.price, mileageKm: vehicles.mileageKm })
      .from(vehicles).where(and(eq(vehicles.tenantId, tenantId), isNotNull(vehicles.externalId)));
    const byExternal = new Map(existing.map((e) => [e.externalId!, e]));
    const toCreate: FeedVehicle[] = [];
    const history: (typeof vehicleEvents.$inferInsert)[] = [];
    for (const v of incoming.values()) {
      const hash = contentHash(v);
      const old = byExternal.get(v.externalId);
      if (!old) toCreate.push(v);
      else if (old.contentHash === hash) counts.unchanged++;
      else {
        await updateFromFeed(tx, tenantId, importId, old, v, hash, events, history);
        counts.updated++;
      }
    }
    for (let i = 0; i < history.length; i += 1000) await tx.insert(vehicleEvents).values(history.slice(i, i + 1000));
    const created = await createVehicles(tx, tenantId, toCreate.map((v) => ({ ...fields(v, contentHash(v)), externalId: v.externalId, source: "feed" })), { source: "feed", importId });
    counts.created = created.length;
    for (const c of created) events.push({ name: "inventory/vehicle.changed", data: { tenantId, vehicleId: c.id, change: "created" } });
    const vanished = mode === "snapshot"
      ? existing.filter((e) => !incoming.has(e.externalId!) && (e.status === "available" || e.status === "reserved"))
      : existing.filter((e) => removeIds.includes(e.externalId!) && e.status !== "sold");
    if (vanished.length) {
      const now = new Date();
      await tx.update(vehicles).set({ status: "sold", soldAt: now, updatedAt: now }).where(inArray(vehicles.id, vanished.map((v) => v.id)));
      await tx.insert(vehicleEvents).values(vanished.map((v) => ({ tenantId, vehicleId: v.id, type: "removed" as const, source: "feed", importId, old: { status: v.status }, new: { status: "sold" } })));
      counts.removed = vanished.length;
      for (const v of vanished) events.push({ name: "inventory/vehicle.changed", data: { tenantId, vehicleId: v.id, change: "removed" } });
    }
    await tx.update(inventoryImports).set({
      status: "done", counts, report: errors, totalRows: rows.length, processedRows: rows.length, finishedAt: new Date(), durationMs: Date.now() - started, updatedAt: new Date(),
    }).where(eq(inventoryImports.id, importId));
  }, () => counts.created + counts.updated + counts.removed > 0);
  if (events.length) await sendEvent(events);
  return { counts, errors, durationMs: Date.now() - started };
}

async function updateFromFeed(tx: Tx, tenantId: string, importId: string, old: Existing, v: FeedVehicle, hash: string, events: OutgoingEvent[], rows: (typeof vehicleEvents.$inferInsert)[]) {
  const now = new Date();
  await tx.update(vehicles).set({ ...fields(v, hash), updatedAt: now, ...(v.status === "sold" && old.status !== "sold" ? { soldAt: now } : {}) }).where(eq(vehicles.id, old.id));
  const before = rows.length;
  if (old.price !== v.price) rows.push({ tenantId, vehicleId: old.id, type: "price_changed", source: "feed", importId, old: { price: old.price }, new: { price: v.price } });
  if (old.status !== v.status) rows.push({ tenantId, vehicleId: old.id, type: "status_changed", source: "feed", importId, old: { status: old.status }, new: { status: v.status } });
  if (old.mileageKm !== v.mileageKm || rows.length === before) rows.push({ tenantId, vehicleId: old.id, type: "updated", source: "feed", importId, old: { mileageKm: old.mileageKm }, new: { mileageKm: v.mileageKm } });
  const change = v.status === "sold" && old.status !== "sold" ? "sold" : v.price < old.price ? "price_drop" : "updated";
  events.push({ name: "inventory/vehicle.changed", data: { tenantId, vehicleId: old.id, change, oldPrice: old.price, newPrice: v.price } });
}

/** Runs a stored import (the webhook, an upload or a feed pull persisted it first). */
export async function runImport(tenantId: string, importId: string, currency: string) {
  const [imp] = await withTenant(tenantId, (tx) => tx.select().from(inventoryImports).where(eq(inventoryImports.id, importId)));
  if (!imp || imp.status === "done") return { skipped: true as const };
  await withTenant(tenantId, (tx) => tx.update(inventoryImports).set({ status: "running", startedAt: new Date() }).where(eq(inventoryImports.id, importId)));
  const fail = (error: string) => withTenant(tenantId, (tx) => tx.update(inventoryImports).set({ status: "failed", error, finishedAt: new Date() }).where(eq(inventoryImports.id, importId)));
  try {
    return await applyStoredImport(tenantId, importId, imp, currency, fail);
  } catch (err) {
    // The diff rolled back; the record must not stay "running" (a retry sets it running again).
    await fail((err as Error).message);
    throw err;
  }
}

async function applyStoredImport(tenantId: string, importId: string, imp: typeof inventoryImports.$inferSelect, currency: string, fail: (error: string) => Promise<unknown>) {
  const body = imp.payload ?? "";
  if (imp.format === "event") {
    const e = JSON.parse(body) as FeedEvent;
    const externalId = String(e.vehicle.external_id ?? "");
    if (e.type === "vehicle.upserted") return applyFeed(tenantId, importId, [{ rowNumber: 1, raw: e.vehicle }], "partial", currency);
    return applyFeed(tenantId, importId, [], "partial", currency, [externalId]);
  }
  const parsed = parseFeed(body, imp.format === "csv" ? "text/csv" : imp.format === "xml" ? "application/xml" : "application/json");
  if (!parsed.ok) {
    await fail(parsed.error);
    return { failed: parsed.error };
  }
  return applyFeed(tenantId, importId, parsed.rows.map((raw, i) => ({ rowNumber: i + 1, raw })), imp.mode, currency);
}
