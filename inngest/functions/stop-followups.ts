import { defineFunction } from "../define";
import { onConversationMode, onShopperMessage, onStageChanged } from "@/lib/followups/signals";

/** A reply, an opt-out, won/lost or a human taking over ends the lead's running sequences. */
export const stopFollowupsFn = defineFunction(
  {
    id: "stop-followups",
    // Only events that can stop something start a run: a reply when the lead has a running sequence (or opts out),
    // won or lost, a person taking over. Most messages and stage changes stop nothing.
    triggers: [
      { event: "conversation/message.received", if: "event.data.followups == true" },
      { event: "lead/stage.changed", if: "event.data.to == 'won' || event.data.to == 'lost'" },
      { event: "conversation/mode.changed", if: "event.data.mode == 'human'" },
    ],
    retries: 3,
  },
  async ({ event, step }) => {
    const d = event.data as { tenantId: string; messageId?: string; leadId?: string; to?: string; conversationId?: string; mode?: string };
    if (event.name === "conversation/message.received") return step.run("on-reply", () => onShopperMessage(d.tenantId, d.messageId!));
    if (event.name === "lead/stage.changed") return step.run("on-stage", () => onStageChanged(d.tenantId, d.leadId!, d.to!));
    return step.run("on-mode", () => onConversationMode(d.tenantId, d.conversationId!, d.mode!));
  },
);
