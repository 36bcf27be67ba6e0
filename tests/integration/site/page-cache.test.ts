import { describe, expect, it } from "vitest";
import { updateVehicle } from "@/lib/inventory/admin";
import { env } from "@/lib/env";
import { invalidateCatalog } from "@/lib/catalog/cache";
import { forgetSiteHosts } from "@/lib/catalog/data";
import { serveCachedPage, type PageRenderer } from "@/lib/catalog/page-cache";
import { warmPage } from "@/lib/catalog/page-store";
import { addStock } from "../../helpers/stock";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const hostOf = (slug: string) => `${slug}.${env().ROOT_DOMAIN}`;

/** Stands in for Next rendering the page: counts renders and echoes what was rendered. */
function fakeRenderer() {
  const calls: string[] = [];
  const render: PageRenderer = async (host, target) => {
    calls.push(`${host}${target}`);
    return { status: 200, body: `<html>${target} #${calls.length}</html>`, contentType: "text/html; charset=utf-8" };
  };
  return { calls, render };
}
const get = (host: string, path: string, query: string, render: PageRenderer, ifNoneMatch?: string) =>
  serveCachedPage(host, path, new URLSearchParams(query), { render, ifNoneMatch });

describe("dealer site page cache", () => {
  it("renders a listing once per inventory state and answers repeats and equal queries from memory", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const host = hostOf(t.tenant.slug);
    const { calls, render } = fakeRenderer();
    const first = await get(host, "/", "make=Kia&sort=price_asc", render);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe("<html>/?make=Kia&sort=price_asc #1</html>");
    const again = await get(host, "/", "sort=price_asc&make=Kia&utm_source=x", render);
    expect(await again.text()).toBe("<html>/?make=Kia&sort=price_asc #1</html>");
    expect(calls).toHaveLength(1);
    const etag = again.headers.get("etag")!;
    expect((await get(host, "/", "make=Kia&sort=price_asc", render, etag)).status).toBe(304);
    await Promise.all([get(host, "/", "page=2", render), get(host, "/", "page=2", render)]);
    expect(calls).toHaveLength(2);
  });

  it("a sold car renders afresh within seconds and its page answers 410", async () => {
    const t = await createTestTenant();
    const [yaris] = await addStock(t.tenant.id);
    const host = hostOf(t.tenant.slug);
    const { calls, render } = fakeRenderer();
    expect((await get(host, `/cars/${yaris.slug}`, "", render)).status).toBe(200);
    await get(host, "/", "", render);
    expect(calls).toHaveLength(2);
    await updateVehicle(t.tenant.id, yaris.id, { status: "sold" }, null);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await (await get(host, "/", "", render)).text()).toBe("<html>/ #3</html>");
    const sold = await get(host, `/cars/${yaris.slug}`, "", render);
    expect(sold.status).toBe(410);
    expect(calls).toHaveLength(4);
  });

  it("one dealer's cached page is never another dealer's: same path, separate entries, each rendered for its own host", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const [aCar] = await addStock(a.tenant.id);
    const calls: string[] = [];
    const render: PageRenderer = async (host, target) => {
      calls.push(`${host}${target}`);
      const own = host === hostOf(a.tenant.slug);
      // As the page does: another dealer's car slug on this host is a 404.
      if (target.startsWith("/cars/") && !own) return { status: 404, body: "not found", contentType: "text/html; charset=utf-8" };
      return { status: 200, body: `<html>${host}${target}</html>`, contentType: "text/html; charset=utf-8" };
    };
    expect(await (await get(hostOf(a.tenant.slug), "/", "", render)).text()).toBe(`<html>${hostOf(a.tenant.slug)}/</html>`);
    expect(await (await get(hostOf(b.tenant.slug), "/", "", render)).text()).toBe(`<html>${hostOf(b.tenant.slug)}/</html>`);
    expect(calls).toHaveLength(2);
    expect((await get(hostOf(a.tenant.slug), `/cars/${aCar.slug}`, "", render)).status).toBe(200);
    // A's car, cached for A, asked for on B's host: rendered for B (404), not served from A's entry — and not cached.
    expect((await get(hostOf(b.tenant.slug), `/cars/${aCar.slug}`, "", render)).status).toBe(404);
    expect((await get(hostOf(b.tenant.slug), `/cars/${aCar.slug}`, "", render)).status).toBe(404);
    expect(calls).toHaveLength(5);
  });

  it("unknown hosts and error answers pass through uncached", async () => {
    let renders = 0;
    const notFound: PageRenderer = async () => ({ status: 404, body: `not found ${++renders}`, contentType: "text/html" });
    const r = await get("no-such-dealer.example.org", "/", "", notFound);
    expect(r.status).toBe(404);
    expect(r.headers.get("cache-control")).toContain("no-store");
    const t = await createTestTenant();
    await get(hostOf(t.tenant.slug), "/cars/nope", "", notFound);
    await get(hostOf(t.tenant.slug), "/cars/nope", "", notFound);
    expect(renders).toBe(3);
    const down = await get(hostOf(t.tenant.slug), "/", "", async () => { throw new Error("connect ECONNREFUSED"); });
    expect(down.status).toBe(503);
    expect((await get(hostOf(t.tenant.slug), "/", "", notFound)).status).toBe(404);
  });

  it("the proxy's warm answer serves only what the route would, from a stamp read in the last second", async () => {
    const t = await createTestTenant();
    const [yaris] = await addStock(t.tenant.id);
    const other = await createTestTenant();
    const host = hostOf(t.tenant.slug);
    const { calls, render } = fakeRenderer();
    const warm = (path: string, query = "", ifNoneMatch: string | null = null, now = Date.now()) => warmPage(host, path, new URLSearchParams(query), ifNoneMatch, now);
    // Nothing rendered yet: the route must answer.
    expect(warm("/", "make=Kia")).toBeNull();
    const routed = await get(host, "/", "make=Kia", render);
    const hit = warm("/", "utm_source=x&make=Kia")!;
    expect(hit.status).toBe(200);
    expect(await hit.text()).toBe("<html>/?make=Kia #1</html>");
    expect(hit.headers.get("etag")).toBe(routed.headers.get("etag"));
    expect(hit.headers.get("vary")).toMatch(/^rsc, /);
    expect(warm("/", "make=Kia", routed.headers.get("etag"))!.status).toBe(304);
    expect(calls).toHaveLength(1);
    // Not rendered, not a cached page, or another dealer's host: the route decides.
    expect(warm("/", "make=Toyota")).toBeNull();
    expect(warm("/sitemap.xml")).toBeNull();
    expect(warmPage(hostOf(other.tenant.slug), "/", new URLSearchParams("make=Kia"), null)).toBeNull();
    // Once the stamp is a second old the route reads it again; a changed car or forgotten hosts end it at once.
    expect(warm("/", "make=Kia", null, Date.now() + 1_100)).toBeNull();
    invalidateCatalog(t.tenant.id);
    expect(warm("/", "make=Kia")).toBeNull();
    await get(host, "/", "make=Kia", render);
    expect(warm("/", "make=Kia")).not.toBeNull();
    forgetSiteHosts();
    expect(warm("/", "make=Kia")).toBeNull();
    // A sold car: a second later the route re-reads the stamp and renders afresh; the warm answer then carries the new page.
    await get(host, `/cars/${yaris.slug}`, "", render);
    expect(warm(`/cars/${yaris.slug}`)!.status).toBe(200);
    await updateVehicle(t.tenant.id, yaris.id, { status: "sold" }, null);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(warm(`/cars/${yaris.slug}`)).toBeNull();
    expect((await get(host, `/cars/${yaris.slug}`, "", render)).status).toBe(410);
    expect(warm(`/cars/${yaris.slug}`)!.status).toBe(410);
  });
});
