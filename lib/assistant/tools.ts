import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { appointments, leads, vehicles, type LeadPreferences } from "@/db/schema";
import { appointmentsAt, branchOf, listShowrooms, showroomOf, showroomOfVehicle, type Showroom } from "@/lib/branches";
import { vehicleUrl } from "@/lib/catalog/urls";
import { financingQuote } from "@/lib/financing";
import { findVehicleByCode, searchVehicles, type VehicleFilters } from "@/lib/inventory/search";
import { findSlots, isSlotFree } from "@/lib/scheduling/hours";
import type { Tenant } from "@/lib/tenancy";
import { findNumbers } from "./understand/amounts";
import { searchKnowledge, type KnowledgeHit } from "./knowledge";
import type { VehicleForReply as ReplyVehicle } from "./replies";
import type { Entities, Lang } from "./types";

type Vehicle = typeof vehicles.$inferSelect;
/** `tx`: run every read and write in the caller's transaction (the playground rolls it back) instead of one each. */
export type ToolContext = { tenant: Tenant; leadId: string | null; contactId: string; conversationId: string; tx?: Tx };

function inTenant<T>(ctx: { tenant: Tenant; tx?: Tx }, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.tx ? work(ctx.tx) : withTenant(ctx.tenant.id, work);
}

// Only public fields ever leave the tools: never plate, stock code, cost price or internal notes.
export function toReplyVehicle(tenant: Tenant, v: Vehicle): ReplyVehicle {
  return {
    code: v.code, make: v.make, model: v.model, variant: v.variant, year: v.year, price: v.price, mileageKm: v.mileageKm,
    fuel: v.fuel, transmission: v.transmission, status: v.status, url: vehicleUrl(tenant, v.slug),
  };
}

const relaxOrder: (keyof VehicleFilters)[] = ["color", "maxKm", "minYear", "body", "fuel", "transmission", "model", "maxPrice"];

/** Strict search first; when nothing matches, relax one constraint at a time (budget last, by 15 %). */
export async function searchInventoryTool(ctx: ToolContext, e: Entities, limit = 3) {
  const filters: VehicleFilters = {
    make: e.make, model: e.model, fuel: e.fuel, transmission: e.transmission, body: e.body, color: e.color,
    minPrice: e.minPrice, maxPrice: e.maxPrice, minYear: e.minYear, maxKm: e.maxKm, sort: e.maxPrice ? "price_desc" : "newest", limit,
  };
  return inTenant(ctx, async (tx) => {
    const strict = await searchVehicles(tx, ctx.tenant.id, { ...filters, statuses: ["available"] });
    if (strict.vehicles.length > 0) return { vehicles: strict.vehicles.map((v) => toReplyVehicle(ctx.tenant, v)), total: strict.total, relaxed: null as string | null };
    for (const key of relaxOrder) {
      if (filters[key] === undefined) continue;
      const relaxed = { ...filters, statuses: ["available" as const] };
      if (key === "maxPrice") relaxed.maxPrice = Math.round(filters.maxPrice! * 1.15);
      else delete relaxed[key];
      const found = await searchVehicles(tx, ctx.tenant.id, relaxed);
      if (found.vehicles.length > 0) return { vehicles: found.vehicles.map((v) => toReplyVehicle(ctx.tenant, v)), total: 0, relaxed: key as string };
    }
    return { vehicles: [] as ReplyVehicle[], total: 0, relaxed: null };
  });
}

export async function vehicleDetailsTool(ctx: ToolContext, code: string) {
  return inTenant(ctx, async (tx) => {
    const v = await findVehicleByCode(tx, ctx.tenant.id, code);
    if (!v || (v.status !== "available" && v.status !== "reserved")) return null;
    const vehicle = toReplyVehicle(ctx.tenant, v);
    const places = await listShowrooms(tx, ctx.tenant);
    // Where the car stands only matters to a dealer with more than one showroom.
    if (places.length > 1) vehicle.location = placeLine(showroomOf(ctx.tenant, await branchOf(tx, ctx.tenant.id, v.branchId)));
    return { vehicle, features: v.features, description: v.description, id: v.id, branchId: v.branchId };
  });
}

const addressOf = (s: Showroom) => [s.address?.street, s.address?.city].filter(Boolean).join(", ");
const placeLine = (s: Showroom) => [s.name, addressOf(s)].filter(Boolean).join(", ");

/** The dealer's showrooms for a "where are you?" answer; null for a single location (the profile address answers that). */
export async function showroomsTool(ctx: ToolContext) {
  const places = await inTenant(ctx, (tx) => listShowrooms(tx, ctx.tenant));
  if (places.length < 2) return null;
  return places.map((s) => ({ name: s.name, address: addressOf(s) || s.name, mapUrl: s.mapUrl }));
}

export async function stockSummary(tenantId: string, inTx?: Tx) {
  const read = async (tx: Tx) => {
    const rows = await tx
      .selectDistinct({ make: vehicles.make, model: vehicles.model })
      .from(vehicles)
      .where(and(eq(vehicles.tenantId, tenantId), inArray(vehicles.status, ["available", "reserved"])));
    return { models: rows };
  };
  return inTx ? read(inTx) : withTenant(tenantId, read);
}

export function financingTool(ctx: ToolContext, v: ReplyVehicle, o: { downPaymentPct?: number; months?: number } = {}) {
  const f = ctx.tenant.settings.financing ?? { ratePct: 7.9, termMonths: 60, downPaymentPct: 10 };
  return financingQuote({ price: v.price, downPaymentPct: o.downPaymentPct ?? f.downPaymentPct, ratePct: f.ratePct, months: o.months ?? f.termMonths, currency: ctx.tenant.currency });
}

/** The showroom a car stands in (the main one for no car or no branch), with the appointments already in its calendar. */
async function calendarFor(ctx: ToolContext, tx: Tx, vehicleBranchId: string | null, from: Date) {
  const place = await showroomOfVehicle(tx, ctx.tenant, vehicleBranchId);
  const busy = await tx.select({ start: appointments.startsAt, end: appointments.endsAt }).from(appointments)
    .where(and(eq(appointments.tenantId, ctx.tenant.id), gte(appointments.endsAt, from), inArray(appointments.status, ["booked", "confirmed"]), appointmentsAt(place)));
  return { place, busy };
}

/** Free times at the showroom where the car (by code) stands; without a car, at the main showroom. */
export async function testDriveSlotsTool(ctx: ToolContext, o: { date?: string; now: Date; limit?: number; vehicleCode?: string | null }) {
  return inTenant(ctx, async (tx) => {
    const v = o.vehicleCode ? await findVehicleByCode(tx, ctx.tenant.id, o.vehicleCode) : null;
    const { place, busy } = await calendarFor(ctx, tx, v?.branchId ?? null, o.now);
    return findSlots({ hours: place.hours, timeZone: ctx.tenant.timeZone, from: o.now, busy, onDate: o.date, limit: o.limit ?? 4 });
  });
}

export async function bookTestDriveTool(ctx: ToolContext, o: { vehicleCode: string; start: Date; now: Date }) {
  const details = await vehicleDetailsTool(ctx, o.vehicleCode);
  if (!details) return { ok: false as const, reason: "vehicle_not_available" };
  const booked = await inTenant(ctx, async (tx) => {
    const { place, busy } = await calendarFor(ctx, tx, details.branchId, o.now);
    if (o.start.getTime() < o.now.getTime() + 60 * 60_000 || !isSlotFree({ hours: place.hours, timeZone: ctx.tenant.timeZone, at: o.start, busy })) return null;
    const [lead] = ctx.leadId ? await tx.select({ assigned: leads.assignedUserId }).from(leads).where(eq(leads.id, ctx.leadId)) : [];
    const [row] = await tx.insert(appointments).values({
      tenantId: ctx.tenant.id, leadId: ctx.leadId, contactId: ctx.contactId, vehicleId: details.id, branchId: details.branchId, assignedUserId: lead?.assigned ?? null,
      kind: "test_drive", startsAt: o.start, endsAt: new Date(o.start.getTime() + 45 * 60_000), status: "booked", createdBy: "assistant",
    }).returning();
    return row;
  });
  if (!booked) return { ok: false as const, reason: "slot_taken" };
  return { ok: true as const, appointmentId: booked.id, vehicle: details.vehicle, start: o.start };
}

export async function recordPreferencesTool(ctx: ToolContext, e: Entities) {
  if (!ctx.leadId) return;
  const prefs: LeadPreferences = {};
  if (e.make) prefs.makes = [e.make];
  if (e.model) prefs.models = [e.model];
  if (e.fuel) prefs.fuel = e.fuel;
  if (e.transmission) prefs.transmission = e.transmission;
  if (e.body) prefs.body = e.body;
  if (e.minYear) prefs.minYear = e.minYear;
  if (e.maxKm) prefs.maxKm = e.maxKm;
  if (e.color) prefs.color = e.color;
  if (Object.keys(prefs).length === 0 && !e.maxPrice) return;
  await inTenant(ctx, async (tx) => {
    const [lead] = await tx.select({ preferences: leads.preferences }).from(leads).where(eq(leads.id, ctx.leadId!));
    await tx.update(leads).set({ preferences: { ...(lead?.preferences ?? {}), ...prefs }, ...(e.maxPrice ? { budgetMax: e.maxPrice } : {}), ...(e.minPrice ? { budgetMin: e.minPrice } : {}) })
      .where(eq(leads.id, ctx.leadId!));
  });
}

/** The dealer's own entries that answer the question, with every figure in them (a "12 months" or a fee may then be quoted). */
export async function searchKnowledgeTool(ctx: ToolContext, query: string, lang: Lang): Promise<{ entries: KnowledgeHit[]; numbers: number[] }> {
  const entries = await inTenant(ctx, (tx) => searchKnowledge(tx, ctx.tenant.id, query, lang));
  const numbers = entries.flatMap((e) => findNumbers(`${e.title}\n${e.body}`).map((n) => n.value));
  return { entries, numbers };
}
