import { eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { channels, conversations, messages, webhookInbox, type ChannelProviderName } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { findOrCreateConversation } from "@/lib/conversations";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";

/** A channel of any provider for an existing test tenant, the way settings stores it. */
export async function addChannel(tenantId: string, c: { provider: ChannelProviderName; externalId: string; baseUrl?: string | null; credentials?: Record<string, string>; webhookSecret?: string | null }) {
  const [row] = await withTenant(tenantId, (tx) => tx.insert(channels).values({
    tenantId, provider: c.provider, name: c.provider, externalId: c.externalId, baseUrl: c.baseUrl ?? null,
    credentialsEnc: c.credentials ? encryptSecret(JSON.stringify(c.credentials)) : null,
    webhookSecretEnc: c.webhookSecret ? encryptSecret(c.webhookSecret) : null, status: "connected",
  }).returning());
  return row;
}

/** A shopper with an open WhatsApp conversation on the given channel, last heard from at `lastInboundAt`. */
export async function conversationOn(tenantId: string, channelId: string, phone: string, lastInboundAt: Date | null = new Date()) {
  return withTenant(tenantId, async (tx) => {
    const contact = await upsertContact(tx, tenantId, { phone, name: "Kim" });
    const { lead } = await findOrCreateOpenLead(tx, tenantId, contact.id, { source: "whatsapp" });
    const c = await findOrCreateConversation(tx, tenantId, { contactId: contact.id, leadId: lead.id, channelId, medium: "whatsapp" });
    await tx.update(conversations).set({ lastInboundAt }).where(eq(conversations.id, c.id));
    return c;
  });
}

export const inboxRows = async (source: string) => (await getSystemDb()).select().from(webhookInbox).where(eq(webhookInbox.source, source));
export const messagesOf = (tenantId: string) => withTenant(tenantId, (tx) => tx.select().from(messages));
export const messageById = async (tenantId: string, id: string) => (await withTenant(tenantId, (tx) => tx.select().from(messages).where(eq(messages.id, id))))[0];
export const uniquePhone = (prefix = "3161") => `${prefix}${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
