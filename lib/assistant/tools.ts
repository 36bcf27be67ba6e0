import { and, asc, eq, gt, gte, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { isUuid } from "@/lib/api/validate";
import { withTenant } from "@/db/tenant";
import { appointments, leads, vehicles, type LeadPreferences } from "@/db/schema";
import { appointmentsAt, listShowrooms, showroomOfVehicle, type Showroom } from "@/lib/branches";
import { formatOpeningHours } from "@/lib/scheduling/format-hours";
import { vehicleUrl } from "@/lib/catalog/urls";
import { financingQuote } from "@/lib/financing";
import { featureKindsIn, featureName, isFeatureKind } from "@/lib/inventory/feature-words";
import { findVehicleByCode, firstMatches, vehicleConditions, type VehicleFilters } from "@/lib/inventory/search";
import { findSlots, isSlotFree } from "@/lib/scheduling/hours";
import { zonedParts } from "@/lib/scheduling/zoned";
import type { Tenant } from "@/lib/tenancy";
import { findNumbers } from "./understand/amounts";
import { searchKnowledge, type KnowledgeHit } from "./knowledge";
import { tradeInName, tradeInValuable, type VehicleForReply as ReplyVehicle } from "./replies";
import type { Entities, Lang } from "./types";

type Vehicle = typeof vehicles.$inferSelect;
/** `tx`: run every read and write in the caller's transaction (the playground rolls it back) instead of one each. */
/** `bookedBy`: who a booking is recorded as made by: the assistant, unless staff book from the lead card. */
export type ToolContext = { tenant: Tenant; leadId: string | null; contactId: string; conversationId: string; tx?: Tx; bookedBy?: "assistant" | "staff" };

function inTenant<T>(ctx: { tenant: Tenant; tx?: Tx }, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.tx ? work(ctx.tx) : withTenant(ctx.tenant.id, work);
}

// Only public fields ever leave the tools: never plate, stock code, cost price or internal notes.
/** What a reply shows of a car, and all a search for one reads. */
const replyColumns = {
  code: vehicles.code, make: vehicles.make, model: vehicles.model, variant: vehicles.variant, year: vehicles.year, price: vehicles.price,
  mileageKm: vehicles.mileageKm, fuel: vehicles.fuel, transmission: vehicles.transmission, status: vehicles.status, slug: vehicles.slug,
};

export function toReplyVehicle(tenant: Tenant, v: Pick<Vehicle, keyof typeof replyColumns>): ReplyVehicle {
  return {
    code: v.code, make: v.make, model: v.model, variant: v.variant, year: v.year, price: v.price, mileageKm: v.mileageKm,
    fuel: v.fuel, transmission: v.transmission, status: v.status, url: vehicleUrl(tenant, v.slug),
  };
}

const relaxOrder: (keyof VehicleFilters)[] = ["color", "features", "maxKm", "minYear", "maxYear", "body", "fuel", "transmission", "model", "maxPrice"];

const textFilters = ["make", "model", "fuel", "transmission", "body", "color", "order"] as const;
const numericFilters = ["minPrice", "maxPrice", "minYear", "maxYear", "maxKm"] as const;
const wordsIn = (list: unknown[]) => list.filter((w): w is string => typeof w === "string" && w.trim() !== "").map((w) => w.trim());

/**
 * The search filters of an understood message or of a model's tool input (a model's output): words as words, figures
 * as numbers ("20000" too; "20k" is left out rather than failing the search), several makes only as a list, equipment
 * as a list or a lone word; nothing else. What it returns can be searched and kept for the next answer.
 */
export function searchFiltersOf(input: Record<string, unknown>): Entities {
  const e: Record<string, unknown> = {};
  for (const k of textFilters) if (typeof input[k] === "string" && input[k].trim()) e[k] = input[k].trim();
  for (const k of numericFilters) {
    const v = input[k];
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isFinite(n)) e[k] = n;
  }
  const makes = Array.isArray(input.makes) ? wordsIn(input.makes) : [];
  if (makes.length) e.makes = makes;
  const features = wordsIn(Array.isArray(input.features) ? input.features : [input.features]);
  if (features.length) e.features = features;
  return e as Entities;
}

/** The line a model of several words belongs to ("Xpander Cross" → "Xpander"); null for a one-word model. */
function modelLine(model: string): string | null {
  const first = model.trim().split(/\s+/);
  return first.length > 1 && first[0].length >= 2 ? first[0] : null;
}

/** Strict search first; when nothing matches, relax one constraint at a time (budget last, by 15 %). */
export async function searchInventoryTool(ctx: ToolContext, e: Entities, limit = 3) {
  const makes = makesOf(e);
  const filters: VehicleFilters = {
    ...(makes.length > 1 ? { makes } : { make: e.make }), model: e.model, modelAsNamed: true, fuel: e.fuel, transmission: e.transmission, body: e.body, color: e.color,
    minPrice: e.minPrice, maxPrice: e.maxPrice, minYear: e.minYear, maxYear: e.maxYear, maxKm: e.maxKm, sort: orderOf(e), limit,
    features: e.features ? nonEmpty(wantedFeatures(e.features)) : undefined,
  };
  return inTenant(ctx, async (tx) => {
    const strict = await firstMatches(tx, ctx.tenant.id, { ...filters, statuses: ["available"] }, replyColumns);
    if (strict.length > 0) return { vehicles: strict.map((v) => toReplyVehicle(ctx.tenant, v)), relaxed: null as string | null };
    for (const key of relaxOrder) {
      if (filters[key] === undefined) continue;
      const relaxed = { ...filters, statuses: ["available" as const] };
      if (key === "maxPrice") relaxed.maxPrice = Math.round(filters.maxPrice! * 1.15);
      else delete relaxed[key];
      // "Xpander Cross", "Yaris Cross", "Golf Variant": the same model line comes before any other model.
      const line = key === "model" ? modelLine(filters.model!) : null;
      const sameLine = line ? await firstMatches(tx, ctx.tenant.id, { ...relaxed, model: line }, replyColumns) : [];
      const found = sameLine.length > 0 ? sameLine : await firstMatches(tx, ctx.tenant.id, relaxed, replyColumns);
      if (found.length > 0) return { vehicles: found.map((v) => toReplyVehicle(ctx.tenant, v)), relaxed: key as string };
    }
    return { vehicles: [] as ReplyVehicle[], relaxed: null };
  });
}

/**
 * Whether a car of the model on offer has every word of `version` in its model or variant: "golf GTE" when only a
 * 1.5 TSI is here has not.
 */
export async function stockHasVersionTool(ctx: ToolContext, e: Pick<Entities, "make" | "model">, version: string): Promise<boolean> {
  const named = sql`${vehicles.model} || ' ' || coalesce(${vehicles.variant}, '')`;
  // Whole words of the name, compared as text, not as patterns.
  const words = version.toLowerCase().split(/\s+/).map((w) => sql`${w}`);
  const asWords = sql`regexp_split_to_array(lower(${named}), '[^[:alnum:]]+') @> array[${sql.join(words, sql`, `)}]::text[]`;
  return inTenant(ctx, async (tx) => {
    const [hit] = await tx.select({ id: vehicles.id }).from(vehicles)
      .where(and(...vehicleConditions(ctx.tenant.id, { make: e.make, model: e.model, modelAsNamed: true, statuses: ["available"] }), asWords)).limit(1);
    return Boolean(hit);
  });
}

/**
 * The car of a model the shopper asked for that is no longer on offer: reserved, or sold in the last 60 days (the
 * newest first, of the colour asked when one is). Null when the model was never here or went long ago.
 */
export async function unavailableCarTool(ctx: ToolContext, e: Entities, now: Date): Promise<{ status: "sold" | "reserved"; make: string; model: string; year: number } | null> {
  if (!e.model) return null;
  const soldSince = new Date(now.getTime() - 60 * 86_400_000);
  return inTenant(ctx, async (tx) => {
    const base = { make: e.make, model: e.model, modelAsNamed: true, minYear: e.minYear, maxYear: e.maxYear, sort: "newest" as const, limit: 5 };
    const found = [
      ...(e.color ? await firstMatches(tx, ctx.tenant.id, { ...base, color: e.color, statuses: ["reserved", "sold"] }, { ...replyColumns, soldAt: vehicles.soldAt }) : []),
      ...await firstMatches(tx, ctx.tenant.id, { ...base, statuses: ["reserved", "sold"] }, { ...replyColumns, soldAt: vehicles.soldAt }),
    ];
    const car = found.find((v) => v.status === "reserved" || (v.soldAt && v.soldAt >= soldSince));
    return car ? { status: car.status as "sold" | "reserved", make: car.make, model: car.model, year: car.year } : null;
  });
}

const sorts = { cheapest: "price_asc", dearest: "price_desc", newest: "year_desc", leastKm: "mileage_asc" } as const;
/** The order asked for ("cheapest first"); else within a budget the dearest first (the most car for it), else the newest in stock. */
function orderOf(e: Entities): VehicleFilters["sort"] {
  // Claude's tool input is a model's output: an order it made up is no order.
  const asked = typeof e.order === "string" && Object.hasOwn(sorts, e.order) ? sorts[e.order] : undefined;
  return asked ?? (e.maxPrice ? "price_desc" : "newest");
}

/** The makes asked for: several ("BMW of Audi"; from Claude only a list of words counts), else the one. */
function makesOf(e: Entities): string[] {
  const several = Array.isArray(e.makes) ? e.makes.filter((m): m is string => typeof m === "string" && m.length > 0).slice(0, 5) : [];
  return several.length > 1 ? several : e.make ? [e.make] : [];
}

/** Equipment as the search takes it: a kind it knows ("towbar"), the kinds a shopper's words name ("tow bar"), else the words. */
function wantedFeatures(asked: unknown): string[] {
  // Claude's tool input is a model's output: one word instead of a list is taken too, anything else ignored.
  const list: unknown[] = Array.isArray(asked) ? asked : [asked];
  const words = list.filter((a): a is string => typeof a === "string" && a.trim().length >= 2).map((w) => w.slice(0, 60)).slice(0, 5);
  return [...new Set(words.flatMap((w) => (isFeatureKind(w) ? [w] : nonEmpty(featureKindsIn(w)) ?? [w.trim().toLowerCase()])))];
}

const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);

const offeredStatuses = ["available", "reserved"] as const;

/** A car as a reply shows it, with where it stands when the dealer has more than one showroom. */
function placed(tenant: Tenant, v: Vehicle, places: Showroom[]) {
  const vehicle = toReplyVehicle(tenant, v);
  // A car without a branch stands at the main showroom, listed first with its own id.
  const showroom = places.find((p) => !p.isMain && p.branchId === v.branchId) ?? places[0];
  // Where the car stands only matters to a dealer with more than one showroom.
  if (places.length > 1) vehicle.location = placeLine(showroom);
  return { vehicle, showroom };
}

export async function vehicleDetailsTool(ctx: ToolContext, code: string) {
  return inTenant(ctx, async (tx) => {
    const v = await findVehicleByCode(tx, ctx.tenant.id, code);
    if (!v || !(offeredStatuses as readonly string[]).includes(v.status)) return null;
    const { vehicle, showroom } = placed(ctx.tenant, v, await listShowrooms(tx, ctx.tenant));
    return { vehicle, features: v.features, color: v.color, description: v.description, id: v.id, branchId: v.branchId, showroom };
  });
}

/**
 * Two or three of the dealer's available cars side by side, by code, read in one statement; codes it does not have
 * (or no longer offers) come back as `unknown`.
 */
export async function compareVehiclesTool(ctx: ToolContext, codes: string[]) {
  const wanted = [...new Set(codes.map((c) => String(c).toUpperCase()))].slice(0, 3);
  const cars = wanted.length === 0 ? [] : await inTenant(ctx, async (tx) => {
    const [rows, places] = await Promise.all([
      tx.select().from(vehicles).where(and(eq(vehicles.tenantId, ctx.tenant.id), inArray(vehicles.code, wanted), inArray(vehicles.status, [...offeredStatuses]))),
      listShowrooms(tx, ctx.tenant),
    ]);
    return rows.map((v) => ({ ...placed(ctx.tenant, v, places).vehicle, features: v.features, color: v.color }));
  });
  return {
    vehicles: wanted.flatMap((code) => cars.filter((c) => c.code === code)),
    unknown: wanted.filter((code) => !cars.some((c) => c.code === code)),
  };
}

const addressOf = (s: Showroom) => [s.address?.street, s.address?.city].filter(Boolean).join(", ");
export const placeLine = (s: Showroom) => [s.name, addressOf(s)].filter(Boolean).join(", ");
const mapLinkOf = (s: Showroom) => s.mapUrl ?? `https://maps.google.com/?q=${encodeURIComponent(addressOf(s) || s.name)}`;

export type ShowroomForReply = { id: string | null; name: string; city: string | null; address: string; hours: string; mapUrl: string; phone: string | null };

/** Every showroom with its address, hours (in the shopper's language, with the closed days soon after `now`) and map link; the main one first. */
export async function allShowroomsTool(ctx: ToolContext, lang: Lang, now = new Date()): Promise<ShowroomForReply[]> {
  const places = await inTenant(ctx, (tx) => listShowrooms(tx, ctx.tenant));
  const today = zonedParts(now, ctx.tenant.timeZone).date;
  return places.map((s) => ({
    id: s.branchId, name: s.name, city: s.address?.city ?? null, address: addressOf(s) || s.name, hours: formatOpeningHours(s.hours, lang, today), mapUrl: mapLinkOf(s), phone: s.phone,
  }));
}

/** The dealer's showrooms for a "where are you?" answer; null for a single location (the profile address answers that). */
export async function showroomsTool(ctx: ToolContext, lang: Lang, now?: Date) {
  const places = await allShowroomsTool(ctx, lang, now);
  return places.length < 2 ? null : places;
}

export function financingTool(ctx: ToolContext, v: ReplyVehicle, o: { downPaymentPct?: number; months?: number } = {}) {
  const f = ctx.tenant.settings.financing ?? { ratePct: 7.9, termMonths: 60, downPaymentPct: 10 };
  return financingQuote({ price: v.price, downPaymentPct: o.downPaymentPct ?? f.downPaymentPct, ratePct: f.ratePct, months: o.months ?? f.termMonths, currency: ctx.tenant.currency });
}


/** The showroom a car stands in or the one chosen (the main one for none), with the appointments already in its calendar. */
async function calendarFor(ctx: ToolContext, tx: Tx, branchId: string | null, from: Date, except: string | null = null) {
  // A showroom id may come from the model: anything not a uuid is the main showroom, like another dealer's id.
  const named = branchId && isUuid(branchId) ? await showroomOfVehicle(tx, ctx.tenant, branchId) : null;
  // The main showroom as listed, so a booking there records its id rather than none.
  const place = named && !named.isMain ? named : (await listShowrooms(tx, ctx.tenant))[0];
  const busy = await tx.select({ start: appointments.startsAt, end: appointments.endsAt }).from(appointments)
    .where(and(eq(appointments.tenantId, ctx.tenant.id), gte(appointments.endsAt, from), inArray(appointments.status, ["booked", "confirmed"]), appointmentsAt(place),
      except ? ne(appointments.id, except) : undefined));
  return { place, busy };
}

/** The shopper's own upcoming booking of this car (or visit, `vehicleId` null): a new time moves it rather than adding one. */
async function ownBooking(ctx: ToolContext, tx: Tx, kind: Booking["kind"], vehicleId: string | null, now: Date): Promise<{ id: string; startsAt: Date } | null> {
  if (!ctx.leadId) return null;
  const [own] = await tx.select({ id: appointments.id, startsAt: appointments.startsAt }).from(appointments).where(and(
    eq(appointments.tenantId, ctx.tenant.id), eq(appointments.leadId, ctx.leadId), eq(appointments.kind, kind),
    vehicleId ? eq(appointments.vehicleId, vehicleId) : isNull(appointments.vehicleId), inArray(appointments.status, ["booked", "confirmed"]), gt(appointments.startsAt, now),
  )).orderBy(asc(appointments.startsAt)).limit(1);
  return own ?? null;
}

/**
 * Free times at the showroom where the car (by code) stands; without a car, at the given showroom (default: the main
 * one). `withinHours`: only times starting within these local hours, [from, to) ("tomorrow afternoon", "na vijven").
 */
export async function testDriveSlotsTool(ctx: ToolContext, o: { date?: string; now: Date; limit?: number; vehicleCode?: string | null; showroomId?: string | null; withinHours?: [number, number]; every?: boolean }) {
  return inTenant(ctx, async (tx) => {
    const v = o.vehicleCode ? await findVehicleByCode(tx, ctx.tenant.id, o.vehicleCode) : null;
    const own = await ownBooking(ctx, tx, v ? "test_drive" : "visit", v?.id ?? null, o.now);
    const { place, busy } = await calendarFor(ctx, tx, v ? v.branchId : (o.showroomId ?? null), o.now, own?.id);
    return findSlots({ hours: place.hours, timeZone: ctx.tenant.timeZone, from: o.now, busy, onDate: o.date, limit: o.limit ?? 4, withinHours: o.withinHours, every: o.every });
  });
}

// `showroomBranchId`: the car's branch or the chosen one; the appointment records the showroom it resolves to.
type Booking = { vehicleId: string | null; kind: "test_drive" | "visit"; showroomBranchId: string | null; start: Date; now: Date };

/**
 * Null when the time is too soon or no longer free at that showroom. The shopper's own booking of the same car moves
 * (`movedFrom`: its time before); asked again for the time it has, it stays as it is (`unchanged`).
 */
async function insertAppointment(ctx: ToolContext, b: Booking): Promise<{ id: string; place: Showroom; movedFrom: Date | null; unchanged: boolean } | null> {
  return inTenant(ctx, async (tx) => {
    // One booking at a time per dealer, until its transaction ends: two shoppers (or a rep and the assistant) asking
    // for the same time would otherwise both find it free and both be booked.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`appointments:${ctx.tenant.id}`}, 0))`);
    const own = await ownBooking(ctx, tx, b.kind, b.vehicleId, b.now);
    const { place, busy } = await calendarFor(ctx, tx, b.showroomBranchId, b.now, own?.id);
    if (b.start.getTime() < b.now.getTime() + 60 * 60_000 || !isSlotFree({ hours: place.hours, timeZone: ctx.tenant.timeZone, at: b.start, busy })) return null;
    const endsAt = new Date(b.start.getTime() + 45 * 60_000);
    if (own?.startsAt.getTime() === b.start.getTime()) return { id: own.id, place, movedFrom: null, unchanged: true };
    if (own) {
      await tx.update(appointments).set({ startsAt: b.start, endsAt, branchId: place.branchId, status: "booked", updatedAt: b.now })
        .where(and(eq(appointments.tenantId, ctx.tenant.id), eq(appointments.id, own.id)));
      return { id: own.id, place, movedFrom: own.startsAt, unchanged: false };
    }
    const [lead] = ctx.leadId ? await tx.select({ assigned: leads.assignedUserId }).from(leads).where(eq(leads.id, ctx.leadId)) : [];
    const [row] = await tx.insert(appointments).values({
      tenantId: ctx.tenant.id, leadId: ctx.leadId, contactId: ctx.contactId, vehicleId: b.vehicleId, branchId: place.branchId, assignedUserId: lead?.assigned ?? null,
      kind: b.kind, startsAt: b.start, endsAt, status: "booked", createdBy: ctx.bookedBy ?? "assistant",
    }).returning({ id: appointments.id });
    return { id: row.id, place, movedFrom: null, unchanged: false };
  });
}

/** A test drive happens where the car stands: the booking records that showroom. */
export async function bookTestDriveTool(ctx: ToolContext, o: { vehicleCode: string; start: Date; now: Date }) {
  const details = await vehicleDetailsTool(ctx, o.vehicleCode);
  if (!details) return { ok: false as const, reason: "vehicle_not_available" };
  const booked = await insertAppointment(ctx, { vehicleId: details.id, kind: "test_drive", showroomBranchId: details.branchId, start: o.start, now: o.now });
  if (!booked) return { ok: false as const, reason: "slot_taken" };
  return { ok: true as const, appointmentId: booked.id, vehicle: details.vehicle, start: o.start, movedFrom: booked.movedFrom, unchanged: booked.unchanged };
}

/** A visit without a particular car at the showroom the shopper chose (a foreign or unknown id is the main showroom). */
export async function bookVisitTool(ctx: ToolContext, o: { showroomId: string | null; start: Date; now: Date }) {
  const booked = await insertAppointment(ctx, { vehicleId: null, kind: "visit", showroomBranchId: o.showroomId, start: o.start, now: o.now });
  if (!booked) return { ok: false as const, reason: "slot_taken" };
  return { ok: true as const, appointmentId: booked.id, place: placeLine(booked.place), showroomId: booked.place.branchId, start: o.start, movedFrom: booked.movedFrom, unchanged: booked.unchanged };
}

/**
 * Cancels the shopper's own next test drive or visit, at their request: null when they have none coming. `which` narrows
 * it to their test drive of one car (by code), to one kind or to one appointment (the lead card's Cancel); it never reaches past this lead's own appointments. The car
 * is a `vehicle` only while it is still on offer (a sold one's card would be no stock to show); `car` names it either way.
 */
export async function cancelOwnBookingTool(ctx: ToolContext, now: Date, which: { vehicleCode?: string; kind?: Booking["kind"]; appointmentId?: string } = {}) {
  if (!ctx.leadId) return null;
  const leadId = ctx.leadId;
  return inTenant(ctx, async (tx) => {
    const asked = which.vehicleCode ? await findVehicleByCode(tx, ctx.tenant.id, which.vehicleCode) : null;
    if (which.vehicleCode && !asked) return null;
    const [own] = await tx.select({ id: appointments.id, kind: appointments.kind, startsAt: appointments.startsAt, vehicleId: appointments.vehicleId }).from(appointments).where(and(
      eq(appointments.tenantId, ctx.tenant.id), eq(appointments.leadId, leadId), inArray(appointments.status, ["booked", "confirmed"]), gt(appointments.startsAt, now),
      asked ? eq(appointments.vehicleId, asked.id) : undefined, which.kind ? eq(appointments.kind, which.kind) : undefined,
      which.appointmentId ? eq(appointments.id, which.appointmentId) : undefined,
    )).orderBy(asc(appointments.startsAt)).limit(1);
    if (!own) return null;
    await tx.update(appointments).set({ status: "cancelled", updatedAt: new Date() }).where(eq(appointments.id, own.id));
    const [car] = own.vehicleId
      ? await tx.select(replyColumns).from(vehicles).where(and(eq(vehicles.tenantId, ctx.tenant.id), eq(vehicles.id, own.vehicleId))).limit(1)
      : [];
    const onOffer = car && (offeredStatuses as readonly string[]).includes(car.status);
    return {
      appointmentId: own.id, kind: own.kind as Booking["kind"], start: own.startsAt,
      vehicle: onOffer ? toReplyVehicle(ctx.tenant, car) : undefined, car: car ? { make: car.make, model: car.model, year: car.year } : undefined,
    };
  });
}

export async function recordPreferencesTool(ctx: ToolContext, e: Entities) {
  if (!ctx.leadId) return;
  const prefs: LeadPreferences = {};
  const makes = makesOf(e);
  if (makes.length) prefs.makes = makes;
  if (e.model) prefs.models = [e.model];
  if (e.fuel) prefs.fuel = e.fuel;
  if (e.transmission) prefs.transmission = e.transmission;
  if (e.body) prefs.body = e.body;
  if (e.minYear) prefs.minYear = e.minYear;
  if (e.maxKm) prefs.maxKm = e.maxKm;
  if (e.color) prefs.color = e.color;
  const features = e.features ? wantedFeatures(e.features).map(featureName) : [];
  if (features.length) prefs.features = features;
  // The lead card shows it: in the dashboard's words (English), its mileage the dealer's way.
  const tradeIn = tradeInValuable(e.tradeIn) ? tradeInName(e.tradeIn, ctx.tenant.locale) : null;
  if (tradeIn) prefs.tradeIn = tradeIn;
  if (Object.keys(prefs).length === 0 && !e.maxPrice) return;
  // jsonb's || replaces the keys given and keeps the others: one statement, and no lost update between a read and a write.
  await inTenant(ctx, (tx) => tx.update(leads)
    .set({ preferences: sql`${leads.preferences} || ${JSON.stringify(prefs)}::jsonb`, ...(e.maxPrice ? { budgetMax: e.maxPrice } : {}), ...(e.minPrice ? { budgetMin: e.minPrice } : {}) })
    .where(eq(leads.id, ctx.leadId!)));
}

/** The dealer's own entries that answer the question, with every figure in them (a "12 months" or a fee may then be quoted). */
export async function searchKnowledgeTool(ctx: ToolContext, query: string, lang: Lang): Promise<{ entries: KnowledgeHit[]; numbers: number[] }> {
  const entries = await inTenant(ctx, (tx) => searchKnowledge(tx, ctx.tenant.id, query, lang));
  const numbers = entries.flatMap((e) => findNumbers(`${e.title}\n${e.body}`).map((n) => n.value));
  return { entries, numbers };
}
