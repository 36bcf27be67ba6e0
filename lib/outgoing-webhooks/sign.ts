import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/crypto/secrets";

export const SIGNATURE_HEADER = "X-Forecourt-Signature";
export const TIMESTAMP_HEADER = "X-Forecourt-Timestamp";
export const EVENT_HEADER = "X-Forecourt-Event";
export const DELIVERY_HEADER = "X-Forecourt-Delivery";
// Receivers should refuse older timestamps so a captured request cannot be replayed later.
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** `sha256=` + hex HMAC-SHA256 over `${timestamp}.${body}` with the endpoint's secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does; also used by our tests and shown in the dashboard's instructions. */
export function verifyWebhookSignature(secret: string, header: { signature: string | null; timestamp: string | null }, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const ts = Number(header.timestamp);
  if (!header.signature || !Number.isInteger(ts) || Math.abs(nowSeconds - ts) > SIGNATURE_TOLERANCE_SECONDS) return false;
  return safeEqual(signWebhook(secret, ts, body), header.signature);
}
