import { gunzipSync } from "node:zlib";

/** A decompressed feed may be this large: 10,000 cars are about 8 MB of JSON. */
export const MAX_INFLATED_FEED_BYTES = 100 * 1024 * 1024;

const isGzip = (bytes: Buffer) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Dealer systems often export `stock.json.gz` or post gzip bodies. A gzip stream (by its magic bytes, whatever
 * the headers say) is inflated with a hard output limit, so a small bomb cannot fill the memory; anything else
 * passes through unchanged.
 */
export function inflateFeed(bytes: Buffer, limit = MAX_INFLATED_FEED_BYTES): { ok: true; bytes: Buffer; inflated: boolean } | { ok: false; error: string } {
  if (!isGzip(bytes)) return { ok: true, bytes, inflated: false };
  try {
    return { ok: true, bytes: gunzipSync(bytes, { maxOutputLength: limit }), inflated: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) return { ok: false, error: `The feed inflates to more than ${limit / 1024 / 1024} MB` };
    return { ok: false, error: "The feed looks gzip-compressed but could not be decompressed" };
  }
}
