import { apiFetch } from "@/lib/net/api-fetch";
import type { InboundMessage, SendResult } from "./types";
import { parseStoredJson } from "@/lib/webhooks/body";

export type HttpAnswer = { ok: boolean; status: number; body: unknown; retryAfter: string | null; network?: string };

async function post(url: string, body: string, headers: Record<string, string>): Promise<HttpAnswer> {
  try {
    const res = await apiFetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text ? parseStoredJson(text) : null; } catch { /* keep the text for the error */ }
    return { ok: res.ok, status: res.status, body: parsed, retryAfter: res.headers.get("retry-after") };
  } catch (err) {
    return { ok: false, status: 0, body: null, retryAfter: null, network: (err as Error).message };
  }
}

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  post(url, JSON.stringify(body), { ...headers, "content-type": "application/json" });

export const postForm = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  post(url, new URLSearchParams(fields).toString(), { ...headers, "content-type": "application/x-www-form-urlencoded" });

/** Unreachable, 5xx and 429 are worth another attempt; any other refusal is final. */
export function httpSendFailure(res: HttpAnswer, provider: string): SendResult {
  if (res.network) return { ok: false, retryable: true, error: { code: "network", title: `${provider} unreachable: ${res.network}` } };
  const detail = typeof res.body === "string" ? res.body : JSON.stringify(res.body);
  const retryAfterMs = res.retryAfter && Number.isFinite(Number(res.retryAfter)) ? Number(res.retryAfter) * 1000 : undefined;
  return {
    ok: false, retryable: res.status >= 500 || res.status === 429, retryAfterMs,
    error: { code: res.status, title: `${provider} answered HTTP ${res.status}`, detail: detail?.slice(0, 500) },
  };
}

export function mediaTypeOf(mimeType?: string | null, filename?: string | null): InboundMessage["type"] {
  const kind = mimeType?.split("/")[0] ?? "";
  const ext = filename?.split(".").pop()?.toLowerCase() ?? "";
  if (kind === "image" || ["jpg", "jpeg", "png", "webp", "gif"].includes(ext)) return "image";
  if (kind === "audio" || ["mp3", "ogg", "opus", "m4a", "aac"].includes(ext)) return "audio";
  if (kind === "video" || ["mp4", "3gp", "mov"].includes(ext)) return "video";
  return "document";
}

const MAX_MEDIA_BYTES = 25 * 1024 * 1024;

/** Downloads a gateway's media file (WAHA, Fonnte) with a size cap. */
export async function fetchMediaUrl(url: string, headers: Record<string, string>, mimeType?: string): Promise<{ bytes: Buffer; mimeType: string }> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(20_000) });
  if (!res.ok) throw new Error(`download answered ${res.status}`);
  if (Number(res.headers.get("content-length") ?? 0) > MAX_MEDIA_BYTES) throw new Error("file larger than 25 MB");
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > MAX_MEDIA_BYTES) throw new Error("file larger than 25 MB");
  return { bytes, mimeType: mimeType ?? res.headers.get("content-type")?.split(";")[0] ?? "application/octet-stream" };
}
