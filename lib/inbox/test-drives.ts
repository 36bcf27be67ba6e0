import { and, asc, desc, eq, ilike, inArray, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { appointments, contacts, conversations, vehicles } from "@/db/schema";
import { sendEvent, type OutgoingEvent } from "@/inngest/dispatch";
import { bookTestDriveTool, cancelOwnBookingTool, testDriveSlotsTool, type ToolContext } from "@/lib/assistant/tools";
import { isUuid } from "@/lib/api/validate";
import { replyTenantOf } from "@/lib/assistant/context";
import { composeReply } from "@/lib/assistant/replies";
import { langFromLocale, languages, type Lang } from "@/lib/assistant/types";
import { isInsideCustomerServiceWindow } from "@/lib/channels/whatsapp-cloud";
import { noteOnLeadTimeline } from "@/lib/conversations";
import { queueOutboundMessage } from "@/lib/conversations/outbound";
import { changeLeadStage, leadStageChangedEvent } from "@/lib/leads/leads";
import { advanceStage, stageChangeFlags } from "@/lib/leads/signals";
import type { Tenant } from "@/lib/tenancy";
import type { Viewer } from "./access";
import { loadVisibleLead } from "./commands";

// Staff book, move and cancel test drives through the assistant's own booking tools: one calendar, one set of rules.

export type TestDriveResult = { ok: true; appointmentId: string; moved: boolean } | { ok: false; error: string; fieldErrors?: Record<string, string> };
export type CarChoice = { id: string; code: string; make: string; model: string; year: number };

const leadNotFound = { ok: false, error: "This lead does not exist or is not yours to see." } as const;
const carNotFound = { ok: false, error: "This car does not exist.", fieldErrors: { vehicleId: "Choose a car from your stock." } } as const;
const carSold = { ok: false, error: "This car is no longer for sale.", fieldErrors: { vehicleId: "This car is sold: choose another." } } as const;
const offered: ("available" | "reserved")[] = ["available", "reserved"];

async function loadCar(tx: Tx, tenantId: string, vehicleId: string) {
  if (!isUuid(vehicleId)) return null;
  const [car] = await tx.select({ code: vehicles.code, status: vehicles.status }).from(vehicles)
    .where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, vehicleId))).limit(1);
  return car ?? null;
}

const toolContext = (tenant: Tenant, tx: Tx, lead: { id: string; contactId: string }): ToolContext =>
  ({ tenant, tx, leadId: lead.id, contactId: lead.contactId, conversationId: "", bookedBy: "staff" });

/** The dealer's cars a test drive can be booked in, by code, make or model ("#a0", "golf"); the first 20. */
export async function carsForTestDrive(tenantId: string, query: string): Promise<CarChoice[]> {
  const q = query.trim().replace(/[%_\\]/g, "").slice(0, 40);
  const like = `%${q}%`;
  return withTenant(tenantId, (tx) => tx.select({ id: vehicles.id, code: vehicles.code, make: vehicles.make, model: vehicles.model, year: vehicles.year }).from(vehicles)
    .where(and(eq(vehicles.tenantId, tenantId), inArray(vehicles.status, offered),
      q ? or(ilike(vehicles.code, like), ilike(vehicles.make, like), ilike(vehicles.model, like)) : undefined))
    .orderBy(asc(vehicles.make), asc(vehicles.model), asc(vehicles.code)).limit(20));
}

/** Every free start on a local date for this car, as the assistant finds them (hours, closed days, its showroom's calendar). */
export async function freeTestDriveTimes(tenant: Tenant, viewer: Viewer, input: { leadId: string; vehicleId: string; date: string }, now = new Date()): Promise<{ ok: true; times: Date[] } | { ok: false; error: string; fieldErrors?: Record<string, string> }> {
  return withTenant(tenant.id, async (tx) => {
    const lead = await loadVisibleLead(tx, tenant.id, input.leadId, viewer);
    if (!lead) return leadNotFound;
    const car = await loadCar(tx, tenant.id, input.vehicleId);
    if (!car) return carNotFound;
    if (!offered.some((s) => s === car.status)) return carSold;
    const times = await testDriveSlotsTool(toolContext(tenant, tx, lead), { now, date: input.date, vehicleCode: car.code, every: true, limit: 48 });
    return { ok: true, times };
  });
}

/**
 * Books the lead's test drive of a car, as the assistant does: the lead's upcoming test drive of the same car moves
 * instead of a second one being added. The timeline says which staff member did it, and the lead moves on to
 * "test drive" unless it is further along.
 */
export async function bookTestDriveAsStaff(tenant: Tenant, viewer: Viewer, input: { leadId: string; vehicleId: string; start: Date; confirm?: boolean }, now = new Date()): Promise<TestDriveResult> {
  if (input.start.getTime() <= now.getTime()) return { ok: false, error: "That time has passed.", fieldErrors: { start: "Pick a time later than now." } };
  const events: OutgoingEvent[] = [];
  const said: { confirmation?: { conversationId: string; body: string } | null } = {};
  const result = await withTenant(tenant.id, async (tx): Promise<TestDriveResult> => {
    const lead = await loadVisibleLead(tx, tenant.id, input.leadId, viewer);
    if (!lead) return leadNotFound;
    const car = await loadCar(tx, tenant.id, input.vehicleId);
    if (!car) return carNotFound;
    const r = await bookTestDriveTool(toolContext(tenant, tx, lead), { vehicleCode: car.code, start: input.start, now });
    if (!r.ok && r.reason === "vehicle_not_available") return carSold;
    if (!r.ok) return { ok: false, error: "That time is no longer free.", fieldErrors: { start: "That time is taken or outside opening hours: pick another." } };
    if (r.unchanged) return { ok: true, appointmentId: r.appointmentId, moved: false };
    if (r.movedFrom) {
      await noteOnLeadTimeline(tx, tenant.id, lead.id, `Test drive moved by ${viewer.name}`, { event: "appointment_moved", appointmentId: r.appointmentId, from: r.movedFrom, byUserId: viewer.userId });
      events.push({ name: "appointment/rescheduled", data: { tenantId: tenant.id, appointmentId: r.appointmentId, previousStartsAt: r.movedFrom.toISOString() } });
    } else {
      await noteOnLeadTimeline(tx, tenant.id, lead.id, `Test drive booked by ${viewer.name}`, { event: "test_drive_booked", appointmentId: r.appointmentId, byUserId: viewer.userId });
      events.push({ name: "appointment/booked", data: { tenantId: tenant.id, appointmentId: r.appointmentId } });
    }
    const stage = advanceStage(lead.stage, "test_drive");
    if (stage !== lead.stage) {
      const [changed, found] = await Promise.all([
        changeLeadStage(tx, tenant.id, lead.id, stage, { actorUserId: viewer.userId }),
        stageChangeFlags(tx, tenant.id, { from: lead.stage, to: stage }),
      ]);
      if (changed?.changed && found) events.push(leadStageChangedEvent(tenant.id, lead.id, { from: lead.stage, to: stage }, found));
    }
    if (input.confirm) said.confirmation = await confirmationFor(tx, tenant, lead, { start: input.start, vehicle: r.vehicle, moved: Boolean(r.movedFrom) }, now);
    return { ok: true, appointmentId: r.appointmentId, moved: Boolean(r.movedFrom) };
  });
  if (!result.ok) return result;
  for (const e of events) await sendEvent(e);
  if (said.confirmation) {
    const { conversationId, body } = said.confirmation;
    await queueOutboundMessage(tenant.id, { conversationId, senderKind: "staff", senderUserId: viewer.userId, body });
  }
  return result;
}

type BookingSaid = NonNullable<Parameters<typeof composeReply>[0]["booking"]>;

/**
 * The assistant's own confirmation of a booking, in the shopper's language, for the lead's WhatsApp conversation: only
 * while its 24-hour window is open (free text is refused outside it), else nothing.
 */
async function confirmationFor(tx: Tx, tenant: Tenant, lead: { id: string; contactId: string }, booking: BookingSaid, now: Date) {
  const [conv] = await tx.select({ id: conversations.id, lastInboundAt: conversations.lastInboundAt, language: contacts.language }).from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.tenantId, tenant.id), eq(conversations.leadId, lead.id), eq(conversations.medium, "whatsapp")))
    .orderBy(desc(conversations.lastMessageAt)).limit(1);
  if (!conv || !isInsideCustomerServiceWindow(conv.lastInboundAt, now)) return null;
  const lang: Lang = (languages as readonly string[]).includes(conv.language ?? "") ? (conv.language as Lang) : langFromLocale(tenant.locale);
  return { conversationId: conv.id, body: composeReply({ lang, intent: "test_drive", tenant: replyTenantOf(tenant, lang, now), booking }) };
}

/** Cancels one upcoming test drive of a lead the viewer may see, through the assistant's own cancellation. */
export async function cancelTestDriveAsStaff(tenant: Tenant, viewer: Viewer, input: { appointmentId: string }, now = new Date()): Promise<TestDriveResult> {
  const notFound = { ok: false, error: "This test drive does not exist or is not yours to see." } as const;
  if (!isUuid(input.appointmentId)) return notFound;
  return withTenant(tenant.id, async (tx): Promise<TestDriveResult> => {
    const [appt] = await tx.select().from(appointments).where(and(eq(appointments.tenantId, tenant.id), eq(appointments.id, input.appointmentId))).limit(1);
    if (!appt?.leadId || appt.kind !== "test_drive") return notFound;
    const lead = await loadVisibleLead(tx, tenant.id, appt.leadId, viewer);
    if (!lead) return notFound;
    const c = await cancelOwnBookingTool(toolContext(tenant, tx, lead), now, { appointmentId: appt.id });
    if (!c) return { ok: false, error: "Only a test drive still to come can be cancelled." };
    await noteOnLeadTimeline(tx, tenant.id, lead.id, `Test drive cancelled by ${viewer.name}`, { event: "appointment_cancelled", appointmentId: appt.id, byUserId: viewer.userId });
    return { ok: true, appointmentId: appt.id, moved: false };
  });
}
