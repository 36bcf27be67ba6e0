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
    for (const chunk of sendChunks(Array.isArray(payload) ? payload : [payload])) await inngest.send(chunk as never);
    return;
  }
  const { dispatchLocal } = await import("./local/runner");
  await dispatchLocal(payload);
}

/** Inngest takes at most 5,000 events and (on the free tier) 256 KB per request; a 10,000-car import sends more. */
const MAX_EVENTS_PER_SEND = 1_000;
const MAX_BYTES_PER_SEND = 200_000;

export function sendChunks(events: OutgoingEvent[]): OutgoingEvent[][] {
  const chunks: OutgoingEvent[][] = [];
  let current: OutgoingEvent[] = [];
  let bytes = 0;
  for (const e of events) {
    const size = JSON.stringify(e).length;
    if (current.length && (current.length === MAX_EVENTS_PER_SEND || bytes + size > MAX_BYTES_PER_SEND)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
