import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blockedAddressReason } from "@/lib/net/address";
import { safeFetch } from "@/lib/net/safe-fetch";

let server: http.Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    if (u.pathname === "/feed") return void res.writeHead(200, { "content-type": "application/json" }).end('{"vehicles":[]}');
    if (u.pathname === "/host") return void res.end(req.headers.host);
    if (u.pathname === "/hop") return void res.writeHead(302, { location: `/hop?n=${Number(u.searchParams.get("n") ?? 0) + 1}` }).end();
    if (u.pathname === "/to-feed") return void res.writeHead(301, { location: "/feed" }).end();
    if (u.pathname === "/to-metadata") return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (u.pathname === "/to-loopback") return void res.writeHead(307, { location: `http://127.0.0.1:${port}/feed` }).end();
    if (u.pathname === "/big") return void res.end("x".repeat(5000));
    if (u.pathname === "/big-chunked") {
      res.writeHead(200, { "transfer-encoding": "chunked" });
      for (let i = 0; i < 10; i++) res.write("y".repeat(1000));
      return void res.end();
    }
    if (u.pathname === "/slow") return void setTimeout(() => res.end("late"), 2000);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("address rules", () => {
  it.each([
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255",
    "0.0.0.0", "224.0.0.1", "255.255.255.255", "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:8.8.8.8", "::ffff:a9fe:a9fe", "64:ff9b::7f00:1",
  ])("%s is blocked", (ip) => {
    expect(blockedAddressReason(ip)).not.toBeNull();
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111"])("%s is public", (ip) => {
    expect(blockedAddressReason(ip)).toBeNull();
  });

  it("the loopback allowance opens loopback only", () => {
    expect(blockedAddressReason("127.0.0.1", { allowLoopback: true })).toBeNull();
    expect(blockedAddressReason("::1", { allowLoopback: true })).toBeNull();
    for (const ip of ["169.254.169.254", "10.0.0.1", "192.168.0.10", "::ffff:127.0.0.1", "fd00::1"]) expect(blockedAddressReason(ip, { allowLoopback: true })).not.toBeNull();
  });
});

describe("safeFetch without the loopback allowance", () => {
  it.each([
    ["127.0.0.1", () => `${base}/feed`],
    ["localhost", () => `http://localhost:${port}/feed`],
    ["[::1]", () => `http://[::1]:${port}/feed`],
    ["metadata", () => "http://169.254.169.254/latest/meta-data/"],
    ["10.x", () => "http://10.0.0.7/feed.json"],
    ["0.0.0.0", () => `http://0.0.0.0:${port}/feed`],
    ["IPv4-mapped IPv6", () => `http://[::ffff:127.0.0.1]:${port}/feed`],
    ["decimal IPv4", () => `http://2130706433:${port}/feed`],
  ])("rejects %s", async (_label, url) => {
    const r = await safeFetch(url());
    expect(r).toMatchObject({ ok: false, code: "blocked_address" });
  });

  it("rejects a public-looking name that resolves to 127.0.0.1, and a mixed answer", async () => {
    const r = await safeFetch(`http://feed.dealer.example:${port}/feed`, { resolve: async () => ["127.0.0.1"] });
    expect(r).toMatchObject({ ok: false, code: "blocked_address" });
    expect(r.ok ? "" : r.error).toContain("loopback");
    const mixed = await safeFetch(`http://feed.dealer.example:${port}/feed`, { resolve: async () => ["93.184.215.14", "10.0.0.1"] });
    expect(mixed).toMatchObject({ ok: false, code: "blocked_address" });
  });

  it("rejects other schemes, credentials and names that do not resolve", async () => {
    expect(await safeFetch("file:///etc/passwd")).toMatchObject({ ok: false, code: "invalid_url" });
    expect(await safeFetch("ftp://example.com/feed.csv")).toMatchObject({ ok: false, code: "invalid_url" });
    expect(await safeFetch("gopher://127.0.0.1:70/")).toMatchObject({ ok: false, code: "invalid_url" });
    expect(await safeFetch("http://user:pw@example.com/")).toMatchObject({ ok: false, code: "invalid_url" });
    expect(await safeFetch("not a url")).toMatchObject({ ok: false, code: "invalid_url" });
    expect(await safeFetch("http://nowhere.invalid/feed", { resolve: async () => { throw Object.assign(new Error("nx"), { code: "ENOTFOUND" }); } }))
      .toMatchObject({ ok: false, code: "dns_failed" });
  });

  it("rejects a redirect from a public host to 127.0.0.1", async () => {
    // The first hop passes the guard as a public address; the agent lands it on our server, which redirects to loopback.
    const toOurServer = Object.assign(new http.Agent(), { createConnection: () => net.connect(port, "127.0.0.1") });
    const viaPublic = (path: string) => safeFetch(`http://feeds.dealer.example${path}`, { resolve: async () => ["93.184.215.14"], agent: toOurServer });
    expect(await viaPublic("/feed")).toMatchObject({ ok: true, status: 200 });
    expect(await viaPublic("/to-loopback")).toMatchObject({ ok: false, code: "blocked_address" });
    expect(await viaPublic("/to-metadata")).toMatchObject({ ok: false, code: "blocked_address" });
  });
});

describe("safeFetch with loopback allowed (tests only)", () => {
  const opts = { allowLoopback: true };

  it("fetches, keeps the Host header of the URL, and follows up to three redirects", async () => {
    const ok = await safeFetch(`${base}/to-feed`, opts);
    expect(ok).toMatchObject({ ok: true, status: 200, url: `${base}/feed` });
    expect(ok.ok && ok.body.toString()).toBe('{"vehicles":[]}');
    const host = await safeFetch(`http://localhost:${port}/host`, opts);
    expect(host.ok && host.body.toString()).toBe(`localhost:${port}`);
    expect(await safeFetch(`${base}/hop`, { ...opts, maxRedirects: 3 })).toMatchObject({ ok: false, code: "too_many_redirects" });
  });

  it("re-checks every redirect: loopback allowed does not open the metadata address", async () => {
    expect(await safeFetch(`${base}/to-metadata`, opts)).toMatchObject({ ok: false, code: "blocked_address" });
  });

  it("enforces the size limit with and without Content-Length, and the time limit", async () => {
    expect(await safeFetch(`${base}/big`, { ...opts, maxBytes: 1000 })).toMatchObject({ ok: false, code: "too_large" });
    expect(await safeFetch(`${base}/big-chunked`, { ...opts, maxBytes: 5000 })).toMatchObject({ ok: false, code: "too_large" });
    expect(await safeFetch(`${base}/big`, { ...opts, maxBytes: 5000 })).toMatchObject({ ok: true, status: 200 });
    const started = Date.now();
    expect(await safeFetch(`${base}/slow`, { ...opts, timeoutMs: 300 })).toMatchObject({ ok: false, code: "timeout" });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("reports a refused connection as a network failure", async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const p = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await safeFetch(`http://127.0.0.1:${p}/`, opts)).toMatchObject({ ok: false, code: "network" });
  });
});
