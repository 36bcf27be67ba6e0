import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { parseWholeAmount, parseWholeNumber } from "@/lib/format/numbers";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { leads, contacts, vehicleEvents, vehicles } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { branchOf, isOwnBranch } from "@/lib/branches";
import type { Viewer } from "@/lib/inbox/access";
import { searchVehicles, type VehicleFilters } from "./search";
import { changeDealerSite } from "@/lib/catalog/change";
import { createVehicle, type Vehicle } from "./vehicles";

/** Thrown when a form names a branch that is not the tenant's own (RLS would hide it anyway; this says so). */
export class ForeignBranchError extends Error {
  constructor() { super("Pick one of your showrooms."); }
}

async function assertOwnBranch(tx: Tx, tenantId: string, branchId: string | null | undefined) {
  if (branchId && !(await isOwnBranch(tx, tenantId, branchId))) throw new ForeignBranchError();
}

export const vehicleStatuses = ["available", "reserved", "sold", "draft"] as const;
export type VehicleStatus = (typeof vehicleStatuses)[number];

const notWhole = "Write a whole number, like 14.000 or 14 000.";
// Blank is missing; what parseWholeNumber cannot read stays a string, so z.number() reports it with notWhole.
const readWholeNumber = (v: unknown) => (v === null || (typeof v === "string" && !v.trim()) ? undefined : typeof v === "string" ? parseWholeNumber(v) ?? v : v);
const wholeNumber = (missing: string, limits: (n: z.ZodNumber) => z.ZodNumber, read = readWholeNumber, message = notWhole) =>
  z.preprocess(read, limits(z.number({ error: (issue) => (issue.input === undefined ? missing : message) }).int(message)));
const optionalInt = (min: number, max: number, read = readWholeNumber, message = notWhole) =>
  z.preprocess(read, z.number({ error: message }).int(message).min(min, `At least ${min}.`).max(max, `At most ${max}.`).optional());
const price = (read = readWholeNumber, message = notWhole) => ({
  price: wholeNumber("Enter the price.", (n) => n.min(1, "Enter a price above zero.").max(1_000_000_000_000), read, message),
  costPrice: optionalInt(0, 1_000_000_000_000, read, message),
});

const thisYear = new Date().getUTCFullYear();
const atMost = (n: number) => `At most ${n} characters.`;

/** What staff may type in the vehicle form; the public code, slug and history are the system's. */
export const vehicleFormSchema = z.object({
  make: z.string().trim().min(1, "Enter the make.").max(60, atMost(60)),
  model: z.string().trim().min(1, "Enter the model.").max(60, atMost(60)),
  variant: z.string().trim().max(120, atMost(120)).optional().transform((v) => v || null),
  year: wholeNumber("Enter the year.", (n) => n.min(1950, "Year must be 1950 or later.").max(thisYear + 1, `Year can be at most ${thisYear + 1}.`)),
  mileageKm: wholeNumber("Enter the mileage.", (n) => n.min(0, "Mileage cannot be negative.").max(2_000_000, "That mileage looks wrong.")),
  ...price(),
  fuel: z.enum(["petrol", "diesel", "hybrid", "electric", "lpg", "other"]),
  transmission: z.enum(["manual", "automatic"]),
  body: z.enum(["hatchback", "sedan", "estate", "suv", "mpv", "coupe", "convertible", "van", "pickup", "other"]),
  color: z.string().trim().max(40, atMost(40)).optional().transform((v) => v || null),
  doors: optionalInt(1, 9), seats: optionalInt(1, 60), powerHp: optionalInt(1, 2000),
  plate: z.string().trim().max(20, atMost(20)).optional().transform((v) => v || null),
  stockCode: z.string().trim().max(40, atMost(40)).optional().transform((v) => v || null),
  description: z.string().trim().max(5000, atMost(5000)).optional().transform((v) => v || null),
  features: z.string().max(3000, atMost(3000)).optional().transform((v) => (v ?? "").split(/\n|,/).map((f) => f.trim()).filter(Boolean).slice(0, 40)),
  status: z.enum(vehicleStatuses),
  // Absent when the form has no branch select; empty means the main showroom.
  branchId: z.preprocess((v) => (v === "" ? null : v), z.string().uuid("Pick one of your showrooms.").nullable().optional()),
});
export type VehicleForm = z.infer<typeof vehicleFormSchema>;

/** The form as the dealer fills it in: prices may carry its currency's code or symbol ("€ 21.950", "kr 289 900"). */
export function vehicleFormSchemaFor(currency: string) {
  const read = (v: unknown) => (typeof v === "string" && v.trim() ? parseWholeAmount(v, currency) ?? v : readWholeNumber(v));
  return vehicleFormSchema.extend(price(read, `Write a whole amount in ${currency}, like 14.000 or 14 000.`));
}

export async function listInventory(tenantId: string, f: VehicleFilters & { page?: number }) {
  const page = Math.max(1, f.page ?? 1);
  return withTenant(tenantId, (tx) =>
    searchVehicles(tx, tenantId, { ...f, statuses: f.statuses ?? [...vehicleStatuses], limit: 25, offset: (page - 1) * 25 }),
  );
}

/** A car for its dashboard page: its history, and the leads for it the viewer may see (a rep: their own and unassigned ones, as on the board). */
export async function getVehicleAdmin(tenantId: string, id: string, viewer: Pick<Viewer, "userId" | "role">) {
  return withTenant(tenantId, async (tx) => {
    const [vehicle] = await tx.select().from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, id))).limit(1);
    if (!vehicle) return null;
    const history = await tx.select().from(vehicleEvents).where(eq(vehicleEvents.vehicleId, id)).orderBy(desc(vehicleEvents.createdAt)).limit(50);
    const interested = await tx
      .select({ id: leads.id, stage: leads.stage, score: leads.score, name: contacts.name, phone: contacts.phone })
      .from(leads).innerJoin(contacts, eq(contacts.id, leads.contactId))
      .where(and(eq(leads.tenantId, tenantId), eq(leads.vehicleId, id), viewer.role === "sales" ? or(isNull(leads.assignedUserId), eq(leads.assignedUserId, viewer.userId)) : undefined))
      .orderBy(desc(leads.lastActivityAt)).limit(20);
    return { vehicle, history, interested };
  });
}

export async function createVehicleFromForm(tenantId: string, form: VehicleForm, actorUserId: string, currency: string) {
  const vehicle = await changeDealerSite(tenantId, async (tx) => {
    await assertOwnBranch(tx, tenantId, form.branchId);
    return createVehicle(tx, tenantId, { ...form, currency, source: "manual" }, { source: "dashboard", actorUserId });
  });
  await sendEvent({ name: "inventory/vehicle.changed", data: { tenantId, vehicleId: vehicle.id, change: "created" } });
  return vehicle;
}

const tracked = ["price", "status", "mileageKm", "make", "model", "variant", "year", "fuel", "transmission", "body", "color", "description", "branchId"] as const;

/** Applies a change and records it: price and status get their own events with old → new. */
export async function updateVehicle(tenantId: string, id: string, patch: Partial<VehicleForm>, actorUserId: string | null, source = "dashboard") {
  const result = await changeDealerSite(tenantId, async (tx) => {
    const [old] = await tx.select().from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, id))).limit(1);
    if (!old) return null;
    await assertOwnBranch(tx, tenantId, patch.branchId);
    // The form's "Main showroom" is blank; a car that holds the main showroom's own id has not moved.
    if (patch.branchId === null && old.branchId && (await branchOf(tx, tenantId, old.branchId))?.isDefault) patch = { ...patch, branchId: old.branchId };
    const now = new Date();
    const changes = tracked.filter((k) => k in patch && JSON.stringify(patch[k as keyof VehicleForm]) !== JSON.stringify(old[k as keyof Vehicle]));
    const extra: Partial<Vehicle> = {};
    if (patch.status && patch.status !== old.status) {
      if (patch.status === "sold") extra.soldAt = now;
      if ((patch.status === "available" || patch.status === "reserved") && !old.publishedAt) extra.publishedAt = now;
    }
    const [updated] = await tx.update(vehicles).set({ ...patch, ...extra, updatedAt: now }).where(eq(vehicles.id, id)).returning();
    const events = [];
    if (changes.includes("price")) events.push({ type: "price_changed" as const, old: { price: old.price }, new: { price: updated.price } });
    if (changes.includes("status")) events.push({ type: "status_changed" as const, old: { status: old.status }, new: { status: updated.status } });
    const other = changes.filter((c) => c !== "price" && c !== "status");
    if (other.length) events.push({ type: "updated" as const, old: Object.fromEntries(other.map((k) => [k, old[k]])), new: Object.fromEntries(other.map((k) => [k, updated[k]])) });
    for (const e of events) await tx.insert(vehicleEvents).values({ tenantId, vehicleId: id, source, actorUserId, ...e });
    return { old, updated };
  });
  if (!result) return null;
  const { old, updated } = result;
  if (updated.status !== old.status && (updated.status === "sold" || updated.status === "draft")) {
    await sendEvent({ name: "inventory/vehicle.changed", data: { tenantId, vehicleId: id, change: updated.status === "sold" ? "sold" : "status" } });
  } else if (updated.price < old.price) {
    await sendEvent({ name: "inventory/vehicle.changed", data: { tenantId, vehicleId: id, change: "price_drop", oldPrice: old.price, newPrice: updated.price } });
  }
  return updated;
}

/**
 * Saves the edit form. Its status is written only when staff picked another one than the form showed
 * (`statusShown`), so a form opened before "Mark sold" (or a sale via the owner bot) cannot put the car back on sale.
 */
export async function updateVehicleFromForm(tenantId: string, id: string, form: VehicleForm, statusShown: VehicleStatus | undefined, actorUserId: string) {
  const { status, ...rest } = form;
  return updateVehicle(tenantId, id, status === statusShown ? rest : form, actorUserId);
}

export async function inventoryCounts(tenantId: string) {
  return withTenant(tenantId, async (tx) => {
    const rows = await tx.select({ status: vehicles.status, n: sql<number>`count(*)::int` }).from(vehicles)
      .where(and(eq(vehicles.tenantId, tenantId), inArray(vehicles.status, [...vehicleStatuses]))).groupBy(vehicles.status);
    return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Partial<Record<VehicleStatus, number>>;
  });
}
