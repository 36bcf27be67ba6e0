import { and, eq, gt, lt } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { messages } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { Tx } from "@/db/client";
import { sendEvent, type OutgoingEvent } from "@/inngest/dispatch";
import { deliverMessage, deliveryBackoffMs, type DeliveryRead } from "@/lib/channels/deliver";
import { clock } from "@/inngest/local/clock";
import { recordOutboundMessage, type OutboundInput, type Message } from "./index";

/**
 * Stores a dealer-side message as queued and asks the delivery function to send it; retries and
 * provider errors are handled there, so callers never talk to a provider directly.
 */
export async function queueOutboundMessage(tenantId: string, input: OutboundInput): Promise<Message> {
  const { message, request } = await withTenant(tenantId, (tx) => recordQueuedMessage(tx, tenantId, input));
  if (request) await sendEvent(request);
  return message;
}

/**
 * `queueOutboundMessage` inside the caller's transaction: the caller sends the returned delivery request once it
 * has committed (none for a duplicate).
 */
export async function recordQueuedMessage(tx: Tx, tenantId: string, input: OutboundInput): Promise<{ message: Message; request: OutgoingEvent | null }> {
  const { message, duplicate } = await recordOutboundMessage(tx, tenantId, input);
  return { message, request: duplicate ? null : sendRequested(tenantId, message.id) };
}

/**
 * Sends a stored answer now, from the run that wrote it (`read`: what `readForDelivery` found in the transaction
 * that stored it). Only when that attempt cannot send (the provider failing, the database blinking) does the
 * delivery function take over, with its retries and backoff; a message that was sent, skipped or refused for good
 * needs no run.
 */
export async function deliverNowOrRequest(request: OutgoingEvent, read?: DeliveryRead): Promise<void> {
  const { tenantId, messageId } = request.data as { tenantId: string; messageId: string };
  let waitMs = deliveryBackoffMs(0);
  try {
    const result = await deliverMessage(tenantId, messageId, false, read);
    if (result.outcome !== "retry") return;
    waitMs = Math.max(waitMs, result.retryAfterMs ?? 0);
  } catch (err) {
    console.warn(`[outbound] message ${messageId} not sent at once, handed to the delivery function: ${(err as Error).message}`);
  }
  // The first attempt was this one: the delivery function's starts after the backoff, not at once.
  await sendEvent({ ...request, ts: clock.now().getTime() + waitMs });
}

// Always the same event id for a message: Inngest (and the in-process runner) drop a second event with it.
const sendRequested = (tenantId: string, messageId: string): OutgoingEvent =>
  ({ name: "message/send.requested", id: `send-${messageId}`, data: { tenantId, messageId } });

/**
 * A message is stored before its delivery is requested (or, for an answer, before the run that stored it sends it);
 * if the database, the job queue or the process failed in between, it would wait as "queued" forever. The sweeper asks again for messages queued longer than a minute: with
 * the same event id, a request that did get through the first time is dropped, so nothing is sent twice.
 * Only within a day, Inngest's event-id window.
 */
export async function redispatchStuckOutbound(now: Date, limit = 200): Promise<number> {
  const db = await getSystemDb();
  const stuck = await db.select({ id: messages.id, tenantId: messages.tenantId }).from(messages)
    .where(and(eq(messages.direction, "outbound"), eq(messages.status, "queued"),
      lt(messages.createdAt, new Date(now.getTime() - 60_000)), gt(messages.createdAt, new Date(now.getTime() - 86_400_000))))
    .orderBy(messages.createdAt).limit(limit);
  if (stuck.length) await sendEvent(stuck.map((m) => sendRequested(m.tenantId, m.id)));
  return stuck.length;
}
