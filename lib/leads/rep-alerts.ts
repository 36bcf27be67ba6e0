import { and, desc, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { channels, contacts, conversations, leadActivities, leads, messages, messageTemplates, users, vehicles } from "@/db/schema";
import { langFromLocale, type Lang } from "@/lib/assistant/types";
import { channelCredentials, type ChannelRow } from "@/lib/channels/store";
import type { OutboundMessage } from "@/lib/channels/types";
import { isInsideCustomerServiceWindow, sendWhatsAppCloud } from "@/lib/channels/whatsapp-cloud";
import { formatPrice } from "@/lib/format";
import { appOrigin } from "@/lib/origins";
import { getTenantById, type Tenant } from "@/lib/tenancy";
import {
  LEAD_ALERT_TEMPLATE, leadAlertTemplateBodies, renderTemplate, repAlertTemplateVariables, repAlertText, type RepAlertFacts, type RepAlertKind,
} from "./rep-alert-text";
import { repsToNotify } from "./signals";

export type RepAlertRequest = { tenantId: string; leadId: string; conversationId: string; kind: RepAlertKind; reason: string };
export type RepAlertOutcome =
  | { userId: string; status: "sent"; via: "text" | "template"; providerMessageId: string }
  | { userId: string; status: "skipped"; reason: string };

/** A second hot/hand-over moment of the same lead within this window does not ping the rep again. */
export const REP_ALERT_DEDUPE_MS = 10 * 60_000;

/** The reps to alert about this lead (the assigned one, or those on duty). */
export async function repAlertRecipients(tenantId: string, leadId: string): Promise<string[]> {
  return withTenant(tenantId, (tx) => repsToNotify(tx, tenantId, leadId));
}

/** Inserts the `lead_alert` template in every language a tenant does not have yet (the WABA must have it approved). */
export async function ensureLeadAlertTemplates(tx: Tx, tenantId: string) {
  const rows = Object.entries(leadAlertTemplateBodies).map(([language, body]) => ({
    tenantId, name: LEAD_ALERT_TEMPLATE, language, category: "utility", status: "approved" as const, body, variables: ["headline", "contact", "car", "wants", "link"],
  }));
  await tx.insert(messageTemplates).values(rows).onConflictDoNothing();
}

async function loadFacts(tx: Tx, tenant: Tenant, req: RepAlertRequest): Promise<Omit<RepAlertFacts, "kind">> {
  const [lead] = await tx.select().from(leads).where(and(eq(leads.tenantId, tenant.id), eq(leads.id, req.leadId)));
  const [contact] = lead ? await tx.select().from(contacts).where(eq(contacts.id, lead.contactId)) : [];
  const history = await tx.select({ senderKind: messages.senderKind, body: messages.body, meta: messages.meta }).from(messages)
    .where(and(eq(messages.tenantId, tenant.id), eq(messages.conversationId, req.conversationId))).orderBy(desc(messages.createdAt)).limit(20);
  const asked = history.find((m) => m.senderKind === "customer" && m.body)?.body ?? "";
  const focus = history.map((m) => (m.meta?.memory as { focusCode?: string | null } | undefined)?.focusCode).find(Boolean);
  const which = lead?.vehicleId ? eq(vehicles.id, lead.vehicleId) : focus ? eq(vehicles.code, focus) : null;
  const [car] = which ? await tx.select().from(vehicles).where(and(eq(vehicles.tenantId, tenant.id), which)).limit(1) : [];
  const budget = lead?.budgetMax ? `≤ ${formatPrice(lead.budgetMax, tenant.currency, tenant.locale)}` : "-";
  const who = contact?.name ? `${contact.name} (+${contact.phone ?? "?"})` : `+${contact?.phone ?? "?"}`;
  return {
    contact: who,
    car: car ? `${car.code} ${car.make} ${car.model} ${car.year}, ${formatPrice(car.price, tenant.currency, tenant.locale)}` : budget,
    wants: `${asked ? `"${asked.length > 120 ? `${asked.slice(0, 117)}…` : asked}" ` : ""}(${req.reason})`,
    link: `${appOrigin()}/inbox/${req.conversationId}`,
  };
}

// The rep may write to the dealer's number (owner bot, a test message): that opens the 24-hour window for free text.
async function repWroteWithin24h(tx: Tx, tenantId: string, channelId: string, phone: string, now: Date) {
  const [row] = await tx.select({ at: conversations.lastInboundAt }).from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.channelId, channelId), eq(contacts.phone, phone), isNotNull(conversations.lastInboundAt)))
    .orderBy(desc(conversations.lastInboundAt)).limit(1);
  return isInsideCustomerServiceWindow(row?.at ?? null, now);
}

async function pickChannel(tx: Tx, tenantId: string, conversationId: string): Promise<ChannelRow | null> {
  const [conv] = await tx.select({ channelId: conversations.channelId }).from(conversations).where(eq(conversations.id, conversationId));
  const candidates = await tx.select().from(channels)
    .where(and(eq(channels.tenantId, tenantId), eq(channels.provider, "whatsapp_cloud"), eq(channels.status, "connected")));
  return candidates.find((c) => c.id === conv?.channelId) ?? candidates[0] ?? null;
}

/**
 * Sends one rep a short hand-over summary on WhatsApp: free text when the rep wrote to the channel in the
 * last 24 hours, otherwise the approved `lead_alert` template. Throws on errors worth retrying.
 */
export async function alertRep(req: RepAlertRequest, userId: string, now = new Date()): Promise<RepAlertOutcome> {
  const tenant = await getTenantById(req.tenantId);
  if (!tenant) return { userId, status: "skipped", reason: "tenant not found" };
  const lang: Lang = langFromLocale(tenant.locale);
  const plan = await withTenant(tenant.id, async (tx) => {
    const [rep] = await tx.select({ phone: users.whatsapp }).from(users).where(eq(users.id, userId));
    if (!rep?.phone) return { skip: "rep has no WhatsApp number" } as const;
    const [recent] = await tx.select({ id: leadActivities.id }).from(leadActivities).where(and(
      eq(leadActivities.tenantId, tenant.id), eq(leadActivities.leadId, req.leadId), eq(leadActivities.type, "rep_alerted"),
      sql`${leadActivities.data}->>'userId' = ${userId}`, gt(leadActivities.createdAt, new Date(now.getTime() - REP_ALERT_DEDUPE_MS)),
    )).limit(1);
    if (recent) return { skip: "already alerted about this lead" } as const;
    const channel = await pickChannel(tx, tenant.id, req.conversationId);
    if (!channel) return { skip: "no connected WhatsApp Cloud channel" } as const;
    const facts: RepAlertFacts = { kind: req.kind, ...(await loadFacts(tx, tenant, req)) };
    if (await repWroteWithin24h(tx, tenant.id, channel.id, rep.phone, now)) {
      const message: OutboundMessage = { type: "text", text: repAlertText(lang, facts) };
      return { channel, phone: rep.phone, via: "text" as const, message };
    }
    const templates = await tx.select().from(messageTemplates).where(and(
      eq(messageTemplates.tenantId, tenant.id), eq(messageTemplates.name, LEAD_ALERT_TEMPLATE), eq(messageTemplates.status, "approved"), inArray(messageTemplates.language, [lang, "en"]),
    ));
    const template = templates.find((t) => t.language === lang) ?? templates[0];
    if (!template) return { skip: "outside the 24-hour window and no approved lead_alert template" } as const;
    const variables = repAlertTemplateVariables(template.language as Lang, facts);
    const message: OutboundMessage = { type: "template", name: template.name, language: template.language, variables, text: renderTemplate(template.body, variables) };
    return { channel, phone: rep.phone, via: "template" as const, message };
  });
  if ("skip" in plan) return { userId, status: "skipped", reason: plan.skip! };

  const result = await sendWhatsAppCloud(plan.phone, plan.message, channelCredentials(plan.channel));
  if (!result.ok) {
    if (result.retryable) throw new Error(`rep alert not sent, will retry: ${result.error.title}`);
    return { userId, status: "skipped", reason: `WhatsApp refused the alert: ${result.error.title}` };
  }
  await withTenant(tenant.id, (tx) => tx.insert(leadActivities).values({
    tenantId: tenant.id, leadId: req.leadId, type: "rep_alerted", createdAt: now,
    data: { userId, via: plan.via, kind: req.kind, reason: req.reason, providerMessageId: result.externalId },
  }));
  return { userId, status: "sent", via: plan.via, providerMessageId: result.externalId };
}
