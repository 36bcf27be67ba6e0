import { randomUUID } from "node:crypto";
import { and, desc, eq, notInArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversations, leadActivities, leads, vehicles, type LeadSource, type LeadStage, type LeadPreferences } from "@/db/schema";
import { noteOnLeadTimeline } from "@/lib/conversations";

export type Lead = typeof leads.$inferSelect;

export type LeadInput = {
  source: LeadSource;
  vehicleId?: string | null;
  budgetMax?: number | null;
  budgetMin?: number | null;
  preferences?: LeadPreferences;
  externalRef?: string | null;
  rawAnswers?: Record<string, unknown> | null;
  notes?: string | null;
  branchId?: string | null;
  /** When the shopper was last heard from (default now; a message's own time for a message). */
  activityAt?: Date;
};

export const closedStages: LeadStage[] = ["won", "lost"];

/**
 * The lead/created event. `found` is what its sender looked up: whether the dealer has a webhook endpoint for new
 * leads, a sequence a new lead can enter and automatic assignment on (inngest/events.ts); a sender that did not look
 * says yes to all, so the runs start and find out themselves. All are always present, so the functions' conditions
 * never meet a missing field.
 */
export function leadCreatedEvent(tenantId: string, leadId: string, source: LeadSource, found = { webhooks: true, sequences: true, assign: true }) {
  return {
    name: "lead/created", id: `lead-created-${leadId}`,
    data: { tenantId, leadId, source, webhooks: found.webhooks, sequences: found.sequences, assign: found.assign },
  };
}

/**
 * The lead/stage.changed event. `found` is what its sender looked up (`stageChangeFlags`): whether the dealer has a
 * webhook endpoint for stage changes and an enabled sequence a stage change can start; a sender that did not look says
 * yes to both, so the runs start and find out themselves. Both are always present, as with lead/created.
 */
export function leadStageChangedEvent(tenantId: string, leadId: string, change: { from: string; to: string; reason?: string | null }, found = { webhooks: true, sequences: true }) {
  return {
    name: "lead/stage.changed",
    data: { tenantId, leadId, from: change.from, to: change.to, ...(change.reason && change.to === "lost" ? { reason: change.reason } : {}), webhooks: found.webhooks, sequences: found.sequences },
  };
}

/**
 * A new inquiry from a known contact joins their open lead instead of creating a duplicate;
 * `created` tells the caller whether lead/created should be announced.
 */
export async function findOrCreateOpenLead(tx: Tx, tenantId: string, contactId: string, input: LeadInput): Promise<{ lead: Lead; created: boolean }> {
  if (input.externalRef) {
    const [same] = await tx
      .select()
      .from(leads)
      .where(and(eq(leads.tenantId, tenantId), eq(leads.source, input.source), eq(leads.externalRef, input.externalRef)))
      .limit(1);
    if (same) return { lead: same, created: false };
  }
  const now = new Date();
  const merges = Boolean(input.vehicleId || input.budgetMax || input.rawAnswers || input.notes);
  if (!merges) {
    const touched = await touchOpenLead(tx, tenantId, contactId, input.activityAt ?? now);
    if (touched) {
      await logInquiry(tx, tenantId, touched.id, input.source);
      return { lead: touched, created: false };
    }
  }
  // Without anything to merge, the statement above found no open lead: there is none to read.
  const [open] = merges ? await tx.select().from(leads).where(eq(leads.id, openLeadOf(tx, tenantId, contactId))) : [];
  if (open) {
    const patch: Partial<Lead> = { lastActivityAt: input.activityAt ?? now, updatedAt: now };
    if (input.vehicleId && !open.vehicleId) patch.vehicleId = input.vehicleId;
    if (input.budgetMax && !open.budgetMax) patch.budgetMax = input.budgetMax;
    if (input.rawAnswers) patch.rawAnswers = { ...(open.rawAnswers ?? {}), ...input.rawAnswers };
    if (input.notes) patch.notes = open.notes ? `${open.notes}\n${input.notes}` : input.notes;
    const [updated] = await tx.update(leads).set(patch).where(eq(leads.id, open.id)).returning();
    await logInquiry(tx, tenantId, open.id, input.source);
    return { lead: updated, created: false };
  }
  return { lead: await createLead(tx, tenantId, contactId, input), created: true };
}

/** The id of the contact's open lead: the one heard from last, when they have several. */
const openLeadOf = (tx: Tx, tenantId: string, contactId: string) =>
  tx.select({ id: leads.id }).from(leads)
    .where(and(eq(leads.tenantId, tenantId), eq(leads.contactId, contactId), notInArray(leads.stage, closedStages)))
    .orderBy(desc(leads.lastActivityAt))
    .limit(1);

/** Nothing to merge (a message): the contact's open lead is found and touched in one statement; null if none is open. */
export async function touchOpenLead(tx: Tx, tenantId: string, contactId: string, at: Date): Promise<Lead | null> {
  const [touched] = await tx.update(leads).set({ lastActivityAt: at, updatedAt: new Date() }).where(eq(leads.id, openLeadOf(tx, tenantId, contactId))).returning();
  return touched ?? null;
}

/** The timeline's note that a known lead asked again. */
export function logInquiry(tx: Tx, tenantId: string, leadId: string, source: LeadSource) {
  return tx.insert(leadActivities).values({ tenantId, leadId, type: "inquiry", data: { source } });
}

/**
 * A new lead and its "created" activity. The id is made here, so both are sent together (one round trip); a caller
 * that writes more rows naming the lead passes its own.
 */
export async function createLead(tx: Tx, tenantId: string, contactId: string, input: LeadInput, id: string = randomUUID()): Promise<Lead> {
  const [[lead]] = await Promise.all([
    tx.insert(leads).values({
      id, tenantId, contactId, source: input.source, vehicleId: input.vehicleId ?? null,
      budgetMin: input.budgetMin ?? null, budgetMax: input.budgetMax ?? null, preferences: input.preferences ?? {},
      externalRef: input.externalRef ?? null, rawAnswers: input.rawAnswers ?? null, notes: input.notes ?? null,
      branchId: input.branchId ?? null, lastActivityAt: input.activityAt ?? new Date(),
    }).returning(),
    tx.insert(leadActivities).values({ tenantId, leadId: id, type: "created", data: { source: input.source } }),
  ]);
  return lead;
}

export async function changeLeadStage(tx: Tx, tenantId: string, leadId: string, to: LeadStage, opts: { actorUserId?: string | null; lostReason?: string; wonAmount?: number } = {}) {
  const [lead] = await tx.select().from(leads).where(and(eq(leads.tenantId, tenantId), eq(leads.id, leadId))).limit(1);
  if (!lead) return null;
  if (lead.stage === to) return { lead, from: lead.stage, changed: false };
  const now = new Date();
  const patch: Partial<Lead> = { stage: to, updatedAt: now, lastActivityAt: now };
  if (to === "contacted" && !lead.contactedAt) patch.contactedAt = now;
  if (to === "won") {
    // The sale's amount as given, else as recorded before, else the asking price of the lead's car.
    const carPrice = opts.wonAmount === undefined && lead.wonAmount === null && lead.vehicleId
      ? (await tx.select({ price: vehicles.price }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, lead.vehicleId))))[0]?.price
      : undefined;
    Object.assign(patch, { wonAt: now, wonAmount: opts.wonAmount ?? lead.wonAmount ?? carPrice ?? null });
  }
  if (to === "lost") Object.assign(patch, { lostAt: now, lostReason: opts.lostReason ?? lead.lostReason });
  const [updated] = await tx.update(leads).set(patch).where(eq(leads.id, leadId)).returning();
  await tx.insert(leadActivities).values({
    tenantId, leadId, type: "stage_changed", actorUserId: opts.actorUserId ?? null,
    data: { from: lead.stage, to, ...(opts.lostReason ? { reason: opts.lostReason } : {}) },
  });
  return { lead: updated, from: lead.stage, changed: true };
}

export async function assignLead(tx: Tx, tenantId: string, leadId: string, userId: string | null, actorUserId?: string | null) {
  const [updated] = await tx
    .update(leads)
    .set({ assignedUserId: userId, updatedAt: new Date() })
    .where(and(eq(leads.tenantId, tenantId), eq(leads.id, leadId)))
    .returning();
  if (updated) await tx.insert(leadActivities).values({ tenantId, leadId, type: "assigned", actorUserId: actorUserId ?? null, data: { userId } });
  return updated ?? null;
}

/**
 * Gives a lead to a colleague (or to nobody) the way the dashboard shows it: on the lead, on its conversations, and as
 * an entry in its timeline. `actorUserId` null: the system did it.
 */
export async function handOverLead(tx: Tx, tenantId: string, leadId: string, userId: string | null, o: { actorUserId: string | null; note: string; meta?: Record<string, unknown> }) {
  await assignLead(tx, tenantId, leadId, userId, o.actorUserId);
  await tx.update(conversations).set({ assignedUserId: userId, updatedAt: new Date() }).where(and(eq(conversations.tenantId, tenantId), eq(conversations.leadId, leadId)));
  await noteOnLeadTimeline(tx, tenantId, leadId, o.note, { event: "assigned", userId, ...o.meta });
}
