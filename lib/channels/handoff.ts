import { after } from "next/server";
import { sendEvent, type OutgoingEvent } from "@/inngest/dispatch";
import { batchPerTurn } from "@/lib/util/batch-per-turn";

/**
 * How long a failed hand-off waits before each new try (ms). A database restart or an Inngest hiccup usually lasts
 * seconds, so the message is answered seconds late instead of waiting for the sweeper (a minute or two). Every
 * try sends the same event ids, so a send that landed but failed to answer is not run twice.
 */
let retryDelays: readonly number[] = [1_000, 3_000, 10_000];

/** Tests shorten the waits (the order of tries is what they check). */
export function setHandOffRetryDelays(delays: readonly number[]) {
  retryDelays = delays;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sendWithRetries(events: OutgoingEvent[]) {
  for (let attempt = 0; ; attempt++) {
    try {
      await sendEvent(events);
      return;
    } catch (err) {
      if (attempt >= retryDelays.length) {
        // Already persisted: the sweeper re-dispatches them, so the senders still got their 2xx.
        console.error(`[webhooks] hand-off of inbox ${events.map((e) => e.data.inboxId).join(", ")} failed ${attempt + 1} times; left for the sweeper`, err);
        return;
      }
      await sleep(retryDelays[attempt]);
    }
  }
}

/**
 * Hand-offs that come due in the same turn of the event loop go out as one send: during a burst that is one
 * request to Inngest (or one statement for the in-process runner) for several webhooks instead of one each.
 */
const send = batchPerTurn<OutgoingEvent, void>(async (events) => {
  await sendWithRetries(events);
  return events.map(() => ({ status: "fulfilled", value: undefined }));
}, 100);

/**
 * Hands a persisted inbox row to processing after the response is sent. It is already stored, so if
 * this keeps failing or the process dies the sweeper re-dispatches it and the sender still gets its 2xx.
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
