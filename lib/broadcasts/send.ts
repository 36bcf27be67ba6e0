import { and, eq, notInArray, sql } from "drizzle-orm";
import { broadcastRecipients, broadcasts, contacts, leads, tenants } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { findOrCreateConversation, recordOutboundMessage } from "@/lib/conversations";
import { sendEvent } from "@/inngest/dispatch";
import { langFromLocale } from "@/lib/assistant/types";
import { carOfInterest, findCandidates, loadTemplateSet, personalise } from "./recipients";
import { segmentSchema } from "./segment";

/** Messages per minute per WhatsApp number unless the tenant set its own (settings.broadcastPerMinute). */
export const DEFAULT_PER_MINUTE = 120;
export const PACE_SECONDS = 10;

/**
 * Moves a due broadcast to "sending" and fixes its recipient list (opted-out contacts recorded as
 * skipped). Returns null when it was cancelled or already started elsewhere.
 */
export async function startBroadcast(tenantId: string, broadcastId: string, now: Date) {
  return withTenant(tenantId, async (tx) => {
    const [b] = await tx.update(broadcasts).set({ status: "sending", updatedAt: now })
      .where(and(eq(broadcasts.tenantId, tenantId), eq(broadcasts.id, broadcastId), eq(broadcasts.status, "scheduled"))).returning();
    if (!b) return null;
    const [tenant] = await tx.select({ locale: tenants.locale, settings: tenants.settings }).from(tenants).where(eq(tenants.id, tenantId));
    const candidates = await findCandidates(tx, tenantId, segmentSchema.parse(b.segment), { fallbackLanguage: langFromLocale(tenant.locale), now });
    for (let i = 0; i < candidates.length; i += 500) {
      await tx.insert(broadcastRecipients).values(candidates.slice(i, i + 500).map((c) => ({
        tenantId, broadcastId, contactId: c.contactId, status: c.optedOut ? ("skipped" as const) : ("pending" as const), error: c.optedOut ? "opted out" : null,
      }))).onConflictDoNothing();
    }
    const perMinute = Number((tenant.settings as { broadcastPerMinute?: number }).broadcastPerMinute) || DEFAULT_PER_MINUTE;
    return { batchSize: Math.max(1, Math.floor((perMinute * PACE_SECONDS) / 60)), recipients: candidates.length };
  });
}

/** Queues the next batch of pending recipients; each message is idempotent per broadcast and contact. */
export async function sendNextBatch(tenantId: string, broadcastId: string, batchSize: number, now: Date) {
  const queued = await withTenant(tenantId, async (tx) => {
    const [b] = await tx.select().from(broadcasts).where(and(eq(broadcasts.tenantId, tenantId), eq(broadcasts.id, broadcastId)));
    if (!b || b.status !== "sending") return { ids: [] as string[], remaining: 0 };
    const [tenant] = await tx.select({ name: tenants.name, locale: tenants.locale }).from(tenants).where(eq(tenants.id, tenantId));
    const templates = await loadTemplateSet(tx, tenantId, b.templateName, b.templateLanguage);
    const batch = await tx
      .select({ id: broadcastRecipients.id, contactId: contacts.id, name: contacts.name, language: contacts.language, optedOutAt: contacts.optedOutAt, car: carOfInterest(sql`${contacts.id}`) })
      .from(broadcastRecipients).innerJoin(contacts, eq(contacts.id, broadcastRecipients.contactId))
      .where(and(eq(broadcastRecipients.tenantId, tenantId), eq(broadcastRecipients.broadcastId, broadcastId), eq(broadcastRecipients.status, "pending")))
      .orderBy(broadcastRecipients.id)
      .limit(batchSize);
    const ids: string[] = [];
    for (const r of batch) {
      // Someone may have opted out between scheduling and sending.
      if (r.optedOutAt || !templates) {
        await tx.update(broadcastRecipients).set({ status: "skipped", error: r.optedOutAt ? "opted out" : "template no longer approved" }).where(eq(broadcastRecipients.id, r.id));
        continue;
      }
      const [lead] = await tx.select({ id: leads.id }).from(leads)
        .where(and(eq(leads.tenantId, tenantId), eq(leads.contactId, r.contactId), notInArray(leads.stage, ["won", "lost"]))).orderBy(sql`${leads.lastActivityAt} desc`).limit(1);
      const conversation = await findOrCreateConversation(tx, tenantId, { contactId: r.contactId, leadId: lead?.id ?? null, channelId: b.channelId, medium: "whatsapp" });
      const text = personalise(templates, b.variables, { name: r.name, language: r.language ?? langFromLocale(tenant.locale), car: r.car }, tenant.name);
      const { message, duplicate } = await recordOutboundMessage(tx, tenantId, {
        conversationId: conversation.id, senderKind: "staff", senderUserId: b.createdByUserId, type: "template", body: text.body, idempotencyKey: `broadcast-${broadcastId}-${r.contactId}`,
        meta: { template: { name: b.templateName, language: text.language, variables: text.values }, broadcastId },
      });
      await tx.update(broadcastRecipients).set({ status: "sent", messageId: message.id, updatedAt: now }).where(eq(broadcastRecipients.id, r.id));
      if (!duplicate) ids.push(message.id);
    }
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(broadcastRecipients)
      .where(and(eq(broadcastRecipients.broadcastId, broadcastId), eq(broadcastRecipients.status, "pending")));
    return { ids, remaining: Number(n) };
  });
  if (queued.ids.length) await sendEvent(queued.ids.map((id) => ({ name: "message/send.requested" as const, id: `send-${id}`, data: { tenantId, messageId: id } })));
  return { sent: queued.ids.length, remaining: queued.remaining };
}

export async function finishBroadcast(tenantId: string, broadcastId: string, now: Date) {
  await withTenant(tenantId, (tx) => tx.update(broadcasts).set({ status: "sent", updatedAt: now })
    .where(and(eq(broadcasts.tenantId, tenantId), eq(broadcasts.id, broadcastId), eq(broadcasts.status, "sending"))));
}
/** When a broadcast is due (ISO), or null when it is gone. */
export async function getBroadcastSchedule(tenantId: string, broadcastId: string): Promise<string | null> {
  const [b] = await withTenant(tenantId, (tx) =>
    tx.select({ at: broadcasts.scheduledAt, createdAt: broadcasts.createdAt }).from(broadcasts).where(and(eq(broadcasts.tenantId, tenantId), eq(broadcasts.id, broadcastId))),
  );
  return b ? (b.at ?? b.createdAt).toISOString() : null;
}
