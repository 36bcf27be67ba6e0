import http from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

// A fake of Meta's Graph API on loopback that speaks its wire format: WhatsApp messages, media,
// Lead Ads leads — plus WAHA and Fonnte send endpoints. Failures can be scripted.

export type RecordedRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: unknown };
type Failure = { status: number; code?: number; message?: string; retryAfter?: number };

export async function startFakeGraph(port = 0) {
  const requests: RecordedRequest[] = [];
  const sent: { phoneNumberId: string; body: Record<string, unknown>; id: string; at: number }[] = [];
  const listeners: ((s: (typeof sent)[number]) => void)[] = [];
  const failures: Failure[] = [];
  // Timed outages (fault scripts), one after the other: each starts at the first send it refuses.
  const outages: { ms: number; failure: Failure; until?: number }[] = [];
  const nextFailure = () => {
    const scripted = failures.shift();
    if (scripted) return scripted;
    while (outages[0]?.until !== undefined && performance.now() >= outages[0].until) outages.shift();
    if (outages[0]) outages[0].until ??= performance.now() + outages[0].ms;
    return outages[0]?.failure;
  };
  const leads = new Map<string, { name: string; values: string[] }[]>();
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  let base = "";

  const reply = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const metaError = (res: http.ServerResponse, f: Failure) =>
    reply(res, f.status, { error: { message: f.message ?? "(#131000) Something went wrong", type: "OAuthException", code: f.code ?? 131000, fbtrace_id: randomBytes(6).toString("hex") } },
      f.retryAfter ? { "retry-after": String(f.retryAfter) } : {});

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try { body = raw ? JSON.parse(raw) : null; } catch { /* keep raw */ }
      const url = new URL(req.url ?? "/", "http://x");
      const path = url.pathname.replace(/^\/v\d+\.\d+/, "");
      if (path === "/__health") return reply(res, 200, { ok: true });
      if (path === "/__sent") return reply(res, 200, sent);
      if (path === "/__reset") { requests.length = 0; sent.length = 0; failures.length = 0; return reply(res, 200, { ok: true }); }
      if (path === "/__fail" && req.method === "POST") { failures.push(...(Array.isArray(body) ? body : [body]) as Failure[]); return reply(res, 200, { ok: true }); }
      requests.push({ method: req.method ?? "GET", path, headers: req.headers, body });

      const auth = req.headers.authorization ?? "";
      const messages = /^\/(\d+)\/messages$/.exec(path);
      if (messages && req.method === "POST") {
        if (!auth.startsWith("Bearer ")) return metaError(res, { status: 401, code: 190, message: "Invalid OAuth access token." });
        const failure = nextFailure();
        if (failure) return metaError(res, failure);
        const b = body as Record<string, unknown>;
        const id = `wamid.${randomBytes(12).toString("hex")}`;
        const entry = { phoneNumberId: messages[1], body: b, id, at: performance.now() };
        sent.push(entry);
        for (const l of listeners) l(entry);
        return reply(res, 200, { messaging_product: "whatsapp", contacts: [{ input: b.to, wa_id: b.to }], messages: [{ id }] });
      }
      if (path === "/waha/api/sendText" && req.method === "POST") {
        const failure = failures.shift();
        if (failure) return reply(res, failure.status, { error: failure.message ?? "failed" });
        const id = `true_${(body as { chatId?: string }).chatId}_${randomBytes(8).toString("hex")}`;
        sent.push({ phoneNumberId: "waha", body: body as Record<string, unknown>, id, at: performance.now() });
        return reply(res, 201, { id: { _serialized: id } });
      }
      if (path === "/fonnte/send" && req.method === "POST") {
        const failure = failures.shift();
        if (failure) return reply(res, failure.status, { status: false, reason: failure.message ?? "failed" });
        const id = String(Date.now());
        sent.push({ phoneNumberId: "fonnte", body: (typeof body === "object" ? body : Object.fromEntries(new URLSearchParams(raw))) as Record<string, unknown>, id, at: performance.now() });
        return reply(res, 200, { status: true, id: [id], process: "pending" });
      }
      const download = /^\/__media\/(.+)$/.exec(path);
      if (download) {
        if (!auth.startsWith("Bearer ")) return reply(res, 401, { error: "unauthorized" });
        const m = media.get(download[1]);
        if (!m) return reply(res, 404, { error: "expired" });
        res.writeHead(200, { "content-type": m.mimeType, "content-length": m.bytes.length });
        return res.end(m.bytes);
      }
      const node = /^\/([A-Za-z0-9_.-]+)$/.exec(path);
      if (node && req.method === "GET") {
        if (!auth.startsWith("Bearer ")) return metaError(res, { status: 401, code: 190, message: "Invalid OAuth access token." });
        const failure = failures.shift();
        if (failure) return metaError(res, failure);
        const id = node[1];
        if (media.has(id)) {
          const m = media.get(id)!;
          return reply(res, 200, { messaging_product: "whatsapp", url: `${base}/__media/${id}`, mime_type: m.mimeType, sha256: "", file_size: m.bytes.length, id });
        }
        if (leads.has(id)) return reply(res, 200, { id, created_time: new Date().toISOString(), field_data: leads.get(id) });
        return metaError(res, { status: 404, code: 100, message: `Unsupported get request. Object with ID '${id}' does not exist` });
      }
      return reply(res, 404, { error: { message: "Unknown path", code: 100 } });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    sent,
    onSent: (l: (s: (typeof sent)[number]) => void) => listeners.push(l),
    /** Every message send fails with `failure` for `ms` milliseconds from the first one it refuses (after earlier outages). */
    failFor: (ms: number, failure: Failure) => { outages.push({ ms, failure }); },
    failNext: (n: number, status = 500, code?: number, retryAfter?: number) => { for (let i = 0; i < n; i++) failures.push({ status, code, retryAfter }); },
    setLead: (leadgenId: string, fieldData: { name: string; values: string[] }[]) => leads.set(leadgenId, fieldData),
    setMedia: (mediaId: string, bytes: Buffer, mimeType: string) => media.set(mediaId, { bytes, mimeType }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeGraph = Awaited<ReturnType<typeof startFakeGraph>>;
