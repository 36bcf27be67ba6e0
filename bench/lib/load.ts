import http from "node:http";

export type Sample = { ms: number; status: number };
export type RequestSpec = { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer };

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarize(samples: Sample[], seconds: number) {
  const ok = samples.filter((s) => s.status >= 200 && s.status < 300);
  const ms = ok.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length, ok: ok.length, errors: samples.length - ok.length, perSecond: ok.length / seconds,
    p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99),
  };
}

function send(agent: http.Agent, base: URL, spec: RequestSpec): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ agent, host: base.hostname, port: base.port, method: spec.method, path: spec.path, headers: spec.headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
    });
    req.on("error", () => resolve({ ms: performance.now() - started, status: 0 }));
    req.setTimeout(10_000, () => req.destroy());
    req.end(spec.body);
  });
}

/** Closed loop: `connections` workers each send back to back for `seconds` — the maximum sustained rate. */
export async function closedLoop(base: string, connections: number, seconds: number, next: (i: number) => RequestSpec) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const samples: Sample[] = [];
  const until = performance.now() + seconds * 1000;
  let i = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < until) samples.push(await send(agent, url, next(i++)));
  }));
  agent.destroy();
  return { samples, ...summarize(samples, seconds) };
}

/** Sends each request once, `connections` at a time (to warm caches page by page). */
export async function visitAll(base: string, connections: number, specs: RequestSpec[]) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  let i = 0;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (i < specs.length) await send(agent, url, specs[i++]);
  }));
  agent.destroy();
}

/** Open loop: a fixed offered rate, independent of how fast answers come back (no coordinated omission). */
export async function openLoop(base: string, ratePerSecond: number, seconds: number, next: (i: number) => RequestSpec) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const pending: Promise<Sample>[] = [];
  const start = performance.now();
  const total = Math.floor(ratePerSecond * seconds);
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(agent, url, next(i)));
  }
  const samples = await Promise.all(pending);
  agent.destroy();
  return { samples, ...summarize(samples, seconds) };
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** One request at a time: each sample is the server's time for that request on an otherwise idle app. */
export async function sequential(base: string, count: number, next: (i: number) => RequestSpec) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: Sample[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) samples.push(await send(agent, url, next(i)));
  agent.destroy();
  return { samples, ...summarize(samples, (performance.now() - started) / 1000) };
}
