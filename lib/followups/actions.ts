import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { channels, leads, memberships, messageTemplates, outboundEmails, tasks, users, type SequenceStep } from "@/db/schema";
import type { OutgoingEvent } from "@/inngest/dispatch";
import { isInsideCustomerServiceWindow } from "@/lib/channels/whatsapp-cloud";
import { recordOutboundMessage } from "@/lib/conversations";
import { lockTurns, takeNextInTurn } from "@/lib/leads/assign-in-turn";
import { changeLeadStage, handOverLead, leadStageChangedEvent } from "@/lib/leads/leads";
import { leadShowroomId } from "@/lib/leads/routing";
import { ensureWhatsAppConversation, type StepContext } from "./context";
import { chooseWhatsAppForm, fillPlaceholders, followupLanguage, pickText, type FollowupLanguage, type Placeholders } from "./rules";

export type StepResult = {
  outcome: "sent" | "done" | "skipped";
  detail: Record<string, unknown>;
  messageId?: string;
  emailId?: string;
  events?: OutgoingEvent[];
};

const someCar: Record<FollowupLanguage, string> = { nl: "de auto", nb: "bilen", id: "mobilnya", de: "das Auto", en: "the car" };

function placeholdersOf(ctx: StepContext, lang: FollowupLanguage): Placeholders {
  return {
    name: ctx.contact.name?.split(/\s+/)[0] ?? "",
    dealer: ctx.tenant.name,
    car: ctx.vehicle ? `${ctx.vehicle.make} ${ctx.vehicle.model}` : someCar[lang],
  };
}

async function approvedTemplate(tx: Tx, tenantId: string, name: string, languages: string[]) {
  const rows = await tx.select().from(messageTemplates)
    .where(and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.name, name), eq(messageTemplates.status, "approved"), inArray(messageTemplates.language, languages)));
  for (const l of languages) {
    const hit = rows.find((r) => r.language === l);
    if (hit) return hit;
  }
  return null;
}

async function sendWhatsApp(tx: Tx, ctx: StepContext, step: Extract<SequenceStep, { type: "whatsapp" }>, key: string, now: Date): Promise<StepResult> {
  const conv = await ensureWhatsAppConversation(tx, ctx);
  if (!conv?.channelId) return { outcome: "skipped", detail: { reason: "no WhatsApp number or channel" } };
  const [channel] = await tx.select({ provider: channels.provider }).from(channels).where(eq(channels.id, conv.channelId));
  const lang = followupLanguage(ctx.contact.language, ctx.tenant.locale);
  // Only the Cloud API has the 24-hour rule; WAHA and Fonnte send free text at any time.
  const insideWindow = channel?.provider !== "whatsapp_cloud" || isInsideCustomerServiceWindow(conv.lastInboundAt, now);
  const template = !insideWindow && step.templateName ? await approvedTemplate(tx, ctx.tenant.id, step.templateName, [lang, "en"]) : null;
  const form = chooseWhatsAppForm({ step, lang, insideWindow, placeholders: placeholdersOf(ctx, lang), template });
  if (form.kind === "skip") return { outcome: "skipped", detail: { reason: form.reason } };
  const followup = { enrollmentId: ctx.enrollment.id, sequenceId: ctx.sequence.id, sequenceName: ctx.sequence.name };
  const { message } = await recordOutboundMessage(tx, ctx.tenant.id, {
    conversationId: conv.id, senderKind: "assistant", body: form.body, type: form.kind === "template" ? "template" : "text",
    meta: { followup, ...(form.kind === "template" ? { template: { name: form.name, language: form.language, variables: form.variables } } : {}) },
    idempotencyKey: key,
  });
  return {
    outcome: "sent", messageId: message.id, detail: { channel: "whatsapp", form: form.kind, language: lang },
    events: [{ name: "message/send.requested", id: `send-${message.id}`, data: { tenantId: ctx.tenant.id, messageId: message.id } }],
  };
}

async function storeEmail(tx: Tx, ctx: StepContext, step: Extract<SequenceStep, { type: "email" }>): Promise<StepResult> {
  if (!ctx.contact.email) return { outcome: "skipped", detail: { reason: "no e-mail address" } };
  const lang = followupLanguage(ctx.contact.language, ctx.tenant.locale);
  const ph = placeholdersOf(ctx, lang);
  const [email] = await tx.insert(outboundEmails).values({
    tenantId: ctx.tenant.id, leadId: ctx.lead.id, toAddress: ctx.contact.email,
    subject: fillPlaceholders(pickText(step.subjects, step.subject, lang), ph), text: fillPlaceholders(pickText(step.texts, step.text, lang), ph),
  }).returning({ id: outboundEmails.id });
  return { outcome: "sent", emailId: email.id, detail: { channel: "email", language: lang } };
}

type Colleague = { userId: string; name: string };

/**
 * An assign step gives the lead to the colleague it names while still on the team. Otherwise (round robin, also when
 * that colleague has left) it goes to the colleague whose turn it is, as automatic assignment picks, and only when
 * nobody has the lead: round robin never takes a lead away from the colleague who has it.
 */
async function assignStep(tx: Tx, ctx: StepContext, step: Extract<SequenceStep, { type: "assign" }>): Promise<StepResult> {
  const tenantId = ctx.tenant.id;
  const [named]: Colleague[] = step.userId
    ? await tx.select({ userId: memberships.userId, name: users.name }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, step.userId), eq(memberships.active, true)))
    : [];
  if (named && ctx.lead.assignedUserId === named.userId) return { outcome: "skipped", detail: { reason: "already assigned", userId: named.userId } };
  let assignee: Colleague | null = named ?? null;
  if (!assignee) {
    // Turns are taken one at a time and the lead is read again under that lock, so automatic assignment of the same
    // new lead cannot have given it to someone in the meantime.
    await lockTurns(tx, tenantId);
    const [lead] = await tx.select({ holder: leads.assignedUserId }).from(leads).where(and(eq(leads.tenantId, tenantId), eq(leads.id, ctx.lead.id)));
    if (lead?.holder) return { outcome: "skipped", detail: { reason: "already assigned", userId: lead.holder } };
    assignee = await takeNextInTurn(tx, tenantId, await leadShowroomId(tx, tenantId, ctx.lead), ctx.tenant.settings.leads?.assignBy);
    if (!assignee) return { outcome: "skipped", detail: { reason: "nobody on duty" } };
  }
  await handOverLead(tx, tenantId, ctx.lead.id, assignee.userId, {
    actorUserId: null, note: `Assigned to ${assignee.name} by the follow-up "${ctx.sequence.name}"`, meta: { sequenceId: ctx.sequence.id },
  });
  return { outcome: "done", detail: { userId: assignee.userId } };
}

/** Carries out one non-wait step inside the caller's transaction; what must happen after commit comes back as events. */
export async function performStep(tx: Tx, ctx: StepContext, step: Exclude<SequenceStep, { type: "wait" }>, key: string, now: Date): Promise<StepResult> {
  const tenantId = ctx.tenant.id;
  switch (step.type) {
    case "whatsapp":
      return sendWhatsApp(tx, ctx, step, key, now);
    case "email":
      return storeEmail(tx, ctx, step);
    case "task": {
      const lang = followupLanguage(ctx.contact.language, ctx.tenant.locale);
      const title = fillPlaceholders(step.title, placeholdersOf(ctx, lang));
      await tx.insert(tasks).values({ tenantId, userId: ctx.lead.assignedUserId, leadId: ctx.lead.id, kind: "task", title, dueAt: now });
      return { outcome: "done", detail: { task: title, userId: ctx.lead.assignedUserId } };
    }
    case "assign":
      return assignStep(tx, ctx, step);
    case "stage": {
      const r = await changeLeadStage(tx, tenantId, ctx.lead.id, step.stage as never);
      if (!r?.changed) return { outcome: "skipped", detail: { reason: `already ${step.stage}` } };
      return {
        outcome: "done", detail: { from: r.from, to: step.stage },
        events: [leadStageChangedEvent(tenantId, ctx.lead.id, { from: r.from, to: step.stage })],
      };
    }
  }
}
