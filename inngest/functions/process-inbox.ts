import { defineFunction } from "../define";
import { processInbox } from "@/lib/channels/process-inbox";

export const processInboxFn = defineFunction(
  {
    id: "process-inbox",
    triggers: [{ event: "inbox/received" }],
    retries: 5,
    // One sender's messages are handled in the order they arrived (the owner bot is a conversation).
    concurrency: { key: "event.data.orderKey", limit: 1 },
  },
  async ({ event, step }) => {
    const { inboxId } = event.data as { inboxId: string };
    return step.run("process", async () => {
      const out = await processInbox(inboxId);
      return { stored: out.stored, duplicates: out.duplicates, statuses: out.statuses, skipped: out.skipped ?? null };
    });
  },
);
