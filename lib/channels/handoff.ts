import { after } from "next/server";
import { sendEvent } from "@/inngest/dispatch";

/**
 * Hands a persisted inbox row to processing after the response is sent. It is already stored, so if
 * this fails or the process dies the sweeper re-dispatches it and the sender still gets its 2xx.
 */
export async function handOffInbox(inboxId: string, orderKey: string) {
  const task = async () => {
    try {
      await sendEvent({ name: "inbox/received", id: `inbox-${inboxId}`, data: { inboxId, orderKey } });
    } catch (err) {
      console.error(`[webhooks] hand-off of inbox ${inboxId} failed`, err);
    }
  };
  try {
    after(task);
  } catch {
    // Outside a Next.js request (tests, scripts): run it now.
    await task();
  }
}
