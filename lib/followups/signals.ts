import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations, messages } from "@/db/schema";
import { isOptOutText } from "./rules";
import { optOutContact, stopFollowups } from "./stop";

/** A shopper wrote: "STOP" unsubscribes the contact everywhere, anything else ends the lead's sequences. */
export async function onShopperMessage(tenantId: string, messageId: string) {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select({ body: messages.body, direction: messages.direction, meta: messages.meta, createdAt: messages.createdAt, contactId: conversations.contactId, leadId: conversations.leadId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.tenantId, tenantId), eq(messages.id, messageId))));
  if (!row || row.direction !== "inbound") return { stopped: [] as string[] };
  if (isOptOutText(row.body)) return { optedOut: true, stopped: await optOutContact(tenantId, row.contactId) };
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
