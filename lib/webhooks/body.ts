export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type RawBody = { ok: true; text: string; bytes: Buffer } | { ok: false; status: 413 | 400; error: string };

/** Reads the body as raw bytes (signatures are over the exact bytes), refusing more than `limit`. */
export async function readRawBody(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<RawBody> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { ok: false, status: 413, error: `Body larger than ${limit} bytes` };
  if (!request.body) return { ok: true, text: "", bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return { ok: false, status: 413, error: `Body larger than ${limit} bytes` };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, error: "The request body could not be read" };
  }
  const bytes = Buffer.concat(chunks);
  return { ok: true, text: bytes.toString("utf8"), bytes };
}

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}) {
  return jsonAck({ error, ...extra }, { status, headers });
}

/**
 * A webhook's short JSON answer, marked no-transform: the server then leaves it uncompressed instead of running gzip
 * for a few dozen bytes on every delivery (and nothing should cache an acknowledgement).
 */
export function jsonAck(body: unknown, init: { status?: number; headers?: HeadersInit } = {}) {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  headers.set("cache-control", "no-store, no-transform");
  return new Response(text, { status: init.status ?? 200, headers });
}

/**
 * JSON as the app keeps it: a NUL character ("\u0000", valid JSON) is dropped from every string, since PostgreSQL
 * text cannot hold one and a shopper's message with it would otherwise never be stored.
 */
export function parseStoredJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (typeof value === "string" && value.includes("\u0000") ? value.replaceAll("\u0000", "") : value));
}

/** Parses JSON without throwing; webhooks answer 400 with the reason instead of a 500. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: parseStoredJson(text) };
  } catch (err) {
    return { ok: false, error: `Malformed JSON: ${(err as Error).message}` };
  }
}
