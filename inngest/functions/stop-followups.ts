import { defineFunction } from "../define";
import { onConversationMode, onShopperMessage, onStageChanged } from "@/lib/followups/signals";

/** A reply, an opt-out, won/lost or a human taking over ends the lead's running sequences. */
export const stopFollowupsFn = defineFunction(
  {
    id: "stop-followups",
    triggers: [{ event: "conversation/message.received" }, { event: "lead/stage.changed" }, { event: "conversation/mode.changed" }],
    retries: 3,
  },
  async ({ event, step }) => {
    const d = event.data as { tenantId: string; messageId?: string; leadId?: string; to?: string; conversationId?: string; mode?: string };
    if (event.name === "conversation/message.received") return step.run("on-reply", () => onShopperMessage(d.tenantId, d.messageId!));
    if (event.name === "lead/stage.changed") return step.run("on-stage", () => onStageChanged(d.tenantId, d.leadId!, d.to!));
    return step.run("on-mode", () => onConversationMode(d.tenantId, d.conversationId!, d.mode!));
  },
);
