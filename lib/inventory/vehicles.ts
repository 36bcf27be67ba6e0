import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { tenants, vehicleEvents, vehicles } from "@/db/schema";
import { assertVehicleRoom } from "@/lib/plans/usage";
import { formatPublicCode, vehicleSlug } from "./identity";

export type Vehicle = typeof vehicles.$inferSelect;
export type VehicleInput = Omit<typeof vehicles.$inferInsert, "id" | "tenantId" | "code" | "slug" | "createdAt" | "updatedAt" | "searchVector">;

/** Takes the next public code from the tenant's counter; codes are never reused, even after removal. */
export async function nextVehicleCode(tx: Tx, tenantId: string): Promise<string> {
  const [row] = await tx
    .update(tenants)
    .set({ vehicleCodeSeq: sql`${tenants.vehicleCodeSeq} + 1` })
    .where(eq(tenants.id, tenantId))
    .returning({ seq: tenants.vehicleCodeSeq });
  if (!row) throw new Error("tenant not found for vehicle code");
  return formatPublicCode(row.seq);
}

/** Reserves `count` consecutive codes in one statement (bulk imports). */
export async function reserveVehicleCodes(tx: Tx, tenantId: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  const [row] = await tx
    .update(tenants)
    .set({ vehicleCodeSeq: sql`${tenants.vehicleCodeSeq} + ${count}` })
    .where(eq(tenants.id, tenantId))
    .returning({ seq: tenants.vehicleCodeSeq });
  return Array.from({ length: count }, (_, i) => formatPublicCode(row.seq - count + 1 + i));
}

/** Inserts many vehicles with their identities and `created` events in a few statements. */
export async function createVehicles(tx: Tx, tenantId: string, inputs: VehicleInput[], ctx: { source: string; importId?: string | null }): Promise<Vehicle[]> {
  await assertVehicleRoom(tx, tenantId, inputs.length);
  const codes = await reserveVehicleCodes(tx, tenantId, inputs.length);
  const now = new Date();
  const out: Vehicle[] = [];
  for (let i = 0; i < inputs.length; i += 500) {
    const chunk = inputs.slice(i, i + 500).map((input, j) => {
      const code = codes[i + j];
      return {
        ...input, tenantId, code, slug: vehicleSlug({ make: input.make, model: input.model, year: input.year, color: input.color ?? null, code }),
        publishedAt: input.status === "draft" ? null : now, createdAt: now, updatedAt: now,
      };
    });
    const rows = await tx.insert(vehicles).values(chunk).returning();
    await tx.insert(vehicleEvents).values(rows.map((v) => ({
      tenantId, vehicleId: v.id, type: "created" as const, source: ctx.source, importId: ctx.importId ?? null, new: { price: v.price, status: v.status, mileageKm: v.mileageKm },
    })));
    out.push(...rows);
  }
  return out;
}

/** Inserts a vehicle with its public identity and a `created` event. */
export async function createVehicle(
  tx: Tx,
  tenantId: string,
  input: VehicleInput,
  ctx: { source: string; actorUserId?: string | null; importId?: string | null; createdAt?: Date },
): Promise<Vehicle> {
  await assertVehicleRoom(tx, tenantId);
  const code = await nextVehicleCode(tx, tenantId);
  const slug = vehicleSlug({ make: input.make, model: input.model, year: input.year, color: input.color ?? null, code });
  const at = ctx.createdAt ?? new Date();
  const publishedAt = input.status === "draft" ? null : (input.publishedAt ?? at);
  const [vehicle] = await tx
    .insert(vehicles)
    .values({ ...input, tenantId, code, slug, source: input.source ?? ctx.source, publishedAt, createdAt: at, updatedAt: at })
    .returning();
  await tx.insert(vehicleEvents).values({
    tenantId, vehicleId: vehicle.id, type: "created", source: ctx.source, actorUserId: ctx.actorUserId ?? null, importId: ctx.importId ?? null,
    new: { price: vehicle.price, status: vehicle.status, mileageKm: vehicle.mileageKm }, createdAt: at,
  });
  return vehicle;
}
