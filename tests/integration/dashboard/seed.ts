import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations, leads, type LeadSource } from "@/db/schema";
import { findOrCreateConversation, recordInboundMessage } from "@/lib/conversations";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";
import { createVehicle } from "@/lib/inventory/vehicles";

/** A shopper with a lead and a WhatsApp conversation holding one inbound message, through the CRM primitives. */
export async function seedLead(tenantId: string, channelId: string, o: {
  name: string; phone: string; email?: string; source?: LeadSource; text?: string; at?: Date;
  assignedUserId?: string | null; hot?: boolean; vehicleId?: string | null;
}) {
  return withTenant(tenantId, async (tx) => {
    const contact = await upsertContact(tx, tenantId, { phone: o.phone, email: o.email ?? null, name: o.name });
    const { lead } = await findOrCreateOpenLead(tx, tenantId, contact.id, { source: o.source ?? "whatsapp", vehicleId: o.vehicleId ?? null });
    if (o.assignedUserId !== undefined || o.hot) {
      await tx.update(leads).set({ assignedUserId: o.assignedUserId ?? null, hot: o.hot ?? false }).where(eq(leads.id, lead.id));
    }
    const conversation = await findOrCreateConversation(tx, tenantId, { contactId: contact.id, leadId: lead.id, channelId, medium: "whatsapp" });
    await recordInboundMessage(tx, tenantId, { conversation, channelId, providerMessageId: `wamid.${o.phone}.${Math.random()}`, type: "text", body: o.text ?? "Hallo", at: o.at });
    // A new conversation starts at now(); back-date it so tests can order by activity.
    if (o.at) await tx.update(conversations).set({ lastMessageAt: o.at }).where(eq(conversations.id, conversation.id));
    const [fresh] = await tx.select().from(conversations).where(eq(conversations.id, conversation.id));
    return { contactId: contact.id, leadId: lead.id, conversationId: conversation.id, conversation: fresh };
  });
}

export async function seedVehicle(tenantId: string, o: { make: string; model: string; price: number }) {
  return withTenant(tenantId, (tx) => createVehicle(tx, tenantId, { make: o.make, model: o.model, year: 2020, price: o.price, currency: "EUR" }, { source: "manual" }));
}
