import { and, desc, eq, getTableColumns } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { vehicles } from "@/db/schema";
import type { PageParams } from "../cursor";
import { afterCursor, cursorKey, iso, toPage } from "./page";

type VehicleRow = typeof vehicles.$inferSelect;
export const vehicleStatusFilter = ["available", "reserved", "sold", "draft"] as const;
export type VehicleStatusFilter = (typeof vehicleStatusFilter)[number];

// The dealer's own integration sees its stock codes and plates, but never the cost price.
export function serializeVehicle(v: VehicleRow) {
  return {
    id: v.id, code: v.code, slug: v.slug, externalId: v.externalId, stockCode: v.stockCode, plate: v.plate,
    make: v.make, model: v.model, variant: v.variant, year: v.year, mileageKm: v.mileageKm, price: v.price, currency: v.currency,
    fuel: v.fuel, transmission: v.transmission, body: v.body, color: v.color, status: v.status, branchId: v.branchId,
    images: v.images.map((i) => i.url), createdAt: iso(v.createdAt), updatedAt: iso(v.updatedAt), soldAt: iso(v.soldAt),
  };
}

export async function listVehiclesPage(tenantId: string, page: PageParams, filter: { status?: VehicleStatusFilter }) {
  const rows = await withTenant(tenantId, (tx) =>
    tx.select({ ...getTableColumns(vehicles), cursorKey: cursorKey(vehicles.createdAt) }).from(vehicles)
      .where(and(eq(vehicles.tenantId, tenantId), filter.status ? eq(vehicles.status, filter.status) : undefined, afterCursor(vehicles.createdAt, vehicles.id, page.cursor)))
      .orderBy(desc(vehicles.createdAt), desc(vehicles.id)).limit(page.limit + 1),
  );
  return toPage(rows, page.limit, serializeVehicle);
}

export async function getVehicle(tenantId: string, id: string) {
  const [row] = await withTenant(tenantId, (tx) => tx.select().from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, id))).limit(1));
  return row ? serializeVehicle(row) : null;
}
