import { eq, exists, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { followupSequences, leadActivities, leads, tasks, tenants, webhookEndpoints, type LeadStage } from "@/db/schema";
import type { Intent } from "@/lib/assistant/types";
import { stageChangeSequences } from "@/lib/followups/enroll";
import { subscribedTo } from "@/lib/outgoing-webhooks/deliveries";
import { activeTeam, leadShowroomId, pickRecipients } from "./routing";

const intentPoints: Partial<Record<Intent, number>> = {
  test_drive: 30, price_negotiation: 25, financing: 20, trade_in: 15, handover: 15, specific_vehicle: 10, browse: 8, location: 5, opening_hours: 5,
};
export const hotIntents: Intent[] = ["test_drive", "price_negotiation", "financing"];

/** Score 0–100 from what the shopper did; intents that mean buying make the lead hot. */
export function scoreLead(o: { previous: number; intents: Intent[]; inboundCount: number; hasBudget: boolean; booked: boolean }): { score: number; hot: boolean } {
  const gained = o.intents.reduce((n, i) => n + (intentPoints[i] ?? 0), 0) + (o.hasBudget ? 5 : 0) + (o.booked ? 25 : 0);
  const engagement = Math.min(o.inboundCount * 2, 16);
  const score = Math.min(100, Math.max(o.previous, 10 + engagement + gained));
  return { score, hot: score >= 70 || o.booked || o.intents.some((i) => hotIntents.includes(i)) };
}

const stageOrder: LeadStage[] = ["new", "contacted", "qualified", "test_drive", "negotiation", "won", "lost"];
export function advanceStage(current: LeadStage, to: LeadStage): LeadStage {
  if (current === "won" || current === "lost") return current;
  return stageOrder.indexOf(to) > stageOrder.indexOf(current) ? to : current;
}

/**
 * Whether this stage change has anything to start (see leadStageChangedEvent): a webhook endpoint for stage changes,
 * an enabled sequence it can start. One statement, which a caller sends with its other writes.
 */
export async function stageChangeFlags(tx: Tx, tenantId: string, change: { from: string; to: string }): Promise<{ webhooks: boolean; sequences: boolean }> {
  const one = { one: sql`1` };
  const [found] = await tx.select({
    webhooks: exists(tx.select(one).from(webhookEndpoints).where(subscribedTo(tenantId, "lead.stage_changed"))).mapWith(Boolean),
    sequences: exists(tx.select(one).from(followupSequences).where(stageChangeSequences(tenantId, change))).mapWith(Boolean),
  }).from(tenants).where(eq(tenants.id, tenantId));
  return found ?? { webhooks: true, sequences: true };
}

/** Who hears about a lead: its assigned rep; while it is unassigned, the on-duty reps of its showroom first (see pickRecipients). */
export async function repsToNotify(tx: Tx, tenantId: string, leadId: string): Promise<string[]> {
  const [lead] = await tx.select({ id: leads.id, assigned: leads.assignedUserId, branchId: leads.branchId, vehicleId: leads.vehicleId }).from(leads).where(eq(leads.id, leadId));
  if (!lead) return [];
  if (lead.assigned) return [lead.assigned];
  return pickRecipients(await activeTeam(tx, tenantId), await leadShowroomId(tx, tenantId, lead));
}

/**
 * A dashboard task for each rep who should hear about the lead; the WhatsApp alert follows from the
 * `lead/rep-alert.requested` event the caller sends once its transaction is committed.
 */
export async function notifyReps(tx: Tx, tenantId: string, leadId: string, title: string, body: string) {
  const recipients = await repsToNotify(tx, tenantId, leadId);
  for (const userId of recipients) await tx.insert(tasks).values({ tenantId, userId, leadId, kind: "notify", title, body });
  return recipients;
}

export async function markHot(tx: Tx, tenantId: string, leadId: string, reason: string) {
  const [lead] = await tx.select({ hot: leads.hot }).from(leads).where(eq(leads.id, leadId));
  if (!lead || lead.hot) return false;
  await tx.update(leads).set({ hot: true }).where(eq(leads.id, leadId));
  await tx.insert(leadActivities).values({ tenantId, leadId, type: "became_hot", data: { reason } });
  return true;
}
