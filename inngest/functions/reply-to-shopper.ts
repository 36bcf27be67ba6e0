import { defineFunction } from "../define";
import { env } from "@/lib/env";
import { replyToConversation } from "@/lib/assistant/pipeline";

export const replyToShopper = defineFunction(
  {
    id: "reply-to-shopper",
    triggers: [{ event: "conversation/message.received" }],
    // Debounce hands us only the last event of a burst; the pipeline reads the whole burst from the database.
    debounce: { key: "event.data.conversationId", period: `${env().ASSISTANT_DEBOUNCE_MS / 1000}s`, timeout: "20s" },
    concurrency: { key: "event.data.conversationId", limit: 1 },
    // Paces model calls per dealer (5 a second sustained) while twenty shoppers writing at once all get an answer now.
    throttle: { key: "event.data.tenantId", limit: 300, period: "1m", burst: 20 },
    // Backoff 1, 2, 4 … 32 s: a database restart or a minute of trouble delays the answer, it does not drop it.
    retries: 6,
  },
  async ({ event, step }) => {
    const { tenantId, conversationId } = event.data as { tenantId: string; conversationId: string };
    return step.run("reply", () => replyToConversation(tenantId, conversationId));
  },
);
