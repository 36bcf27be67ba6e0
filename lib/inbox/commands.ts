import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { appointments, leadActivities, leads, memberships, messageTemplates, tenants, users, type ConversationMode, type LeadStage } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { noteOnLeadTimeline, setConversationMode } from "@/lib/conversations";
import { queueOutboundMessage } from "@/lib/conversations/outbound";
import { isInsideCustomerServiceWindow } from "@/lib/channels/whatsapp-cloud";
import { assignLead, changeLeadStage, handOverLead, leadStageChangedEvent } from "@/lib/leads/leads";
import { hasRole } from "@/lib/auth/roles";
import { zonedParts } from "@/lib/scheduling/zoned";
import { canSee, placeholderCount, renderTemplate, type Viewer } from "./access";
import { loadVisibleConversation } from "./conversation";
import { appointmentStatusLabels, stageLabels } from "./labels";

export type CommandResult = { ok: true } | { ok: false; error: string };
const notFound: CommandResult = { ok: false, error: "This conversation does not exist or is not yours to see." };
const leadNotFound: CommandResult = { ok: false, error: "This lead does not exist or is not yours to see." };

/** Free text from staff, only while WhatsApp's 24-hour window is open. */
export async function replyAsStaff(tenantId: string, viewer: Viewer, input: { conversationId: string; body: string }): Promise<CommandResult> {
  const found = await withTenant(tenantId, (tx) => loadVisibleConversation(tx, tenantId, input.conversationId, viewer));
  if (!found) return notFound;
  const c = found.conversation;
  if (c.medium === "whatsapp" && !isInsideCustomerServiceWindow(c.lastInboundAt)) {
    return { ok: false, error: "The 24-hour window is closed: WhatsApp only accepts an approved template now." };
  }
  await queueOutboundMessage(tenantId, { conversationId: c.id, senderKind: "staff", senderUserId: viewer.userId, body: input.body.trim() });
  return { ok: true };
}

/** An approved template with its variables filled in; allowed at any time. */
export async function sendTemplateAsStaff(tenantId: string, viewer: Viewer, input: { conversationId: string; templateId: string; variables: string[] }): Promise<CommandResult> {
  const loaded = await withTenant(tenantId, async (tx) => {
    const found = await loadVisibleConversation(tx, tenantId, input.conversationId, viewer);
    const [template] = await tx
      .select()
      .from(messageTemplates)
      .where(and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.id, input.templateId), eq(messageTemplates.status, "approved")))
      .limit(1);
    return { found, template };
  });
  if (!loaded.found) return notFound;
  if (!loaded.template) return { ok: false, error: "Choose an approved template." };
  const t = loaded.template;
  const values = input.variables.map((v) => v.trim());
  if (values.slice(0, placeholderCount(t.body)).some((v) => !v) || values.length < placeholderCount(t.body)) {
    return { ok: false, error: "Fill in every variable of the template." };
  }
  await queueOutboundMessage(tenantId, {
    conversationId: loaded.found.conversation.id, senderKind: "staff", senderUserId: viewer.userId, type: "template",
    body: renderTemplate(t.body, values), meta: { template: { name: t.name, language: t.language, variables: values } },
  });
  return { ok: true };
}

/** Take over (human) or hand back (bot); a rep taking over an unassigned lead becomes its rep. */
export async function setModeAsStaff(tenantId: string, viewer: Viewer, input: { conversationId: string; mode: ConversationMode }): Promise<CommandResult> {
  const leadId = await withTenant(tenantId, async (tx) => {
    const found = await loadVisibleConversation(tx, tenantId, input.conversationId, viewer);
    if (!found) return undefined;
    if (found.conversation.mode === input.mode) return found.lead?.id ?? null;
    await setConversationMode(tx, tenantId, found.conversation.id, input.mode, { id: viewer.userId, name: viewer.name });
    if (input.mode === "human" && found.lead && !found.lead.assignedUserId) await assignLead(tx, tenantId, found.lead.id, viewer.userId, viewer.userId);
    return found.lead?.id ?? null;
  });
  if (leadId === undefined) return notFound;
  await sendEvent({ name: "conversation/mode.changed", data: { tenantId, conversationId: input.conversationId, mode: input.mode, ...(leadId ? { leadId } : {}) } });
  return { ok: true };
}

export async function loadVisibleLead(tx: Tx, tenantId: string, leadId: string, viewer: Viewer) {
  if (!/^[0-9a-f-]{36}$/i.test(leadId)) return null;
  const [lead] = await tx.select().from(leads).where(and(eq(leads.tenantId, tenantId), eq(leads.id, leadId))).limit(1);
  return lead && canSee(viewer, lead.assignedUserId) ? lead : null;
}

/** Managers assign to anyone active in the dealership; reps can only take an unassigned lead themselves. */
export async function assignLeadAsStaff(tenantId: string, viewer: Viewer, input: { leadId: string; userId: string | null }): Promise<CommandResult> {
  const manager = hasRole(viewer.role, "manager");
  if (!manager && input.userId !== viewer.userId) return { ok: false, error: "Only managers can assign leads to others." };
  return withTenant(tenantId, async (tx): Promise<CommandResult> => {
    const lead = await loadVisibleLead(tx, tenantId, input.leadId, viewer);
    if (!lead) return leadNotFound;
    let name = "nobody";
    if (input.userId) {
      const [member] = await tx.select({ name: users.name }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, input.userId), eq(memberships.active, true))).limit(1);
      if (!member) return { ok: false, error: "That person is not on this dealership's team." };
      name = member.name;
    }
    if (lead.assignedUserId === input.userId) return { ok: true };
    await handOverLead(tx, tenantId, lead.id, input.userId, {
      actorUserId: viewer.userId, note: input.userId ? `Assigned to ${name} by ${viewer.name}` : `Unassigned by ${viewer.name}`,
    });
    return { ok: true };
  });
}

export async function changeStageAsStaff(tenantId: string, viewer: Viewer, input: { leadId: string; stage: LeadStage; lostReason?: string; wonAmount?: number }): Promise<CommandResult> {
  const reason = input.lostReason?.trim();
  if (input.stage === "lost" && !reason) return { ok: false, error: "Say why the lead was lost." };
  const changed = await withTenant(tenantId, async (tx) => {
    const lead = await loadVisibleLead(tx, tenantId, input.leadId, viewer);
    if (!lead) return null;
    const r = await changeLeadStage(tx, tenantId, lead.id, input.stage, { actorUserId: viewer.userId, lostReason: reason, wonAmount: input.wonAmount });
    if (r?.changed) {
      const text = `Stage: ${stageLabels[r.from]} → ${stageLabels[input.stage]}${reason && input.stage === "lost" ? ` (${reason})` : ""} by ${viewer.name}`;
      await noteOnLeadTimeline(tx, tenantId, lead.id, text, { event: "stage_changed", from: r.from, to: input.stage });
    }
    return r;
  });
  if (!changed) return leadNotFound;
  if (changed.changed) {
    await sendEvent(leadStageChangedEvent(tenantId, input.leadId, { from: changed.from, to: input.stage, reason }));
  }
  return { ok: true };
}

export async function addLeadNote(tenantId: string, viewer: Viewer, input: { leadId: string; text: string }): Promise<CommandResult> {
  const text = input.text.trim();
  if (!text) return { ok: false, error: "Write a note first." };
  return withTenant(tenantId, async (tx): Promise<CommandResult> => {
    const lead = await loadVisibleLead(tx, tenantId, input.leadId, viewer);
    if (!lead) return leadNotFound;
    // Dated in the dealer's calendar: a note written just after local midnight is today's there.
    const [dealer] = await tx.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId));
    const line = `${zonedParts(new Date(), dealer.timeZone).date} ${viewer.name}: ${text}`;
    await tx.update(leads).set({ notes: lead.notes ? `${lead.notes}\n${line}` : line, updatedAt: new Date() }).where(eq(leads.id, lead.id));
    await tx.insert(leadActivities).values({ tenantId, leadId: lead.id, type: "note", actorUserId: viewer.userId, data: { text } });
    return { ok: true };
  });
}

const appointmentNotFound = { ok: false, error: "This appointment does not exist or is not yours to see." } as const;

/**
 * After a booked test drive or visit: did the shopper come? Only once it has started, only while it is still
 * booked or confirmed, and only on a lead the viewer may see. A no-show starts the dealer's no-show follow-up.
 */
export async function recordAppointmentOutcome(tenantId: string, viewer: Viewer, input: { appointmentId: string; outcome: "completed" | "no_show" }, now = new Date()): Promise<CommandResult> {
  if (!/^[0-9a-f-]{36}$/i.test(input.appointmentId)) return appointmentNotFound;
  type Outcome = { ok: true; leadId: string; kind: "test_drive" | "visit" } | { ok: false; error: string };
  const done = await withTenant(tenantId, async (tx): Promise<Outcome> => {
    const [appt] = await tx.select().from(appointments).where(and(eq(appointments.tenantId, tenantId), eq(appointments.id, input.appointmentId))).limit(1);
    if (!appt?.leadId) return appointmentNotFound;
    const lead = await loadVisibleLead(tx, tenantId, appt.leadId, viewer);
    if (!lead) return appointmentNotFound;
    if (appt.status !== "booked" && appt.status !== "confirmed") return { ok: false, error: `This appointment is already marked ${appointmentStatusLabels[appt.status]?.toLowerCase() ?? appt.status}.` };
    if (appt.startsAt.getTime() > now.getTime()) return { ok: false, error: "This appointment has not started yet." };
    await tx.update(appointments).set({ status: input.outcome, updatedAt: now }).where(eq(appointments.id, appt.id));
    const what = appt.kind === "test_drive" ? "Test drive" : "Visit";
    await noteOnLeadTimeline(tx, tenantId, lead.id, `${what}: ${input.outcome === "no_show" ? "the shopper did not come" : "done"} (marked by ${viewer.name})`,
      { event: "appointment_outcome", appointmentId: appt.id, outcome: input.outcome });
    return { ok: true, leadId: lead.id, kind: appt.kind };
  });
  if (!done.ok) return done;
  await sendEvent({ name: "appointment/outcome.recorded", data: { tenantId, appointmentId: input.appointmentId, leadId: done.leadId, outcome: input.outcome, kind: done.kind } });
  return { ok: true };
}
