import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations, messages } from "@/db/schema";
import { recordOutboundMessage } from "@/lib/conversations";
import { isOptOutText } from "./rules";
import { optOutContact, stopFollowups } from "./stop";

/**
 * A shopper wrote: opting out ("STOP", "no more promotions") unsubscribes the contact everywhere, in any mode of the
 * conversation; anything else ends the lead's sequences. While a person answers (or nobody, paused), the assistant
 * does not read the message, so the opt-out is noted in the conversation for the rep; no answer is sent.
 */
export async function onShopperMessage(tenantId: string, messageId: string) {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select({
      body: messages.body, direction: messages.direction, meta: messages.meta, createdAt: messages.createdAt,
      conversationId: conversations.id, mode: conversations.mode, contactId: conversations.contactId, leadId: conversations.leadId,
    })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId))));
  if (!row || row.direction !== "inbound") return { stopped: [] as string[] };
  if (isOptOutText(row.body)) {
    if (row.mode !== "bot") {
      await withTenant(tenantId, (tx) => recordOutboundMessage(tx, tenantId, {
        conversationId: row.conversationId, senderKind: "system", body: "The shopper opted out: no more follow-ups or broadcasts",
        meta: { event: "opted_out" }, idempotencyKey: `opted-out-${messageId}`,
      }));
    }
    return { optedOut: true, stopped: await optOutContact(tenantId, row.contactId) };
  }
  const scope = row.leadId ? { leadId: row.leadId } : { contactId: row.contactId };
  const sentAt = typeof row.meta.sentAt === "string" ? new Date(row.meta.sentAt) : row.createdAt;
  return { stopped: await stopFollowups(tenantId, scope, "replied", { enrolledBefore: sentAt }) };
}

export async function onStageChanged(tenantId: string, leadId: string, to: string) {
  if (to !== "won" && to !== "lost") return { stopped: [] as string[] };
  return { stopped: await stopFollowups(tenantId, { leadId }, `stage_${to}`, { stage: to }) };
}

/** A person took the conversation over: automation steps back. */
export async function onConversationMode(tenantId: string, conversationId: string, mode: string) {
  if (mode !== "human") return { stopped: [] as string[] };
  const [conv] = await withTenant(tenantId, (tx) =>
    tx.select({ leadId: conversations.leadId, contactId: conversations.contactId }).from(conversations)
      .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId))));
  if (!conv) return { stopped: [] as string[] };
  return { stopped: await stopFollowups(tenantId, conv.leadId ? { leadId: conv.leadId } : { contactId: conv.contactId }, "human_takeover") };
}
