import type { Tx } from "@/db/client";
import type { OutgoingEvent } from "@/inngest/dispatch";
import { recordSystemEvent, setConversationMode } from "@/lib/conversations";
import { assistantMayAnswer, type QuotaStatus } from "./catalog";

type GateConversation = { conversation: { id: string; leadId: string | null }; history: { senderKind: string }[] };

export const QUOTA_HANDOVER_EVENT = "assistant_quota_reached";

/**
 * Before the assistant answers: at the plan's monthly reply limit the conversation goes to people, with a note in it
 * saying why, instead of the assistant silently failing. `quota` is `assistantRepliesQuota` of a count read in the
 * same transaction. Null = go ahead; otherwise the reason and the event to send once the caller's transaction has committed.
 */
export async function handOverWhenQuotaReached(tx: Tx, tenantId: string, ctx: GateConversation, quota: QuotaStatus): Promise<{ reason: string; event: OutgoingEvent } | null> {
  if (assistantMayAnswer(quota, ctx.history.some((m) => m.senderKind === "assistant"))) return null;
  const conversationId = ctx.conversation.id;
  await setConversationMode(tx, tenantId, conversationId, "human", null);
  await recordSystemEvent(tx, tenantId, conversationId,
    `The assistant handed this conversation to the team: this month's ${quota.limit} assistant replies on your plan are used up. Answer the shopper yourself, or ask the owner to change the plan.`,
    { event: QUOTA_HANDOVER_EVENT, used: quota.used, limit: quota.limit });
  return {
    reason: "assistant reply quota reached; handed to the team",
    event: { name: "conversation/mode.changed", data: { tenantId, conversationId, ...(ctx.conversation.leadId ? { leadId: ctx.conversation.leadId } : {}), mode: "human" } },
  };
}
