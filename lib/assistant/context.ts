import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, leads, messages, vehicles } from "@/db/schema";
import { formatOpeningHours } from "@/lib/scheduling/format-hours";
import type { Tenant } from "@/lib/tenancy";
import type { ReplyMemory } from "./offline";
import type { TenantForReply } from "./replies";
import { assistantRules } from "./rules";
import { langFromLocale, type Lang } from "./types";

/** The dealer facts an answer may quote, in the shopper's language. */
export type ReplyTenant = Required<TenantForReply>;

export type ConversationContext = NonNullable<Awaited<ReturnType<typeof loadConversationContext>>>;

/** Everything one reply needs: the unanswered burst, recent history, memory of the last answer, live stock. */
export async function loadConversationContext(tenant: Tenant, conversationId: string, now: Date, inTx?: Tx) {
  const load = async (tx: Tx) => {
    const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).limit(1);
    if (!conversation) return null;
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, conversation.contactId)).limit(1);
    const [lead] = conversation.leadId ? await tx.select().from(leads).where(eq(leads.id, conversation.leadId)).limit(1) : [];
    const history = (await tx.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(desc(messages.createdAt)).limit(30)).reverse();
    const lastAnswerIdx = history.findLastIndex((m) => m.senderKind === "assistant" || m.senderKind === "staff");
    const burst = history.slice(lastAnswerIdx + 1).filter((m) => m.senderKind === "customer" && m.body);
    const lastAssistant = history.findLast((m) => m.senderKind === "assistant");
    const recentInbound = await tx.select({ id: messages.id }).from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "inbound"), gte(messages.createdAt, new Date(now.getTime() - 60_000))));
    const stock = await tx
      .select({ code: vehicles.code, make: vehicles.make, model: vehicles.model, year: vehicles.year, price: vehicles.price })
      .from(vehicles)
      .where(and(eq(vehicles.tenantId, tenant.id), inArray(vehicles.status, ["available", "reserved"])))
      .orderBy(asc(vehicles.code));
    return {
      conversation, contact, lead: lead ?? null, history, burst, recentInboundCount: recentInbound.length,
      lastRateNoticeAt: history.findLast((m) => m.meta?.rateLimited)?.createdAt ?? null,
      memory: ((lastAssistant?.meta?.memory as ReplyMemory | undefined) ?? { proposedCodes: [], offeredSlots: [], focusCode: null }),
      lastLang: (lastAssistant?.meta?.language as Lang | undefined) ?? (contact?.language as Lang | null) ?? langFromLocale(tenant.locale),
      stock,
    };
  };
  return inTx ? load(inTx) : withTenant(tenant.id, load);
}

export function replyTenantOf(tenant: Tenant, lang: Lang): ReplyTenant {
  const a = tenant.address ?? {};
  const address = [a.street, a.city].filter(Boolean).join(", ") || tenant.name;
  const maps = tenant.geo ? `https://maps.google.com/?q=${tenant.geo.lat},${tenant.geo.lng}` : `https://maps.google.com/?q=${encodeURIComponent(address)}`;
  const { tone, greeting } = assistantRules(tenant.settings);
  return {
    name: tenant.name, locale: tenant.locale, currency: tenant.currency, timeZone: tenant.timeZone, address, mapsUrl: maps,
    openingHoursText: formatOpeningHours(tenant.businessHours, lang), tone, greeting,
  };
}

export function unansweredIds(ctx: ConversationContext) {
  return ctx.burst.map((m) => m.id);
}

