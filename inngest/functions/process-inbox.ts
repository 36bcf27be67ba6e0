import { defineFunction } from "../define";
import { processInbox } from "@/lib/channels/process-inbox";

export const processInboxFn = defineFunction(
  { id: "process-inbox", triggers: [{ event: "inbox/received" }], retries: 5 },
  async ({ event, step }) => {
    const { inboxId } = event.data as { inboxId: string };
    return step.run("process", async () => {
      const out = await processInbox(inboxId);
      return { stored: out.stored, duplicates: out.duplicates, statuses: out.statuses, skipped: out.skipped ?? null };
    });
  },
);
