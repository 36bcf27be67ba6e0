import { beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase, testEngine } from "../../helpers/db";
import { callAction, callPage, callRoute, actAs, type Outcome } from "./sweep/call";
import { discoverEntries, importRepoFile, type Entry } from "./sweep/discover";
import { probes, type Probe, type Who } from "./sweep/probes";
import { buildTenantWorld, leakedMarkers, snapshotTenant, type TenantWorld } from "./sweep/world";

// Pages and actions read the request through next/headers; the sweep supplies it (the session itself is real).
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./sweep/request-context")).nextCacheMock);
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

useTestDatabase();

const roleRank = { public: -1, sales: 0, manager: 1, admin: 2, owner: 3 } as const;

function missingProbeMessage(missing: Entry[]): string {
  const lines = missing.map((e) => `  "${e.key}": ${e.kind === "action" ? `action("<minRole>", "ids" | "session", (b) => [/* arguments using b's ids */])` : `{ kind: "${e.kind}", calls: (a, b) => [/* call with b's ids as a's user */] }`},`);
  return [
    `${missing.length} way(s) into the app have no isolation probe. Add to \`probes\` in tests/integration/security/sweep/probes.ts:`,
    ...lines,
    "The comment at the top of probes.ts says what each field means; ids available to a probe are listed in sweep/world.ts.",
  ].join("\n");
}

describe(`tenant isolation sweep (${testEngine()})`, () => {
  let a: TenantWorld;
  let b: TenantWorld;
  let entries: Entry[];

  beforeAll(async () => {
    a = await buildTenantWorld("A");
    b = await buildTenantWorld("B");
    entries = await discoverEntries();
  }, 120_000);

  it("every route handler, page with params and server action found in the tree has a probe", () => {
    const missing = entries.filter((e) => !probes[e.key]);
    expect(missing.map((e) => e.key), missingProbeMessage(missing)).toEqual([]);
    const stale = Object.keys(probes).filter((k) => !entries.some((e) => e.key === k));
    if (stale.length) console.warn(`[sweep] probes for entries not in the tree (renamed or not yet added?): ${stale.join(", ")}`);
  });

  it("the sweep can tell: A's own vehicle page renders A's data, and a leaking or permissive call is caught", async () => {
    await actAs(a.users.owner);
    const page = (await importRepoFile("app/(dashboard)/inventory/[id]/page.tsx")).default as never;
    const own = await callPage(page, { id: a.ids.vehicleId });
    expect(own.refused).toBe(false);
    expect(leakedMarkers(a, own.text)).toContain(a.markers[4]);
    const leaky = await callAction(async () => ({ ok: true, data: { name: b.markers[0] } }), []);
    expect(leaky.refused).toBe(false);
    expect(leakedMarkers(b, leaky.text)).toEqual([b.markers[0]]);
  });

  it("as tenant A (or a rep, or signed out) every call with tenant B's ids is refused and shows nothing of B", async () => {
    const failures: string[] = [];
    let count = 0;
    const emailOf = (who: Who) => (who ? a.users[who] : null);

    async function probe(entry: Entry, label: string, who: Who, mustRefuse: boolean, run: () => Promise<Outcome>, guarded: TenantWorld) {
      count++;
      await actAs(emailOf(who));
      const before = await snapshotTenant(guarded.ids.tenantId);
      const beforeB = guarded === b ? before : await snapshotTenant(b.ids.tenantId);
      let outcome: Outcome;
      try {
        outcome = await run();
      } catch (err) {
        failures.push(`${entry.key} [${label}]: threw ${(err as Error).stack?.split("\n").slice(0, 3).join(" | ")}`);
        return;
      }
      const where = `${entry.key} [${label}] (${outcome.how})`;
      if (process.env.SWEEP_VERBOSE) console.log(`[sweep] ${outcome.refused ? "refused " : "answered"} ${where}`);
      if (mustRefuse && !outcome.refused) failures.push(`${where}: was not refused`);
      const leaked = leakedMarkers(b, outcome.text);
      if (leaked.length) failures.push(`${where}: answer contains tenant B's ${leaked.join(", ")}`);
      if ((await snapshotTenant(b.ids.tenantId)) !== beforeB) failures.push(`${where}: changed tenant B's data`);
      if (guarded !== b && (await snapshotTenant(guarded.ids.tenantId)) !== before) failures.push(`${where}: changed data it should have refused to change`);
    }

    for (const entry of entries) {
      const def: Probe | undefined = probes[entry.key];
      if (!def) continue;
      const mod = await importRepoFile(entry.file);
      const fn = mod[entry.name] as (...args: unknown[]) => unknown;
      if (def.kind === "action" && entry.kind === "action") {
        await probe(entry, "owner of A, B's ids", "owner", def.targets === "ids", () => callAction(fn, def.args(b.ids)), b);
        if (roleRank[def.minRole] > roleRank.sales) await probe(entry, `sales rep of A, needs ${def.minRole}`, "sales", true, () => callAction(fn, def.args(a.ids)), a);
        if (def.minRole !== "public") await probe(entry, "signed out", null, true, () => callAction(fn, def.args(a.ids)), a);
      } else if (def.kind === "route" && entry.kind === "route") {
        for (const call of def.calls(a.ids, b.ids)) {
          await probe(entry, `${call.as ?? "anonymous"} ${call.request.method} ${new URL(call.request.url).pathname}`, call.as, call.expect === "refused", () => callRoute(fn as never, call.request, call.params ?? {}), b);
        }
      } else if (def.kind === "page" && entry.kind === "page") {
        for (const call of def.calls(a.ids, b.ids)) {
          await probe(entry, `${call.as ?? "anonymous"} ${JSON.stringify(call.params)}`, call.as, call.expect === "refused", () => callPage(fn as never, call.params, call.searchParams), b);
        }
      } else {
        failures.push(`${entry.key}: probe is a ${def.kind} but the file is a ${entry.kind}`);
      }
    }
    const kinds = (k: Entry["kind"]) => entries.filter((e) => e.kind === k).length;
    console.log(`[sweep] ${count} probes over ${kinds("route")} route handlers, ${kinds("page")} pages with params, ${kinds("action")} server actions; ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 300_000);
});
