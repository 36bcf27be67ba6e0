import { env } from "@/lib/env";
import { inngest } from "./client";
import type { LocalEvent } from "./local/state";

export type OutgoingEvent = LocalEvent;

/**
 * Every event the product sends goes through here: to Inngest when it is configured, otherwise
 * to the in-process runner (`inngest.send` throws without an event key or dev server).
 */
export async function sendEvent(payload: OutgoingEvent | OutgoingEvent[]): Promise<void> {
  if (env().modes.jobs === "inngest") {
    await inngest.send(payload as never);
    return;
  }
  const { dispatchLocal } = await import("./local/runner");
  await dispatchLocal(payload);
}
