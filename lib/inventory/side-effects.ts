import { and, eq, inArray, ne } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, leads, vehicles } from "@/db/schema";
import { vehicleUrl } from "@/lib/catalog/urls";
import { isInsideCustomerServiceWindow } from "@/lib/channels/whatsapp-cloud";
import { queueOutboundMessage } from "@/lib/conversations/outbound";
import { formatPrice } from "@/lib/format";
import { getTenantById } from "@/lib/tenancy";

type Lang = "nl" | "nb" | "id" | "de" | "en";
const soldNote: Record<Lang, (car: string) => string> = {
  nl: (car) => `Even een update: de ${car} waar u naar vroeg is helaas verkocht. Misschien is een van deze iets voor u:`,
  nb: (car) => `En liten oppdatering: ${car} som du spurte om, er dessverre solgt. Kanskje en av disse passer?`,
  id: (car) => `Info kak: ${car} yang kakak tanyakan sudah terjual. Mungkin salah satu ini cocok:`,
  de: (car) => `Kurzes Update: Der ${car}, nach dem Sie gefragt haben, ist leider verkauft. Vielleicht passt eines davon:`,
  en: (car) => `A quick update: the ${car} you asked about has been sold. Perhaps one of these suits you:`,
};
const dropNote: Record<Lang, (car: string, price: string) => string> = {
  nl: (car, price) => `Goed nieuws: de prijs van de ${car} is verlaagd naar *${price}*.`,
  nb: (car, price) => `Gode nyheter: prisen på ${car} er satt ned til *${price}*.`,
  id: (car, price) => `Kabar baik kak: harga ${car} turun jadi *${price}*.`,
  de: (car, price) => `Gute Nachricht: Der Preis des ${car} wurde auf *${price}* gesenkt.`,
  en: (car, price) => `Good news: the price of the ${car} has dropped to *${price}*.`,
};
const langOf = (l: string | null | undefined, fallback: string): Lang => {
  const x = (l ?? fallback).slice(0, 2);
  return (x === "no" ? "nb" : ["nl", "nb", "id", "de", "en"].includes(x) ? x : "en") as Lang;
};

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
  let notified = 0;
  for (const t of targets) {
    if (t.optedOutAt || !isInsideCustomerServiceWindow(t.lastInboundAt)) continue;
    const lang = langOf(t.language, tenant.locale);
    const body = change === "price_drop"
      ? `${dropNote[lang](label, formatPrice(car.price, tenant.currency, tenant.locale))}\n${vehicleUrl(tenant, car.slug)}`
      : [soldNote[lang](`${car.make} ${car.model}`), ...alternatives.map((a) => `*${a.code}* ${a.make} ${a.model} · ${a.year} · *${formatPrice(a.price, tenant.currency, tenant.locale)}*`)].join("\n");
    await queueOutboundMessage(tenantId, { conversationId: t.conversationId, senderKind: "assistant", body, idempotencyKey: `vehicle-${change}-${vehicleId}-${t.conversationId}-${car.price}`, meta: { vehicleChange: change } });
    notified++;
  }
  return { notified };
}
