import { and, asc, eq, inArray, notInArray, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import {
  appointments, auditLog, broadcastRecipients, broadcasts, contacts, conversations, followupEnrollments, followupSequences,
  leadActivities, leads, mediaObjects, messages, outboundEmails, tasks, webhookDeliveries,
} from "@/db/schema";
import { scrubInbox } from "@/lib/webhooks/inbox";
import type { Role } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { stopFollowups } from "@/lib/followups/stop";

export type PrivacyActor = { userId: string; role: Role };
export type EraseResult =
  | { ok: true; alreadyErased: boolean }
  | { ok: false; error: string };

const notFound = { ok: false as const, error: "This contact does not exist." };
// Activity types whose data holds only ids, stages and reasons; everything else (notes, form answers) may quote the shopper.
const structuralActivities = ["stage_changed", "assigned", "became_hot", "score_changed", "sequence_enrolled", "sequence_stopped", "rep_alerted"];

async function loadContactGraph(tx: Tx, tenantId: string, contactId: string) {
  const [contact] = await tx.select().from(contacts).where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId))).limit(1);
  if (!contact) return null;
  const leadRows = await tx.select().from(leads).where(and(eq(leads.tenantId, tenantId), eq(leads.contactId, contactId))).orderBy(asc(leads.createdAt));
  const conversationRows = await tx.select().from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.contactId, contactId))).orderBy(asc(conversations.createdAt));
  const leadIds = leadRows.map((l) => l.id);
  const conversationIds = conversationRows.map((c) => c.id);
  return { contact, leadRows, conversationRows, leadIds, conversationIds };
}

const byLeads = <T>(ids: string[], column: T) => (ids.length ? inArray(column as never, ids) : sql`false`);

/** Everything the dealership holds about one shopper, as a JSON-ready document; null when the id is not this tenant's. */
export async function exportContact(tenantId: string, contactId: string) {
  return withTenant(tenantId, async (tx) => {
    const graph = await loadContactGraph(tx, tenantId, contactId);
    if (!graph) return null;
    const { contact, leadRows, conversationRows, leadIds, conversationIds } = graph;
    const activityRows = await tx.select().from(leadActivities)
      .where(and(eq(leadActivities.tenantId, tenantId), byLeads(leadIds, leadActivities.leadId))).orderBy(asc(leadActivities.createdAt));
    const messageRows = await tx.select().from(messages)
      .where(and(eq(messages.tenantId, tenantId), conversationIds.length ? inArray(messages.conversationId, conversationIds) : sql`false`))
      .orderBy(asc(messages.createdAt), asc(messages.id));
    const appointmentRows = await tx.select().from(appointments)
      .where(and(eq(appointments.tenantId, tenantId), or(eq(appointments.contactId, contactId), byLeads(leadIds, appointments.leadId))))
      .orderBy(asc(appointments.startsAt));
    const enrollmentRows = await tx.select({ enrollment: followupEnrollments, sequenceName: followupSequences.name }).from(followupEnrollments)
      .innerJoin(followupSequences, eq(followupSequences.id, followupEnrollments.sequenceId))
      .where(and(eq(followupEnrollments.tenantId, tenantId), eq(followupEnrollments.contactId, contactId))).orderBy(asc(followupEnrollments.createdAt));
    const recipientRows = await tx.select({ recipient: broadcastRecipients, broadcastName: broadcasts.name, templateName: broadcasts.templateName }).from(broadcastRecipients)
      .innerJoin(broadcasts, eq(broadcasts.id, broadcastRecipients.broadcastId))
      .where(and(eq(broadcastRecipients.tenantId, tenantId), eq(broadcastRecipients.contactId, contactId))).orderBy(asc(broadcastRecipients.createdAt));
    const emailRows = await tx.select().from(outboundEmails)
      .where(and(eq(outboundEmails.tenantId, tenantId), byLeads(leadIds, outboundEmails.leadId))).orderBy(asc(outboundEmails.createdAt));
    const taskRows = await tx.select().from(tasks).where(and(eq(tasks.tenantId, tenantId), byLeads(leadIds, tasks.leadId))).orderBy(asc(tasks.createdAt));

    return {
      exportedAt: new Date().toISOString(),
      contact: {
        id: contact.id, name: contact.name, phone: contact.phone, email: contact.email, language: contact.language, tags: contact.tags,
        createdAt: contact.createdAt, updatedAt: contact.updatedAt, lastActivityAt: contact.lastActivityAt, erasedAt: contact.erasedAt,
      },
      consents: { marketing: contact.consentMarketing, consentAt: contact.consentAt, optedOutAt: contact.optedOutAt },
      leads: leadRows.map((l) => ({
        id: l.id, source: l.source, stage: l.stage, score: l.score, hot: l.hot, vehicleId: l.vehicleId, budgetMin: l.budgetMin, budgetMax: l.budgetMax,
        preferences: l.preferences, summary: l.summary, notes: l.notes, tags: l.tags, lostReason: l.lostReason, wonAmount: l.wonAmount,
        externalRef: l.externalRef, answers: l.rawAnswers, createdAt: l.createdAt, contactedAt: l.contactedAt, wonAt: l.wonAt, lostAt: l.lostAt,
        activities: activityRows.filter((a) => a.leadId === l.id).map((a) => ({ type: a.type, data: a.data, at: a.createdAt })),
      })),
      conversations: conversationRows.map((c) => ({
        id: c.id, medium: c.medium, status: c.status, createdAt: c.createdAt, lastMessageAt: c.lastMessageAt,
        messages: messageRows.filter((m) => m.conversationId === c.id).map((m) => ({
          id: m.id, direction: m.direction, sender: m.senderKind, type: m.type, body: m.body, status: m.status, at: m.createdAt,
          media: m.media ? { mimeType: m.media.mimeType ?? null, filename: m.media.filename ?? null, caption: m.media.caption ?? null, url: m.media.mediaId ? `/media/${m.media.mediaId}` : null } : null,
        })),
      })),
      appointments: appointmentRows.map((a) => ({ id: a.id, kind: a.kind, startsAt: a.startsAt, endsAt: a.endsAt, status: a.status, vehicleId: a.vehicleId, notes: a.notes, bookedBy: a.createdBy })),
      followUps: enrollmentRows.map(({ enrollment: e, sequenceName }) => ({ sequence: sequenceName, status: e.status, enrolledAt: e.createdAt, completedAt: e.completedAt, cancelReason: e.cancelReason })),
      broadcasts: recipientRows.map(({ recipient: r, broadcastName, templateName }) => ({ broadcast: broadcastName, template: templateName, status: r.status, at: r.createdAt })),
      emails: emailRows.map((e) => ({ to: e.toAddress, subject: e.subject, text: e.text, status: e.status, sentAt: e.sentAt, at: e.createdAt })),
      tasks: taskRows.map((t) => ({ title: t.title, body: t.body, dueAt: t.dueAt, doneAt: t.doneAt, at: t.createdAt })),
    };
  });
}

export type ContactExport = NonNullable<Awaited<ReturnType<typeof exportContact>>>;

/**
 * A shopper's erasure request: personal fields blanked, message bodies and stored media removed, no
 * proactive message ever again. Lead, conversation and message rows stay (without personal data) so
 * counts and response times in analytics do not change. A second call is a no-op.
 */
export async function eraseContact(tenantId: string, contactId: string, actor: PrivacyActor): Promise<EraseResult> {
  if (!hasRole(actor.role, "manager")) return { ok: false, error: "Only managers and above can erase a contact." };
  const state = await withTenant(tenantId, (tx) =>
    tx.select({ erasedAt: contacts.erasedAt }).from(contacts).where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId))).limit(1),
  );
  if (!state[0]) return notFound;
  if (state[0].erasedAt) return { ok: true, alreadyErased: true };

  const stopped = await stopFollowups(tenantId, { contactId }, "erased");
  const result: { ok: true; alreadyErased: boolean; phone?: string | null; email?: string | null } | { ok: false; error: string } = await withTenant(tenantId, async (tx) => {
    // Locks the row, so two concurrent requests erase once and audit once.
    const [locked] = await tx.select({ erasedAt: contacts.erasedAt }).from(contacts)
      .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId))).for("update");
    if (!locked) return notFound;
    if (locked.erasedAt) return { ok: true as const, alreadyErased: true };
    const graph = (await loadContactGraph(tx, tenantId, contactId))!;
    const { leadIds, conversationIds } = graph;
    const now = new Date();

    const messageRows = conversationIds.length
      ? await tx.select({ id: messages.id, media: messages.media }).from(messages).where(and(eq(messages.tenantId, tenantId), inArray(messages.conversationId, conversationIds)))
      : [];
    const mediaIds = [...new Set(messageRows.map((m) => m.media?.mediaId).filter((id): id is string => Boolean(id)))];
    const removedMedia = mediaIds.length
      ? await tx.delete(mediaObjects).where(and(eq(mediaObjects.tenantId, tenantId), or(inArray(mediaObjects.id, mediaIds), inArray(mediaObjects.originalId, mediaIds)))).returning({ id: mediaObjects.id })
      : [];

    await tx.update(contacts).set({
      name: null, phone: null, email: null, tags: [], consentMarketing: false, consentAt: null,
      optedOutAt: sql`coalesce(${contacts.optedOutAt}, ${now.toISOString()}::timestamptz)`, erasedAt: now, updatedAt: now,
    }).where(eq(contacts.id, contactId));
    if (conversationIds.length) {
      await tx.update(messages).set({ body: null, media: null, error: null, meta: { erased: true }, updatedAt: now })
        .where(and(eq(messages.tenantId, tenantId), inArray(messages.conversationId, conversationIds)));
      await tx.update(conversations).set({ lastMessagePreview: null, status: "closed", unreadCount: 0, updatedAt: now })
        .where(and(eq(conversations.tenantId, tenantId), inArray(conversations.id, conversationIds)));
    }
    if (leadIds.length) {
      await tx.update(leads).set({ summary: null, notes: null, rawAnswers: null, preferences: {}, externalRef: null, updatedAt: now })
        .where(and(eq(leads.tenantId, tenantId), inArray(leads.id, leadIds)));
      await tx.update(leadActivities).set({ data: {} })
        .where(and(eq(leadActivities.tenantId, tenantId), inArray(leadActivities.leadId, leadIds), notInArray(leadActivities.type, structuralActivities)));
      await tx.update(outboundEmails).set({ toAddress: "erased", subject: "(erased)", text: "" })
        .where(and(eq(outboundEmails.tenantId, tenantId), inArray(outboundEmails.leadId, leadIds)));
      await tx.update(tasks).set({ title: "Erased contact", body: null })
        .where(and(eq(tasks.tenantId, tenantId), inArray(tasks.leadId, leadIds)));
    }
    await tx.update(appointments).set({ notes: null, updatedAt: now })
      .where(and(eq(appointments.tenantId, tenantId), or(eq(appointments.contactId, contactId), byLeads(leadIds, appointments.leadId))));
    await tx.update(broadcastRecipients).set({ status: "skipped", error: "erased" })
      .where(and(eq(broadcastRecipients.tenantId, tenantId), eq(broadcastRecipients.contactId, contactId), eq(broadcastRecipients.status, "pending")));
    // What we sent the dealer's own systems about this shopper (the delivery log keeps the payloads).
    const identifiers = [contactId, ...leadIds, ...conversationIds, graph.contact.phone, graph.contact.email].filter((v): v is string => Boolean(v));
    await tx.update(webhookDeliveries).set({ payload: { erased: true } })
      .where(and(eq(webhookDeliveries.tenantId, tenantId), or(...identifiers.map((v) => sql`strpos(${webhookDeliveries.payload}::text, ${v}) > 0`))));

    // Counts and ids only: the audit log must not become a copy of what was erased.
    await tx.insert(auditLog).values({
      tenantId, actorUserId: actor.userId, action: "contact.erased", targetType: "contact", targetId: contactId,
      data: { leads: leadIds.length, conversations: conversationIds.length, messages: messageRows.length, mediaFiles: removedMedia.length, followupsStopped: stopped.length },
    });
    return { ok: true as const, alreadyErased: false, phone: graph.contact.phone, email: graph.contact.email };
  });
  // The raw webhook bodies the channels sent us quote the shopper too; they are system rows, outside the tenant's transaction.
  if (result.ok && !result.alreadyErased) await scrubInbox(tenantId, { phone: result.phone, email: result.email });
  return result.ok ? { ok: true, alreadyErased: result.alreadyErased } : result;
}

/** The shopper behind a conversation, for the dashboard's privacy controls; null when the id is not this tenant's. */
export async function contactOfConversation(tenantId: string, conversationId: string): Promise<string | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(conversationId)) return null;
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select({ contactId: conversations.contactId }).from(conversations).where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId))).limit(1),
  );
  return row?.contactId ?? null;
}
