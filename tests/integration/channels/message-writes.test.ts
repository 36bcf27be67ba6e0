import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations, leads, messages } from "@/db/schema";
import { recordInboundMessage, recordOutboundMessage } from "@/lib/conversations";
import { touchPhoneContact } from "@/lib/leads/contacts";
import { createLead } from "@/lib/leads/leads";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

/** A contact, lead and conversation to write messages into. */
async function thread(tenantId: string, phone: string) {
  return withTenant(tenantId, async (tx) => {
    const { contact, created } = await touchPhoneContact(tx, tenantId, { phone, name: null, activityAt: new Date() });
    const lead = await createLead(tx, tenantId, contact.id, { source: "whatsapp" });
    const [conversation] = await tx.insert(conversations).values({ tenantId, contactId: contact.id, leadId: lead.id, medium: "whatsapp" }).returning();
    return { contact, created, lead, conversation };
  });
}

describe("storing messages", () => {
  it("touchPhoneContact says whether it created the contact, and touches the same one the next time", async () => {
    const t = await createTestTenant();
    const first = await withTenant(t.tenant.id, (tx) => touchPhoneContact(tx, t.tenant.id, { phone: "31611110001", name: "31611110001", activityAt: new Date(1_000) }));
    const again = await withTenant(t.tenant.id, (tx) => touchPhoneContact(tx, t.tenant.id, { phone: "31611110001", name: "Sanne", activityAt: new Date(2_000) }));
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.contact).toMatchObject({ id: first.contact.id, name: "Sanne", lastActivityAt: new Date(2_000) });
    // Another dealer's contact with the same number is another person.
    const other = await createTestTenant();
    const theirs = await withTenant(other.tenant.id, (tx) => touchPhoneContact(tx, other.tenant.id, { phone: "31611110001", name: null, activityAt: new Date() }));
    expect(theirs.created).toBe(true);
    expect(theirs.contact.id).not.toBe(first.contact.id);
  });

  it("a shopper's message counts as unread once; its redelivery changes nothing", async () => {
    const t = await createTestTenant();
    const { conversation } = await thread(t.tenant.id, "31611110002");
    const input = { conversation, channelId: t.channelId, providerMessageId: "wamid.same", type: "text", body: "Is de Golf er nog?", at: new Date() };
    const first = await withTenant(t.tenant.id, (tx) => recordInboundMessage(tx, t.tenant.id, input));
    const again = await withTenant(t.tenant.id, (tx) => recordInboundMessage(tx, t.tenant.id, { ...input, body: "changed" }));
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id, body: "Is de Golf er nog?" } });
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(conversations).where(eq(conversations.id, conversation.id)));
    expect(row).toMatchObject({ unreadCount: 1, lastMessagePreview: "Is de Golf er nog?" });
  });

  it("an answer stored twice under one idempotency key is one message and moves the conversation and the lead once", async () => {
    const t = await createTestTenant();
    const { conversation, lead } = await thread(t.tenant.id, "31611110003");
    const answer = { conversationId: conversation.id, senderKind: "assistant" as const, body: "Ja, de Golf is er nog.", idempotencyKey: "reply-1" };
    const first = await withTenant(t.tenant.id, (tx) => recordOutboundMessage(tx, t.tenant.id, answer));
    const [before] = await withTenant(t.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, lead.id)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await withTenant(t.tenant.id, (tx) => recordOutboundMessage(tx, t.tenant.id, { ...answer, body: "Something else" }));
    expect(again).toMatchObject({ duplicate: true, message: { id: first.message.id } });
    const rows = await withTenant(t.tenant.id, async (tx) => ({
      conversation: (await tx.select().from(conversations).where(eq(conversations.id, conversation.id)))[0],
      lead: (await tx.select().from(leads).where(eq(leads.id, lead.id)))[0],
      answers: await tx.select().from(messages).where(eq(messages.conversationId, conversation.id)),
    }));
    expect(rows.answers).toHaveLength(1);
    expect(rows.conversation.lastMessagePreview).toBe("Ja, de Golf is er nog.");
    expect(before.firstResponseBy).toBe("assistant");
    expect(rows.lead.lastActivityAt).toEqual(before.lastActivityAt);
  });
});
