import { after } from "next/server";
import { sendEvent, type OutgoingEvent } from "@/inngest/dispatch";

/** Inngest takes many events in one send; a burst of webhooks rarely needs more per send than this. */
const MAX_BATCH = 100;

type Waiting = { event: OutgoingEvent; sent: () => void };
let waiting: Waiting[] = [];

/**
 * Hand-offs that come due in the same turn of the event loop go out as one send: during a burst that is one
 * request to Inngest (or one statement for the in-process runner) for several webhooks instead of one each.
 */
function send(event: OutgoingEvent): Promise<void> {
  return new Promise((sent) => {
    waiting.push({ event, sent });
    if (waiting.length === 1) setImmediate(flush);
    else if (waiting.length >= MAX_BATCH) flush();
  });
}

async function flush() {
  const batch = waiting;
  waiting = [];
  if (batch.length === 0) return;
  try {
    await sendEvent(batch.map((w) => w.event));
  } catch (err) {
    // Already persisted: the sweeper re-dispatches them, so the senders still got their 2xx.
    console.error(`[webhooks] hand-off of inbox ${batch.map((w) => w.event.data.inboxId).join(", ")} failed`, err);
  }
  for (const w of batch) w.sent();
}

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
