import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { auditLog, broadcastRecipients, broadcasts, channels, contacts, messages, messageTemplates, type Role } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { sendEvent } from "@/inngest/dispatch";
import { hasRole } from "@/lib/auth/roles";
import { langFromLocale } from "@/lib/assistant/types";
import type { Tenant } from "@/lib/tenancy";
import { LEAD_ALERT_TEMPLATE } from "@/lib/leads/rep-alert-text";
import { findCandidates, loadTemplateSet, personalise, placeholderCount } from "./recipients";
import { segmentSchema } from "./segment";

export type Actor = { userId: string; role: Role };
export type Result<T = undefined> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const broadcastInput = z.object({
  name: z.string().trim().min(1, "Give the broadcast a name.").max(120),
  templateName: z.string().trim().min(1, "Choose a template."),
  variables: z.array(z.string().trim().max(300)).max(10),
  segment: segmentSchema,
  /** Absent means "now". */
  scheduledAt: z.date().optional(),
});
export type BroadcastInput = z.infer<typeof broadcastInput>;

const refused: Result<never> = { ok: false, error: "Only managers can send broadcasts." };

async function prepare(tenant: Tenant, input: BroadcastInput) {
  const fallbackLanguage = langFromLocale(tenant.locale);
  return withTenant(tenant.id, async (tx) => {
    const templates = await loadTemplateSet(tx, tenant.id, input.templateName, fallbackLanguage);
    // A connected number first; without one the messages are kept as "not delivered" (embedded demo).
    const [channel] = await tx.select({ id: channels.id, connected: sql<boolean>`${channels.status} = 'connected'` }).from(channels)
      .where(and(eq(channels.tenantId, tenant.id), eq(channels.provider, "whatsapp_cloud"))).orderBy(sql`${channels.status} = 'connected' desc`).limit(1);
    return { templates, channel, fallbackLanguage };
  });
}

function check(p: Awaited<ReturnType<typeof prepare>>, input: BroadcastInput): Result<never> | null {
  if (!p.templates) return { ok: false, error: "Choose an approved template.", fieldErrors: { templateName: "No approved template with this name." } };
  const needed = Math.max(...[...p.templates.byLanguage.values()].map((t) => placeholderCount(t.body)));
  const missing = Array.from({ length: needed }, (_, i) => i).filter((i) => !input.variables[i]);
  if (missing.length) return { ok: false, error: "Fill in every variable of the template.", fieldErrors: Object.fromEntries(missing.map((i) => [`variables.${i}`, "Required"])) };
  if (!p.channel) return { ok: false, error: "Add a WhatsApp number in Settings first." };
  return null;
}

/** How many contacts the segment reaches, how many are skipped (opted out), and the first messages as they will read. */
export async function previewBroadcast(tenant: Tenant, actor: Actor, input: BroadcastInput, now = new Date()) {
  if (!hasRole(actor.role, "manager")) return refused;
  const p = await prepare(tenant, input);
  const problem = check(p, input);
  if (problem) return problem;
  const candidates = await withTenant(tenant.id, (tx) => findCandidates(tx, tenant.id, input.segment, { fallbackLanguage: p.fallbackLanguage, now }));
  const reachable = candidates.filter((c) => !c.optedOut);
  const samples = reachable.slice(0, 5).map((c) => ({ name: c.name, ...personalise(p.templates!, input.variables, c, tenant.name) }));
  return { ok: true as const, data: { recipients: reachable.length, skipped: candidates.length - reachable.length, samples, channelConnected: Boolean(p.channel?.connected) } };
}

/** A send time this far back still means "now": the minutes it took to fill in the form. */
const PAST_GRACE_MS = 10 * 60_000;

/** Saves and schedules a broadcast; the send-broadcast function waits for its time and sends at the channel's pace. */
export async function createBroadcast(tenant: Tenant, actor: Actor, input: BroadcastInput, now = new Date()): Promise<Result<{ id: string }>> {
  if (!hasRole(actor.role, "manager")) return refused;
  const p = await prepare(tenant, input);
  const problem = check(p, input);
  if (problem) return problem;
  // A time already past is most likely a typo (a wrong year or day): sending to everyone at once is not what was asked.
  if (input.scheduledAt && input.scheduledAt.getTime() < now.getTime() - PAST_GRACE_MS) {
    return { ok: false, error: "Check the form.", fieldErrors: { scheduledAt: "This time has passed. Pick a later one, or leave it empty to send now." } };
  }
  const scheduledAt = input.scheduledAt && input.scheduledAt > now ? input.scheduledAt : now;
  const row = await withTenant(tenant.id, async (tx) => {
    const [b] = await tx.insert(broadcasts).values({
      tenantId: tenant.id, name: input.name, channelId: p.channel!.id, templateName: input.templateName, templateLanguage: p.templates!.fallbackLanguage,
      variables: input.variables, segment: input.segment, scheduledAt, status: "scheduled", createdByUserId: actor.userId,
    }).returning();
    await tx.insert(auditLog).values({ tenantId: tenant.id, actorUserId: actor.userId, action: "broadcast.scheduled", targetType: "broadcast", targetId: b.id, data: { name: b.name, scheduledAt: scheduledAt.toISOString() } });
    return b;
  });
  await sendEvent({ name: "broadcast/scheduled", id: `broadcast-${row.id}`, data: { tenantId: tenant.id, broadcastId: row.id, channelId: row.channelId! } });
  return { ok: true, data: { id: row.id } };
}

export async function cancelBroadcast(tenant: Tenant, actor: Actor, broadcastId: string): Promise<Result> {
  if (!hasRole(actor.role, "manager")) return refused;
  if (!z.string().uuid().safeParse(broadcastId).success) return { ok: false, error: "Broadcast not found." };
  const cancelled = await withTenant(tenant.id, async (tx) => {
    const [b] = await tx.update(broadcasts).set({ status: "cancelled", updatedAt: new Date() })
      .where(and(eq(broadcasts.tenantId, tenant.id), eq(broadcasts.id, broadcastId), inArray(broadcasts.status, ["scheduled", "sending"]))).returning();
    if (b) await tx.insert(auditLog).values({ tenantId: tenant.id, actorUserId: actor.userId, action: "broadcast.cancelled", targetType: "broadcast", targetId: b.id });
    return b;
  });
  if (!cancelled) return { ok: false, error: "This broadcast can no longer be cancelled." };
  await sendEvent({ name: "broadcast/cancelled", data: { tenantId: tenant.id, broadcastId } });
  return { ok: true, data: undefined };
}

export const recipientStates = ["pending", "sent", "delivered", "read", "replied", "failed", "skipped"] as const;
export type RecipientState = (typeof recipientStates)[number];

// What happened to each recipient, read live from the message and the conversation.
const stateSql = sql<RecipientState>`case
  when ${broadcastRecipients.status} in ('pending', 'skipped') or ${messages.id} is null then ${broadcastRecipients.status}
  when exists (select 1 from messages i where i.conversation_id = ${messages.conversationId} and i.direction = 'inbound' and i.created_at > ${messages.createdAt}) then 'replied'
  when ${messages.status} in ('failed', 'not_delivered') then 'failed'
  when ${messages.status} in ('delivered', 'read') then ${messages.status}
  else 'sent' end`;

export async function listBroadcasts(tenantId: string) {
  return withTenant(tenantId, async (tx) => {
    const rows = await tx.select().from(broadcasts).where(eq(broadcasts.tenantId, tenantId)).orderBy(desc(broadcasts.createdAt)).limit(100);
    const counts = rows.length
      ? await tx.select({ broadcastId: broadcastRecipients.broadcastId, state: stateSql, n: sql<number>`count(*)::int` })
          .from(broadcastRecipients).leftJoin(messages, eq(messages.id, broadcastRecipients.messageId))
          .where(and(eq(broadcastRecipients.tenantId, tenantId), inArray(broadcastRecipients.broadcastId, rows.map((r) => r.id))))
          .groupBy(broadcastRecipients.broadcastId, stateSql)
      : [];
    return rows.map((b) => ({ ...b, counts: tally(counts.filter((c) => c.broadcastId === b.id)) }));
  });
}

function tally(rows: { state: RecipientState; n: number }[]): Record<RecipientState, number> {
  const out = Object.fromEntries(recipientStates.map((s) => [s, 0])) as Record<RecipientState, number>;
  for (const r of rows) out[r.state] += Number(r.n);
  return out;
}

export async function getBroadcast(tenantId: string, broadcastId: string) {
  if (!z.string().uuid().safeParse(broadcastId).success) return null;
  return withTenant(tenantId, async (tx) => {
    const [b] = await tx.select().from(broadcasts).where(and(eq(broadcasts.tenantId, tenantId), eq(broadcasts.id, broadcastId)));
    if (!b) return null;
    const recipients = await tx
      .select({ id: broadcastRecipients.id, name: contacts.name, phone: contacts.phone, state: stateSql, error: broadcastRecipients.error, messageError: messages.error, conversationId: messages.conversationId })
      .from(broadcastRecipients)
      .innerJoin(contacts, eq(contacts.id, broadcastRecipients.contactId))
      .leftJoin(messages, eq(messages.id, broadcastRecipients.messageId))
      .where(and(eq(broadcastRecipients.tenantId, tenantId), eq(broadcastRecipients.broadcastId, b.id)))
      .orderBy(contacts.name)
      .limit(1000);
    return { broadcast: b, recipients, counts: tally(recipients.map((r) => ({ state: r.state, n: 1 }))) };
  });
}

/** Approved templates by name (not the staff-only lead alert), with the text in the dealer's language and how many variables it takes. */
export async function listTemplateChoices(tenantId: string, language: string) {
  const rows = await withTenant(tenantId, (tx) =>
    tx.select({ name: messageTemplates.name, language: messageTemplates.language, body: messageTemplates.body }).from(messageTemplates)
      .where(and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.status, "approved"), ne(messageTemplates.name, LEAD_ALERT_TEMPLATE))).orderBy(messageTemplates.name),
  );
  const byName = new Map<string, typeof rows>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return [...byName].map(([name, versions]) => {
    const shown = versions.find((v) => v.language === language) ?? versions[0];
    return { name, body: shown.body, languages: versions.map((v) => v.language), variables: Math.max(...versions.map((v) => placeholderCount(v.body))) };
  });
}
