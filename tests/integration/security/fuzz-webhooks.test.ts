import fc from "fast-check";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { contacts, inventoryImports, leads, messages, vehicles, webhookInbox } from "@/db/schema";
import { env } from "@/lib/env";
import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/body";
import { useTestDatabase, testEngine } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { importRepoFile, routeFiles } from "./sweep/discover";
import { hostileBodies, type HostileBody } from "./fuzz/bodies";
import { fuzzTargets } from "./fuzz/targets";

vi.mock("server-only", () => ({}));
useTestDatabase();

type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** What a rejected request must not have changed: the inbox and the tenant's CRM and stock rows. */
async function footprint(t: Tenant): Promise<string> {
  const db = await getSystemDb();
  const [inbox] = await db.select({ n: count() }).from(webhookInbox);
  const counts = await withTenant(t.tenant.id, (tx) => Promise.all([contacts, leads, messages, vehicles, inventoryImports].map((table) => tx.select({ n: count() }).from(table))));
  return JSON.stringify([inbox.n, ...counts.map(([r]) => r.n)]);
}

function requestFor(file: string, t: Tenant, body: HostileBody, extraHeaders: Record<string, string> = {}) {
  const target = fuzzTargets[file];
  const headers: Record<string, string> = { ...target.credentials(body.bytes, t), ...extraHeaders };
  if (body.contentType) headers["content-type"] = body.contentType;
  const path = file.replace(/^app/, "").replace(/\/route\.tsx?$/, "").replace(/\[(\w+)\]/g, (_m, p: string) => target.params(t)[p]);
  return new Request(`http://${env().ROOT_DOMAIN}${path}`, { method: "POST", body: new Uint8Array(body.bytes), headers });
}

const webhookFiles = () => routeFiles().filter((f) => f.startsWith("app/api/webhooks/"));

describe(`hostile input on every webhook (${testEngine()})`, () => {
  let t: Tenant;
  const handlers = new Map<string, Handler>();

  beforeAll(async () => {
    t = await createTestTenant();
    for (const file of webhookFiles()) {
      const mod = await importRepoFile(file);
      if (typeof mod.POST === "function") handlers.set(file, mod.POST as Handler);
    }
  });

  it("every webhook route has a fuzz target", () => {
    const missing = [...handlers.keys()].filter((f) => !fuzzTargets[f]);
    expect(missing, `Add an entry for each of these to fuzzTargets in tests/integration/security/fuzz/targets.ts (params, credentials, one valid sample body): ${missing.join(", ")}`).toEqual([]);
  });

  it("random, mutated, deep, huge, mis-typed and invalid UTF-8 bodies get a 4xx with a JSON reason, never a 500, and nothing half-written", async () => {
    const seen: Record<string, Record<number, number>> = {};
    for (const [file, handler] of handlers) {
      const target = fuzzTargets[file];
      if (!target) continue;
      const tally: Record<number, number> = (seen[file] = {});
      await fc.assert(
        fc.asyncProperty(hostileBodies(target.sample(t)), async (body) => {
          const before = await footprint(t);
          const res = await handler(requestFor(file, t, body), { params: Promise.resolve(target.params(t)) });
          tally[res.status] = (tally[res.status] ?? 0) + 1;
          const text = await res.text();
          expect(res.status, `${file} answered ${res.status} to ${body.kind}: ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status < 400) return;
          const reason = JSON.parse(text) as { error?: unknown };
          expect(typeof reason.error === "string" && reason.error.length > 0, `${file} ${res.status} without a JSON error message: ${text.slice(0, 200)}`).toBe(true);
          expect(await footprint(t), `${file} rejected ${body.kind} with ${res.status} but wrote rows`).toBe(before);
        }),
        { numRuns: RUNS },
      );
    }
    console.log(`[fuzz] ${RUNS} hostile bodies per webhook; statuses: ${JSON.stringify(seen)}`);
  }, 600_000);

  it("a body over 1 MiB is 413 on every webhook, whether or not it declares its length", async () => {
    const big: HostileBody = { kind: "oversized", bytes: Buffer.alloc(MAX_WEBHOOK_BYTES + 1, 0x61), contentType: "application/json" };
    for (const [file, handler] of handlers) {
      if (!fuzzTargets[file]) continue;
      for (const declared of [true, false]) {
        const before = await footprint(t);
        const headers: Record<string, string> = declared ? { "content-length": String(big.bytes.length) } : {};
        const res = await handler(requestFor(file, t, big, headers), { params: Promise.resolve(fuzzTargets[file].params(t)) });
        expect(res.status, `${file} (declared length: ${declared})`).toBe(413);
        expect(((await res.json()) as { error: string }).error).toMatch(/larger than/);
        expect(await footprint(t)).toBe(before);
      }
    }
  });
});
