import { and, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { conversations, memberships, ownerBotSessions, tenants, users, vehicles } from "@/db/schema";
import { channelCredentials, type ChannelRow } from "@/lib/channels/store";
import type { InboundMessage } from "@/lib/channels/types";
import { fetchWhatsAppMedia } from "@/lib/channels/whatsapp-cloud";
import { findOrCreateConversation, recordInboundMessage } from "@/lib/conversations";
import { queueOutboundMessage } from "@/lib/conversations/outbound";
import { formatPrice } from "@/lib/format";
import { upsertContact } from "@/lib/leads/contacts";
import { getTenantById } from "@/lib/tenancy";
import { updateVehicle } from "../admin";
import { formatPublicCode } from "../identity";
import { addVehiclePhoto } from "../photos";
import { changeDealerSite } from "@/lib/catalog/change";
import { createVehicle } from "../vehicles";
import { ownerBotStep, type BotAction, type BotState } from "./machine";
import { botTexts, type BotLang } from "./messages";

const TTL_MS = 30 * 60_000;
const managingRoles = ["owner", "admin", "manager"] as const;

/** Staff who may manage stock from WhatsApp: owners, admins and managers whose number is on their profile. */
export async function ownerBotUser(tenantId: string, phone: string, inTx?: Tx) {
  const find = (tx: Tx) =>
    tx.select({ id: users.id, name: users.name, locale: users.locale }).from(memberships).innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.active, true), inArray(memberships.role, [...managingRoles]), eq(users.whatsapp, phone))).limit(1);
  const [row] = await (inTx ? find(inTx) : withTenant(tenantId, find));
  return row ?? null;
}

/** The staff member's own language when their profile has one, else the dealership's. */
export function botLanguage(userLocale: string | null | undefined, tenantLocale: string): BotLang {
  const l = (userLocale || tenantLocale).slice(0, 2).toLowerCase();
  return l === "nb" || l === "no" ? "nb" : l === "nl" || l === "id" || l === "de" ? l : "en";
}

export async function handleOwnerMessage(channel: ChannelRow, user: { id: string; locale?: string | null }, m: InboundMessage, now = new Date()) {
  const tenantId = channel.tenantId;
  const tenant = (await getTenantById(tenantId))!;
  const lang = botLanguage(user.locale, tenant.locale);
  const { conversation, duplicate, state, expired, lot, seq } = await withTenant(tenantId, async (tx) => {
    const contact = await upsertContact(tx, tenantId, { phone: m.from, name: m.profileName ?? null });
    // The bot's conversation is paused so the sales assistant never answers staff.
    const conversation = await findOrCreateConversation(tx, tenantId, { contactId: contact.id, leadId: null, channelId: channel.id, medium: "owner_bot" });
    if (conversation.mode !== "paused") await tx.update(conversations).set({ mode: "paused" }).where(eq(conversations.id, conversation.id));
    const stored = await recordInboundMessage(tx, tenantId, { conversation, channelId: channel.id, providerMessageId: m.externalId, type: m.type, body: m.text ?? null, at: m.timestamp });
    const [session] = await tx.select().from(ownerBotSessions).where(and(eq(ownerBotSessions.tenantId, tenantId), eq(ownerBotSessions.userId, user.id)));
    const lot = await tx.select({ id: vehicles.id, plate: vehicles.plate, code: vehicles.code, make: vehicles.make, model: vehicles.model, year: vehicles.year, price: vehicles.price, status: vehicles.status })
      .from(vehicles).where(and(eq(vehicles.tenantId, tenantId), ne(vehicles.status, "sold")));
    const [t] = await tx.select({ seq: tenants.vehicleCodeSeq }).from(tenants).where(eq(tenants.id, tenantId));
    const live = session && session.expiresAt > now;
    return { conversation, duplicate: stored.duplicate, state: live ? (session.state as BotState) : null, expired: Boolean(session && !live), lot, seq: t.seq };
  });
  if (duplicate) return { replies: [] };
  const prices = lot.map((c) => c.price).sort((a, b) => a - b);
  const step = ownerBotStep(state, { text: m.text, mediaIds: m.media?.id ? [m.media.id] : undefined }, {
    lang, lot, nextCode: formatPublicCode(seq + 1), money: (n) => formatPrice(n, tenant.currency, tenant.locale), typicalPrice: prices.length ? prices[Math.floor(prices.length / 2)] : null,
  });
  await withTenant(tenantId, async (tx) => {
    if (!step.state) await tx.delete(ownerBotSessions).where(and(eq(ownerBotSessions.tenantId, tenantId), eq(ownerBotSessions.userId, user.id)));
    else await tx.insert(ownerBotSessions).values({ tenantId, userId: user.id, state: step.state, expiresAt: new Date(now.getTime() + TTL_MS) })
      .onConflictDoUpdate({ target: [ownerBotSessions.tenantId, ownerBotSessions.userId], set: { state: step.state, expiresAt: new Date(now.getTime() + TTL_MS), updatedAt: now } });
  });
  for (const action of step.actions) await apply(channel, user.id, tenant.currency, action);
  const replies = expired && !state ? [botTexts[lang].expired, ...step.replies] : step.replies;
  for (const [i, body] of replies.entries()) {
    await queueOutboundMessage(tenantId, { conversationId: conversation.id, senderKind: "assistant", body, idempotencyKey: `ownerbot-${m.externalId}-${i}`, meta: { ownerBot: true } });
  }
  return { replies };
}

async function apply(channel: ChannelRow, userId: string, currency: string, a: BotAction) {
  const tenantId = channel.tenantId;
  if (a.type === "set_status") return updateVehicle(tenantId, a.vehicleId, { status: a.status }, userId, "whatsapp");
  if (a.type === "set_price") return updateVehicle(tenantId, a.vehicleId, { price: a.price }, userId, "whatsapp");
  const v = a.vehicle;
  const created = await changeDealerSite(tenantId, (tx) => createVehicle(tx, tenantId, {
    make: v.make, model: v.model, variant: v.variant, year: v.year, price: v.price, mileageKm: v.mileageKm, transmission: v.transmission, color: v.color,
    plate: v.plate, currency, fuel: v.fuel, body: v.body, description: a.notes, status: a.publish ? "available" : "draft", source: "whatsapp",
  }, { source: "whatsapp", actorUserId: userId }));
  const creds = channelCredentials(channel);
  for (const mediaId of a.mediaIds) {
    if (!creds.accessToken) break;
    try {
      const file = await fetchWhatsAppMedia(mediaId, creds.accessToken, creds.graphUrl);
      await addVehiclePhoto(tenantId, created.id, file.bytes);
    } catch (err) {
      console.warn(`[owner-bot] photo ${mediaId} not added: ${(err as Error).message}`);
    }
  }
  return created;
}
