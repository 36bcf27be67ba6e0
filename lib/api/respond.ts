import { randomUUID } from "node:crypto";
import { createRateLimiter } from "@/lib/ratelimit";
import { authenticateApiKey, type ApiKeyIdentity, type ApiScope } from "./keys";

export type ApiError = { status: number; code: string; message: string };

const RATE_LIMIT_PER_MINUTE = 120;
// One process-wide window per key; a key is a tenant's integration, so this is its fair share.
const limiter = createRateLimiter({ limit: RATE_LIMIT_PER_MINUTE, windowMs: 60_000 });

export function apiError(status: number, code: string, message: string, headers: HeadersInit = {}) {
  return Response.json({ error: { code, message } }, { status, headers });
}

export const notFound = (what: string) => apiError(404, "not_found", `${what} not found.`);

function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}

type Handler = (ctx: { request: Request; key: ApiKeyIdentity; tenantId: string }) => Promise<Response>;

/**
 * Every /api/v1 route goes through here: bearer key → tenant, scope, per-key rate limit, and a
 * JSON answer even for unexpected failures (logged with a request id the caller can quote).
 */
export async function handleApiRequest(request: Request, scope: ApiScope, handler: Handler): Promise<Response> {
  const requestId = randomUUID();
  const token = bearerOf(request);
  if (!token) return apiError(401, "unauthorized", "Send your API key as 'Authorization: Bearer <key>'.", { "WWW-Authenticate": "Bearer" });
  const key = await authenticateApiKey(token);
  if (!key) return apiError(401, "unauthorized", "This API key is unknown or has been revoked.", { "WWW-Authenticate": "Bearer" });
  const rate = limiter.check(key.keyId);
  if (!rate.allowed) return apiError(429, "rate_limited", `Too many requests: at most ${RATE_LIMIT_PER_MINUTE} a minute per key.`, { "Retry-After": String(rate.retryAfterSeconds) });
  if (!key.scopes.includes(scope)) return apiError(403, "insufficient_scope", `This key lacks the '${scope}' scope.`);
  try {
    const response = await handler({ request, key, tenantId: key.tenantId });
    response.headers.set("X-Request-Id", requestId);
    response.headers.set("X-RateLimit-Remaining", String(rate.remaining));
    return response;
  } catch (err) {
    console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed (request ${requestId}, tenant ${key.tenantId})`, err);
    return apiError(500, "internal_error", `Something went wrong on our side. Quote request id ${requestId} if you contact support.`, { "X-Request-Id": requestId });
  }
}

/** Reads a JSON object body; the error is a ready 400/413 response. */
export async function readJsonBody(request: Request, limit = 64 * 1024): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text().catch(() => null);
  if (text === null) return { ok: false, response: apiError(400, "invalid_body", "The request body could not be read.") };
  if (Buffer.byteLength(text) > limit) return { ok: false, response: apiError(413, "body_too_large", `The body is larger than ${limit} bytes.`) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: apiError(400, "invalid_json", "The body is not valid JSON.") };
  }
}
