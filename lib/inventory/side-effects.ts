import { and, eq, inArray, ne } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, leads, vehicles } from "@/db/schema";
import { vehicleUrl } from "@/lib/catalog/urls";
import { isInsideCustomerServiceWindow } from "@/lib/channels/whatsapp-cloud";
import { queueOutboundMessage } from "@/lib/conversations/outbound";
import { formatPrice } from "@/lib/format";
import { getTenantById } from "@/lib/tenancy";
import { fill, phrasesFor } from "@/lib/assistant/replies";
import { assistantRules } from "@/lib/assistant/rules";
import { langFromLocale } from "@/lib/assistant/types";

/**
 * A car was sold or got cheaper: shoppers with an open conversation about it hear it from us (when the
 * dealer has that setting on, only inside the 24-hour window, never to opted-out contacts).
 */
export async function notifyInterestedShoppers(tenantId: string, vehicleId: string, change: "sold" | "removed" | "price_drop") {
  const tenant = await getTenantById(tenantId);
  if (!tenant) return { notified: 0 };
  const wants = change === "price_drop" ? tenant.settings.assistant?.notifyPriceDrop : tenant.settings.assistant?.notifySoldInterest;
  if (!wants) return { notified: 0 };
  const { car, targets, alternatives } = await withTenant(tenantId, async (tx) => {
    const [car] = await tx.select().from(vehicles).where(eq(vehicles.id, vehicleId));
    const targets = await tx
      .select({ conversationId: conversations.id, lastInboundAt: conversations.lastInboundAt, language: contacts.language, optedOutAt: contacts.optedOutAt })
      .from(leads)
      .innerJoin(conversations, and(eq(conversations.leadId, leads.id), eq(conversations.medium, "whatsapp"), eq(conversations.status, "open")))
      .innerJoin(contacts, eq(contacts.id, leads.contactId))
      .where(and(eq(leads.tenantId, tenantId), eq(leads.vehicleId, vehicleId), inArray(leads.stage, ["new", "contacted", "qualified", "test_drive", "negotiation"])));
    const alternatives = car
      ? await tx.select().from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.status, "available"), eq(vehicles.body, car.body), ne(vehicles.id, car.id))).limit(3)
      : [];
    return { car, targets, alternatives };
  });
  if (!car) return { notified: 0 };
  const label = `${car.code} ${car.make} ${car.model} (${car.year})`;
  const { tone } = assistantRules(tenant.settings);
  let notified = 0;
  for (const t of targets) {
    if (t.optedOutAt || !isInsideCustomerServiceWindow(t.lastInboundAt)) continue;
    // In the shopper's language and the dealer's tone, as the assistant's answers.
    const p = phrasesFor(langFromLocale(t.language ?? tenant.locale), tone);
    const body = change === "price_drop"
      ? `${fill(p.priceDrop, { car: label, price: formatPrice(car.price, tenant.currency, tenant.locale) })}\n${vehicleUrl(tenant, car.slug)}`
      : [fill(p.soldNote, { car: `${car.make} ${car.model}` }), ...alternatives.map((a) => `*${a.code}* ${a.make} ${a.model} · ${a.year} · *${formatPrice(a.price, tenant.currency, tenant.locale)}*`)].join("\n");
    await queueOutboundMessage(tenantId, { conversationId: t.conversationId, senderKind: "assistant", body, idempotencyKey: `vehicle-${change}-${vehicleId}-${t.conversationId}-${car.price}`, meta: { vehicleChange: change } });
    notified++;
  }
  return { notified };
}
