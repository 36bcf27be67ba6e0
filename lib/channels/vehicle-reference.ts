import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { vehicles } from "@/db/schema";
import { parsePublicCode } from "@/lib/inventory/identity";
import { findVehicleByCode } from "@/lib/inventory/search";

/**
 * "#A07", "a07", "volkswagen-golf-2020-grey-a07" or "VW? Volkswagen Golf 1.5 TSI (2020)" → the tenant's vehicle,
 * preferring one still for sale; null when nothing fits.
 */
export async function resolveVehicleReference(tx: Tx, tenantId: string, reference: string | null | undefined): Promise<string | null> {
  const text = reference?.trim().toLowerCase();
  if (!text) return null;
  const code = parsePublicCode(text);
  if (code) {
    const byCode = await findVehicleByCode(tx, tenantId, code);
    if (byCode) return byCode.id;
  }
  const [bySlug] = await tx.select({ id: vehicles.id }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.slug, text))).limit(1);
  if (bySlug) return bySlug.id;
  const forSale = inArray(vehicles.status, ["available", "reserved"]);
  const mentions = (col: typeof vehicles.make | typeof vehicles.model) => sql`position(lower(${col}) in ${text}) > 0`;
  const year = /\b(19|20)\d{2}\b/.exec(text)?.[0];
  const order = year ? [sql`(${vehicles.year} = ${Number(year)}) desc`, desc(vehicles.createdAt)] : [desc(vehicles.createdAt)];
  const [byMakeModel] = await tx
    .select({ id: vehicles.id })
    .from(vehicles)
    .where(and(eq(vehicles.tenantId, tenantId), forSale, mentions(vehicles.make), mentions(vehicles.model)))
    .orderBy(...order)
    .limit(1);
  if (byMakeModel) return byMakeModel.id;
  // A model alone ("Golf") is enough when exactly one car for sale fits and the name is not a bare number.
  const byModel = await tx
    .select({ id: vehicles.id })
    .from(vehicles)
    .where(and(eq(vehicles.tenantId, tenantId), forSale, sql`length(${vehicles.model}) >= 3`, sql`${vehicles.model} !~ '^[0-9]+$'`, mentions(vehicles.model)))
    .limit(2);
  return byModel.length === 1 ? byModel[0].id : null;
}
