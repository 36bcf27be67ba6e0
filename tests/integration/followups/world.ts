import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations, followupEnrollments, messages, type SequenceStep, type SequenceTrigger } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { clock } from "@/inngest/local/clock";
import { drainJobs } from "@/inngest/local/runner";
import type { LocalEvent } from "@/inngest/local/state";
import { messageReceivedEvent, receivedFlags } from "@/lib/channels/inbound";
import { findOrCreateConversation, recordInboundMessage } from "@/lib/conversations";
import { createSequence, type SequenceInput } from "@/lib/followups";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";
import { createTestTenant } from "../../helpers/factory";

export type World = Awaited<ReturnType<typeof createTestTenant>>;
let phoneSeq = 0;

export const twoNudges: SequenceStep[] = [
  { type: "wait", hours: 24 },
  { type: "whatsapp", text: "Hi {name}, still looking?", texts: { nl: "Hoi {name}, nog op zoek?" }, templateName: "check_in" },
  { type: "wait", hours: 48 },
  { type: "whatsapp", text: "The {car} is still here.", texts: { nl: "De {car} staat er nog." }, templateName: "check_in" },
];

export async function sequenceFor(w: World, steps: SequenceStep[], trigger: SequenceTrigger = { type: "lead_created" }) {
  return createSequence(w.tenant.id, { name: `Seq ${phoneSeq}`, enabled: true, trigger, audience: {}, steps } as SequenceInput);
}

/** A lead that came in through the website form, announced the way the form webhook does. */
export async function formLead(w: World, opts: { language?: string; optedOut?: boolean; email?: string } = {}) {
  const phone = `3161234${String(++phoneSeq).padStart(4, "0")}`;
  const { lead, contact } = await withTenant(w.tenant.id, async (tx) => {
    const contact = await upsertContact(tx, w.tenant.id, { phone, email: opts.email ?? null, name: "Eva de Vries", language: opts.language ?? null });
    const { lead } = await findOrCreateOpenLead(tx, w.tenant.id, contact.id, { source: "website" });
    return { lead, contact };
  });
  if (opts.optedOut) await withTenant(w.tenant.id, (tx) => tx.execute(`update contacts set opted_out_at = now() where id = '${contact.id}'` as never));
  await sendEvent({ name: "lead/created", id: `lead-created-${lead.id}`, data: { tenantId: w.tenant.id, leadId: lead.id, source: "website" } });
  await drainJobs();
  return { lead, contact, phone };
}

/** A lead that started with the shopper's own WhatsApp message: lead/created and message.received together, as inbound does. */
export async function whatsAppLead(w: World) {
  const phone = `3161299${String(++phoneSeq).padStart(4, "0")}`;
  const { lead, contact } = await withTenant(w.tenant.id, async (tx) => {
    const contact = await upsertContact(tx, w.tenant.id, { phone, name: "Eva de Vries" });
    const { lead } = await findOrCreateOpenLead(tx, w.tenant.id, contact.id, { source: "whatsapp" });
    return { lead, contact };
  });
  await shopperWrites(w, contact.id, lead.id, "Hoi, is de Golf er nog?", [{ name: "lead/created", id: `lead-created-${lead.id}`, data: { tenantId: w.tenant.id, leadId: lead.id, source: "whatsapp" } }]);
  return { lead, contact };
}

/** The shopper writes on WhatsApp, announced the way the inbound pipeline does. */
export async function shopperWrites(w: World, contactId: string, leadId: string, body: string, alsoAnnounce: LocalEvent[] = []) {
  const received = await withTenant(w.tenant.id, async (tx) => {
    const conversation = await findOrCreateConversation(tx, w.tenant.id, { contactId, leadId, channelId: w.channelId, medium: "whatsapp" });
    const { message } = await recordInboundMessage(tx, w.tenant.id, {
      conversation, channelId: w.channelId, providerMessageId: `wamid.${Math.random()}`, type: "text", body, at: clock.now(),
    });
    const flags = await receivedFlags(tx, w.tenant.id, { conversationId: conversation.id, leadId });
    return messageReceivedEvent(w.tenant.id, { conversationId: conversation.id, messageId: message.id, body }, flags);
  });
  await sendEvent([...alsoAnnounce, received]);
  await drainJobs();
}

export async function followupMessages(w: World, leadId: string) {
  return withTenant(w.tenant.id, (tx) =>
    tx.select({ body: messages.body, type: messages.type, meta: messages.meta, conversationId: messages.conversationId, createdAt: messages.createdAt })
      .from(messages).innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(conversations.leadId, leadId), eq(messages.direction, "outbound")))
      .orderBy(messages.createdAt));
}

export async function enrollmentOf(w: World, leadId: string) {
  const [e] = await withTenant(w.tenant.id, (tx) => tx.select().from(followupEnrollments).where(eq(followupEnrollments.leadId, leadId)));
  return e;
}

export const hours = (n: number) => n * 3_600_000;
