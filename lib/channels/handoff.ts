import { after } from "next/server";
import { sendEvent, type OutgoingEvent } from "@/inngest/dispatch";
import { batchPerTurn } from "@/lib/util/batch-per-turn";

/**
 * Hand-offs that come due in the same turn of the event loop go out as one send: during a burst that is one
 * request to Inngest (or one statement for the in-process runner) for several webhooks instead of one each.
 */
const send = batchPerTurn<OutgoingEvent, void>(async (events) => {
  try {
    await sendEvent(events);
  } catch (err) {
    // Already persisted: the sweeper re-dispatches them, so the senders still got their 2xx.
    console.error(`[webhooks] hand-off of inbox ${events.map((e) => e.data.inboxId).join(", ")} failed`, err);
  }
  return events.map(() => ({ status: "fulfilled", value: undefined }));
}, 100);

/**
 * Hands a persisted inbox row to processing after the response is sent. It is already stored, so if
 * this fails or the process dies the sweeper re-dispatches it and the sender still gets its 2xx.
 */
export async function handOffInbox(inboxId: string, orderKey: string) {
  const task = () => send({ name: "inbox/received", id: `inbox-${inboxId}`, data: { inboxId, orderKey } });
  try {
    after(task);
  } catch {
    // Outside a Next.js request (tests, scripts): run it now.
    await task();
  }
}
