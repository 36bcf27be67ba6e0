import { and, asc, desc, eq, gte, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, leads, messages, tenants, vehicles } from "@/db/schema";
import { formatOpeningHours } from "@/lib/scheduling/format-hours";
import { zonedParts } from "@/lib/scheduling/zoned";
import type { Tenant } from "@/lib/tenancy";
import type { ReplyMemory } from "./offline";
import type { TenantForReply } from "./replies";
import { groundingQuery, type StockItem } from "./grounding";
import { assistantRules } from "./rules";
import { langFromLocale, type KnownModel, type Lang } from "./types";

/** The dealer facts an answer may quote, in the shopper's language. */
export type ReplyTenant = Required<TenantForReply>;

export type ConversationContext = NonNullable<Awaited<ReturnType<typeof loadConversationContext>>>;

/** How many of the conversation's latest messages a reply reads. */
const HISTORY = 30;

/**
 * Everything one reply needs: the dealer, the unanswered burst, recent history, memory of the last answer, the names in
 * live stock. Given the tenant's id rather than the tenant, it reads the tenant with the rest.
 */
export async function loadConversationContext(tenantOrId: Tenant | string, conversationId: string, now: Date, inTx?: Tx) {
  const tenantId = typeof tenantOrId === "string" ? tenantOrId : tenantOrId.id;
  const load = async (tx: Tx) => {
    // Independent reads, sent together: one round trip to the database instead of three or four.
    const [[found], latest, models, [tenant]] = await Promise.all([
      tx.select({ conversation: conversations, contact: contacts, lead: leads }).from(conversations)
        .leftJoin(contacts, eq(contacts.id, conversations.contactId))
        .leftJoin(leads, eq(leads.id, conversations.leadId))
        .where(eq(conversations.id, conversationId)).limit(1),
      tx.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(desc(messages.createdAt)).limit(HISTORY),
      offeredModels(tx, tenantId),
      typeof tenantOrId === "string" ? tx.select().from(tenants).where(eq(tenants.id, tenantId)) : [tenantOrId],
    ]);
    if (!found || !tenant) return null;
    const { conversation, contact, lead } = found;
    const history = latest.reverse();
    const lastAnswerIdx = history.findLastIndex((m) => m.senderKind === "assistant" || m.senderKind === "staff");
    // Text, and photos, voice notes and pins without it (answered too: a shopper who sent a photo is not left waiting).
    const burst = history.slice(lastAnswerIdx + 1).filter((m) => m.senderKind === "customer" && (m.body || mediaKind(m.type)));
    const lastAssistant = history.findLast((m) => m.senderKind === "assistant");
    const minuteAgo = new Date(now.getTime() - 60_000);
    // The history holds every message of the last minute unless it is full and all of it that recent: only then count apart.
    const recentInboundCount = history.length === HISTORY && history[0].createdAt >= minuteAgo
      ? (await tx.select({ id: messages.id }).from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "inbound"), gte(messages.createdAt, minuteAgo)))).length
      : history.filter((m) => m.direction === "inbound" && m.createdAt >= minuteAgo).length;
    return {
      tenant, conversation, contact, lead: lead ?? null, history, burst, recentInboundCount,
      lastRateNoticeAt: history.findLast((m) => m.meta?.rateLimited)?.createdAt ?? null,
      memory: ((lastAssistant?.meta?.memory as ReplyMemory | undefined) ?? { proposedCodes: [], offeredSlots: [], focusCode: null }),
      lastLang: (lastAssistant?.meta?.language as Lang | undefined) ?? (contact?.language as Lang | null) ?? langFromLocale(tenant.locale),
      models,
    };
  };
  return inTx ? load(inTx) : withTenant(tenantId, load);
}

/** A car the assistant may offer: available or reserved. */
const OFFERED = ["available", "reserved"] as const;

/**
 * The names in stock: what the shopper may ask for by name, and what a reply may name (see checkGrounding), with the
 * versions of each ("brio satya" names one).
 */
export async function offeredModels(tx: Tx, tenantId: string): Promise<KnownModel[]> {
  const rows = await tx.select({ make: vehicles.make, model: vehicles.model, variants: sql<(string | null)[]>`array_agg(distinct ${vehicles.variant})` })
    .from(vehicles)
    .where(and(eq(vehicles.tenantId, tenantId), inArray(vehicles.status, [...OFFERED])))
    .groupBy(vehicles.make, vehicles.model)
    .orderBy(asc(vehicles.make), asc(vehicles.model));
  return rows.map(({ variants, ...m }) => ({ ...m, variants: variants.filter((v): v is string => Boolean(v)) }));
}

/** The cars `checkGrounding` needs to check this reply (see `groundingQuery`), read live: never the whole stock. */
export async function groundingStock(tx: Tx, tenantId: string, reply: string, knownModels: { make: string; model: string }[]): Promise<StockItem[]> {
  const { codes, makes, numbers } = groundingQuery(reply, knownModels);
  const wanted = [
    codes.length ? inArray(vehicles.code, codes) : undefined,
    makes.length ? inArray(vehicles.make, makes) : undefined,
    numbers.length ? inArray(vehicles.price, numbers) : undefined,
  ].filter((c) => c !== undefined);
  if (wanted.length === 0) return [];
  return offeredStock(tx, tenantId, or(...wanted));
}

/** The cars the assistant may offer among those `which` selects, with what a reply names them by. */
export function offeredStock(tx: Tx, tenantId: string, which: SQL | undefined): Promise<StockItem[]> {
  return tx.select({ code: vehicles.code, make: vehicles.make, model: vehicles.model, variant: vehicles.variant, year: vehicles.year, price: vehicles.price })
    .from(vehicles)
    .where(and(eq(vehicles.tenantId, tenantId), inArray(vehicles.status, [...OFFERED]), which));
}

/** `now`: when given, the opening hours mention the closed days and special hours of the next two weeks. */
export function replyTenantOf(tenant: Tenant, lang: Lang, now?: Date): ReplyTenant {
  const a = tenant.address ?? {};
  const address = [a.street, a.city].filter(Boolean).join(", ") || tenant.name;
  const maps = tenant.geo ? `https://maps.google.com/?q=${tenant.geo.lat},${tenant.geo.lng}` : `https://maps.google.com/?q=${encodeURIComponent(address)}`;
  const { tone, greeting } = assistantRules(tenant.settings);
  return {
    name: tenant.name, locale: tenant.locale, currency: tenant.currency, timeZone: tenant.timeZone, address, mapsUrl: maps,
    openingHoursText: formatOpeningHours(tenant.businessHours, lang, now && zonedParts(now, tenant.timeZone).date), tone, greeting,
  };
}

/** The shopper's unanswered messages as one text, oldest first (a photo's caption included). */
export const burstText = (ctx: ConversationContext) => ctx.burst.flatMap((m) => (m.body ? [m.body] : [])).join("\n");

/** What the assistant can do with a message that is no text: a photo it cannot see, a voice note it cannot hear, a pin. */
export type BurstMedia = "photo" | "voice" | "location";
const mediaKinds: Record<string, BurstMedia> = { image: "photo", video: "photo", document: "photo", audio: "voice", location: "location" };
const mediaKind = (type: string): BurstMedia | undefined => mediaKinds[type];

/** The kind of the burst's last photo, voice note or pin, if it has one. */
export const burstMedia = (ctx: ConversationContext): BurstMedia | undefined => ctx.burst.map((m) => mediaKind(m.type)).findLast(Boolean);

export function unansweredIds(ctx: ConversationContext) {
  return ctx.burst.map((m) => m.id);
}

