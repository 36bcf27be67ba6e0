import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { channels, contacts, conversations, followupEnrollments, followupSequences, followupStepRuns, leads, tenants, vehicles } from "@/db/schema";
import { findOrCreateConversation } from "@/lib/conversations";

export type StepContext = NonNullable<Awaited<ReturnType<typeof loadStepContext>>>;

/** Everything one step needs to decide and act, read in the step's own transaction. */
export async function loadStepContext(tx: Tx, tenantId: string, enrollmentId: string) {
  const [row] = await tx
    .select({ enrollment: followupEnrollments, sequence: followupSequences, lead: leads, contact: contacts, tenant: tenants })
    .from(followupEnrollments)
    .innerJoin(followupSequences, eq(followupSequences.id, followupEnrollments.sequenceId))
    .innerJoin(leads, eq(leads.id, followupEnrollments.leadId))
    .innerJoin(contacts, eq(contacts.id, followupEnrollments.contactId))
    .innerJoin(tenants, eq(tenants.id, followupEnrollments.tenantId))
    .where(and(eq(followupEnrollments.tenantId, tenantId), eq(followupEnrollments.id, enrollmentId)));
  if (!row) return null;
  const leadConversations = await tx.select().from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, row.contact.id)))
    .orderBy(desc(conversations.lastMessageAt));
  const whatsapp = leadConversations.find((c) => c.medium === "whatsapp" && c.status === "open") ?? null;
  const [vehicle] = row.lead.vehicleId
    ? await tx.select({ make: vehicles.make, model: vehicles.model }).from(vehicles).where(eq(vehicles.id, row.lead.vehicleId))
    : [];
  return { ...row, conversations: leadConversations, whatsapp, vehicle: vehicle ?? null };
}

/** A form or e-mail lead has no WhatsApp conversation yet: open one on the dealer's first WhatsApp channel. */
export async function ensureWhatsAppConversation(tx: Tx, ctx: StepContext) {
  if (ctx.whatsapp) return ctx.whatsapp;
  if (!ctx.contact.phone) return null;
  const [channel] = await tx.select({ id: channels.id }).from(channels)
    .where(and(eq(channels.tenantId, ctx.tenant.id), inArray(channels.provider, ["whatsapp_cloud", "waha", "fonnte"])))
    .orderBy(channels.createdAt).limit(1);
  if (!channel) return null;
  return findOrCreateConversation(tx, ctx.tenant.id, { contactId: ctx.contact.id, leadId: ctx.lead.id, channelId: channel.id, medium: "whatsapp" });
}

/** When this contact last got a proactive follow-up from another enrollment (the frequency cap). */
export async function lastProactiveSendAt(tx: Tx, tenantId: string, contactId: string, exceptEnrollmentId: string): Promise<Date | null> {
  const [last] = await tx.select({ at: followupStepRuns.createdAt }).from(followupStepRuns)
    .innerJoin(followupEnrollments, eq(followupEnrollments.id, followupStepRuns.enrollmentId))
    .where(and(eq(followupStepRuns.tenantId, tenantId), eq(followupEnrollments.contactId, contactId), ne(followupEnrollments.id, exceptEnrollmentId),
      eq(followupStepRuns.outcome, "sent")))
    .orderBy(desc(followupStepRuns.createdAt)).limit(1);
  return last?.at ?? null;
}

export function repliedSince(ctx: StepContext): boolean {
  const since = ctx.enrollment.createdAt.getTime();
  return ctx.conversations.some((c) => c.lastInboundAt !== null && c.lastInboundAt.getTime() > since);
}
