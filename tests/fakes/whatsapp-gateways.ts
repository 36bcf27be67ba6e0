import http from "node:http";
import { createHmac, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

// Fakes of WAHA (self-hosted WhatsApp HTTP API) and Fonnte on loopback, in their wire formats,
// plus the webhook bodies each of them posts. Failures can be scripted.

type Sent = { path: string; headers: http.IncomingHttpHeaders; body: Record<string, string | object>; id: string };
type Failure = { status: number; body?: unknown };

type Reply = (status: number, body: unknown, contentType?: string) => void;

async function serve(handle: (req: http.IncomingMessage, raw: string, reply: Reply) => void) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => handle(req, Buffer.concat(chunks).toString("utf8"), (status, body, contentType = "application/json") => {
      res.writeHead(status, { "content-type": contentType });
      res.end(Buffer.isBuffer(body) ? body : JSON.stringify(body));
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** WAHA: `POST /api/sendText` with `X-Api-Key`, answers with the WEBJS message object; files under `/api/files/`. */
export async function startFakeWaha(apiKey = "waha-key") {
  const sent: Sent[] = [];
  const failures: Failure[] = [];
  const files = new Map<string, { bytes: Buffer; mimeType: string }>();
  const srv = await serve((req, raw, reply) => {
    if (req.headers["x-api-key"] !== apiKey) return reply(401, { message: "Unauthorized", statusCode: 401 });
    if (req.method === "GET") {
      const file = files.get(req.url ?? "");
      return file ? reply(200, file.bytes, file.mimeType) : reply(404, { message: "File not found" });
    }
    const f = failures.shift();
    if (f) return reply(f.status, f.body ?? { statusCode: f.status, message: "Session is not ready" });
    const body = JSON.parse(raw) as { chatId: string };
    if (!["/api/sendText", "/api/sendImage"].includes(req.url ?? "")) return reply(404, { message: "Not Found" });
    const id = `true_${body.chatId}_${randomBytes(10).toString("hex").toUpperCase()}`;
    sent.push({ path: req.url!, headers: req.headers, body, id });
    reply(201, { id: { fromMe: true, remote: body.chatId, id: id.split("_")[2], _serialized: id }, ack: 0, body: (body as { text?: string }).text });
  });
  return {
    ...srv, sent,
    failNext: (n: number, status = 500) => { for (let i = 0; i < n; i++) failures.push({ status }); },
    setFile: (path: string, bytes: Buffer, mimeType: string) => files.set(path, { bytes, mimeType }),
  };
}

/** Fonnte: `POST /send` form-encoded with `Authorization: <device token>`; refusals are 200 with `status: false`. */
export async function startFakeFonnte(token = "fonnte-token") {
  const sent: Sent[] = [];
  const failures: Failure[] = [];
  let next = 80_000_000;
  const srv = await serve((req, raw, reply) => {
    if (req.url !== "/send") return reply(404, { status: false, reason: "not found" });
    if (req.headers.authorization !== token) return reply(200, { status: false, reason: "invalid token" });
    const f = failures.shift();
    if (f) return reply(f.status, f.body ?? { status: false, reason: "server busy" });
    const body = Object.fromEntries(new URLSearchParams(raw));
    const id = String(next++);
    sent.push({ path: req.url, headers: req.headers, body, id });
    reply(200, { detail: "success! message in queue", id: [id], process: "pending", status: true, target: [body.target] });
  });
  return {
    ...srv, sent,
    failNext: (n: number, status = 500, body?: unknown) => { for (let i = 0; i < n; i++) failures.push({ status, body }); },
  };
}

export const signWaha = (raw: string, key: string) => createHmac("sha512", key).update(raw).digest("hex");

export function wahaMessage(o: { session?: string; from: string; body?: string; id?: string; name?: string; media?: { url: string; mimetype: string }; fromMe?: boolean; event?: string }) {
  const id = o.id ?? `false_${o.from}@c.us_${randomBytes(10).toString("hex").toUpperCase()}`;
  return {
    id: `evt_${randomBytes(8).toString("hex")}`, timestamp: Date.now(), event: o.event ?? "message", session: o.session ?? "default", engine: "WEBJS",
    me: { id: "31850000000@c.us", pushName: "Dealer" },
    payload: {
      id, timestamp: Math.floor(Date.now() / 1000), from: `${o.from}@c.us`, fromMe: o.fromMe ?? false, to: "31850000000@c.us",
      body: o.body ?? "", hasMedia: Boolean(o.media), media: o.media ? { ...o.media, filename: null, error: null } : null, ack: 1, ackName: "SERVER",
      location: null, vCards: [], _data: { notifyName: o.name ?? "Shopper" },
    },
  };
}

export function wahaAck(o: { session?: string; id: string; ack: -1 | 0 | 1 | 2 | 3 | 4 }) {
  const names = { [-1]: "ERROR", 0: "PENDING", 1: "SERVER", 2: "DEVICE", 3: "READ", 4: "PLAYED" };
  return {
    id: `evt_${randomBytes(8).toString("hex")}`, timestamp: Date.now(), event: "message.ack", session: o.session ?? "default", engine: "WEBJS",
    payload: { id: o.id, from: "31850000000@c.us", fromMe: true, ack: o.ack, ackName: names[o.ack] },
  };
}

export function fonnteMessage(o: { device: string; sender: string; message: string; name?: string; inboxid?: string; url?: string; filename?: string; member?: string }) {
  return {
    device: o.device, sender: o.sender, message: o.message, text: "", member: o.member ?? "", name: o.name ?? "Pembeli", location: "",
    pollname: "", choices: [], timestamp: Math.floor(Date.now() / 1000), inboxid: o.inboxid ?? String(Math.floor(Math.random() * 1e9)),
    ...(o.url ? { url: o.url, filename: o.filename ?? "file.jpg", extension: (o.filename ?? "file.jpg").split(".").pop() } : {}),
  };
}

export function fonnteStatus(o: { device: string; id: string; status: string; state: string }) {
  return { device: o.device, id: o.id, stateid: String(Math.floor(Math.random() * 1e6)), status: o.status, state: o.state };
}
