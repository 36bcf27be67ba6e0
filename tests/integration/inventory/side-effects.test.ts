import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { messages, tenants } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { updateVehicle } from "@/lib/inventory/admin";
import { findOrCreateConversation, recordInboundMessage } from "@/lib/conversations";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";

useTestDatabase();

async function interestedShopper(t: Awaited<ReturnType<typeof createTestTenant>>, vehicleId: string, phone: string, optedOut = false, language = "nl") {
  return withTenant(t.tenant.id, async (tx) => {
    const contact = await upsertContact(tx, t.tenant.id, { phone, name: "Lisa", language });
    if (optedOut) await tx.update((await import("@/db/schema")).contacts).set({ optedOutAt: new Date() }).where(eq((await import("@/db/schema")).contacts.id, contact.id));
    const { lead } = await findOrCreateOpenLead(tx, t.tenant.id, contact.id, { source: "whatsapp", vehicleId });
    const c = await findOrCreateConversation(tx, t.tenant.id, { contactId: contact.id, leadId: lead.id, channelId: t.channelId, medium: "whatsapp" });
    await recordInboundMessage(tx, t.tenant.id, { conversation: c, channelId: t.channelId, providerMessageId: `wamid.${phone}`, type: "text", body: "Is hij er nog?" });
    return c;
  });
}

describe("side effects of inventory changes", () => {
  it("tells interested shoppers a car was sold, with alternatives, and skips opted-out ones", async () => {
    const t = await createTestTenant();
    await withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ settings: { assistant: { notifySoldInterest: true } } }).where(eq(tenants.id, t.tenant.id)));
    const lot = await addStock(t.tenant.id);
    const golf = lot.find((v) => v.model === "Golf")!;
    const keen = await interestedShopper(t, golf.id, "31611110001");
    const quiet = await interestedShopper(t, golf.id, "31611110002", true);
    await updateVehicle(t.tenant.id, golf.id, { status: "sold" }, t.manager.id);
    await drainJobs();
    const all = await withTenant(t.tenant.id, (tx) => tx.select().from(messages));
    const note = all.find((m) => m.conversationId === keen.id && m.senderKind === "assistant");
    // In the dealer's tone (friendly unless set): "je" in Dutch.
    expect(note?.body).toMatch(/^Even een update: de Volkswagen Golf waar je naar vroeg is helaas verkocht/);
    expect(note?.body).toMatch(/#A\d\d/);
    expect(note?.body).not.toContain(golf.code);
    expect(all.some((m) => m.conversationId === quiet.id && m.senderKind === "assistant")).toBe(false);
  });

  it("announces a price drop only when the dealer wants it", async () => {
    const t = await createTestTenant();
    const lot = await addStock(t.tenant.id);
    const yaris = lot.find((v) => v.model === "Yaris")!;
    const c = await interestedShopper(t, yaris.id, "31611110003");
    await updateVehicle(t.tenant.id, yaris.id, { price: 17950 }, t.manager.id);
    await drainJobs();
    const none = (await withTenant(t.tenant.id, (tx) => tx.select().from(messages))).filter((m) => m.senderKind === "assistant");
    expect(none).toHaveLength(0);
    await withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ settings: { assistant: { notifyPriceDrop: true } } }).where(eq(tenants.id, t.tenant.id)));
    await updateVehicle(t.tenant.id, yaris.id, { price: 16950 }, t.manager.id);
    await drainJobs();
    const [drop] = (await withTenant(t.tenant.id, (tx) => tx.select().from(messages))).filter((m) => m.senderKind === "assistant" && m.conversationId === c.id);
    expect(drop.body).toContain("€ 16.950");
  });

  it("speaks in the dealer's formal tone and the shopper's language", async () => {
    const t = await createTestTenant();
    await withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ settings: { assistant: { notifySoldInterest: true, tone: "formal" } } }).where(eq(tenants.id, t.tenant.id)));
    const lot = await addStock(t.tenant.id);
    const golf = lot.find((v) => v.model === "Golf")!;
    const dutch = await interestedShopper(t, golf.id, "31611110004");
    const indonesian = await interestedShopper(t, golf.id, "6281211110005", false, "id");
    await updateVehicle(t.tenant.id, golf.id, { status: "sold" }, t.manager.id);
    await drainJobs();
    const notes = (await withTenant(t.tenant.id, (tx) => tx.select().from(messages))).filter((m) => m.senderKind === "assistant");
    expect(notes.find((m) => m.conversationId === dutch.id)?.body).toMatch(/^Even een update: de Volkswagen Golf waarnaar u vroeg is helaas verkocht/);
    const id = notes.find((m) => m.conversationId === indonesian.id)?.body;
    expect(id).toMatch(/^Informasi untuk Bapak\/Ibu: Volkswagen Golf yang Bapak\/Ibu tanyakan sudah terjual/);
    expect(id).not.toMatch(/\bkak/);
  });
});
