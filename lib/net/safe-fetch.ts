import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { blockedAddressReason } from "./address";

export type SafeFetchOptions = {
  headers?: Record<string, string>;
  /** Largest body accepted, in bytes. */
  maxBytes?: number;
  /** Budget for the whole exchange, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Only for tests that serve a feed from 127.0.0.1 / ::1; private ranges and metadata stay blocked. */
  allowLoopback?: boolean;
  /** Name resolution; tests substitute it to simulate a hostile DNS answer. */
  resolve?: (hostname: string) => Promise<string[]>;
  /** Tests route the connection of a "public" address to a local server with their own agent. */
  agent?: http.Agent;
};

export type SafeFetchFailure = "invalid_url" | "blocked_address" | "dns_failed" | "too_many_redirects" | "too_large" | "timeout" | "network";
export type SafeFetchResult =
  | { ok: true; status: number; headers: Record<string, string>; body: Buffer; url: string }
  | { ok: false; code: SafeFetchFailure; error: string };

type Target = { url: URL; address: string };
type Fail = Extract<SafeFetchResult, { ok: false }>;
const fail = (code: SafeFetchFailure, error: string): Fail => ({ ok: false, code, error });
const redirects = new Set([301, 302, 303, 307, 308]);

const systemResolve = async (hostname: string) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** Checks the URL and resolves its host once; the request then connects to exactly this address (no DNS rebinding window). */
export async function resolveSafeTarget(raw: string, opts: Pick<SafeFetchOptions, "allowLoopback" | "resolve"> = {}): Promise<Target | Fail> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("invalid_url", "Not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fail("invalid_url", "Only http:// and https:// URLs can be fetched");
  if (url.username || url.password) return fail("invalid_url", "URLs with a user name or password are not accepted");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (opts.resolve ?? systemResolve)(host);
    } catch (e) {
      return fail("dns_failed", `Could not resolve ${host}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (addresses.length === 0) return fail("dns_failed", `Could not resolve ${host}`);
  }
  // Every answer must be public: a mixed answer would let the attacker pick which one we use.
  for (const address of addresses) {
    const reason = blockedAddressReason(address, opts);
    if (reason) return fail("blocked_address", `${host} is not allowed: ${reason}`);
  }
  return { url, address: addresses[0] };
}

/** GET with an SSRF guard: public addresses only (checked after DNS and on every redirect), size and time limits. */
export async function safeFetch(raw: string, opts: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const { maxBytes = 10 * 1024 * 1024, timeoutMs = 15_000, maxRedirects = 3 } = opts;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    let current = raw;
    for (let hop = 0; ; hop++) {
      const target = await resolveSafeTarget(current, opts);
      if ("ok" in target) return target;
      if (abort.signal.aborted) return fail("timeout", `No answer within ${timeoutMs / 1000} s`);
      const res = await request(target, opts, maxBytes, abort.signal, timeoutMs);
      if (!res.ok) return res;
      const location = res.headers.location;
      if (!redirects.has(res.status) || !location) return res;
      if (hop >= maxRedirects) return fail("too_many_redirects", `More than ${maxRedirects} redirects`);
      current = new URL(location, target.url).toString();
    }
  } finally {
    clearTimeout(timer);
  }
}

function request({ url, address }: Target, opts: SafeFetchOptions, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<SafeFetchResult> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const req = client.request({
      host: address, port: url.port || undefined, path: `${url.pathname}${url.search}`, method: "GET", signal, agent: opts.agent ?? false,
      // The certificate is checked against the name the user gave, not the IP we connect to.
      servername: isIP(host) ? undefined : host,
      headers: { "user-agent": "Forecourt-Feed/1.0", accept: "*/*", ...opts.headers, host: url.host, "accept-encoding": "identity" },
    }, (res) => {
      const status = res.statusCode ?? 0;
      const out = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v ?? "")]));
      if (redirects.has(status)) {
        res.resume();
        return resolve({ ok: true, status, headers: out, body: Buffer.alloc(0), url: url.toString() });
      }
      if (Number(out["content-length"] ?? 0) > maxBytes) {
        req.destroy();
        return resolve(fail("too_large", `The response is larger than ${maxBytes} bytes`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy();
          resolve(fail("too_large", `The response is larger than ${maxBytes} bytes`));
        } else chunks.push(chunk);
      });
      res.on("end", () => resolve({ ok: true, status, headers: out, body: Buffer.concat(chunks), url: url.toString() }));
      res.on("error", (e) => resolve(networkFailure(e, signal, timeoutMs)));
    });
    req.on("error", (e) => resolve(networkFailure(e, signal, timeoutMs)));
    req.end();
  });
}

function networkFailure(e: Error, signal: AbortSignal, timeoutMs: number): Fail {
  if (signal.aborted) return fail("timeout", `No answer within ${timeoutMs / 1000} s`);
  return fail("network", `${(e as NodeJS.ErrnoException).code ?? e.message}`);
}
