import { AsyncLocalStorage } from "node:async_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { cachedForTenant, invalidateCatalog } from "@/lib/catalog/cache";

const entries = () => (globalThis as unknown as { __forecourtCatalogReads: { entries: Map<string, unknown> } }).__forecourtCatalogReads.entries;
const stamp = async () => "s1";

describe("the dealer site's read cache", () => {
  it("shares one load between callers within its minute and loads again after it", async () => {
    const tenant = "tenant-share";
    let loads = 0;
    const load = async () => ++loads;
    const t0 = 1_000_000_000;
    expect(await cachedForTenant(tenant, "facets", stamp, load, t0)).toBe(1);
    expect(await cachedForTenant(tenant, "facets", stamp, load, t0 + 59_000)).toBe(1);
    expect(await cachedForTenant(tenant, "facets", stamp, load, t0 + 61_000)).toBe(2);
    invalidateCatalog(tenant);
  });

  it("lets one-off searches go after their minute instead of keeping them until the cap", async () => {
    const tenant = "tenant-oneoff";
    const t0 = 2_000_000_000;
    for (let i = 0; i < 300; i++) await cachedForTenant(tenant, `list:${i}`, stamp, async () => [i], t0 + i);
    const before = [...entries().keys()].filter((k) => k.startsWith(tenant)).length;
    expect(before).toBe(300);
    await cachedForTenant(tenant, "list:later", stamp, async () => ["later"], t0 + 60_150);
    // The first 151 searches are more than a minute old; the other 149 and the new one stay.
    expect([...entries().keys()].filter((k) => k.startsWith(tenant))).toHaveLength(150);
    invalidateCatalog(tenant);
  });

  it("holds at most a thousand entries", async () => {
    const tenant = "tenant-cap";
    const t0 = 3_000_000_000;
    for (let i = 0; i < 1_200; i++) await cachedForTenant(tenant, `list:${i}`, stamp, async () => i, t0);
    expect(entries().size).toBeLessThanOrEqual(1_000);
    expect(await cachedForTenant(tenant, "list:1199", stamp, async () => -1, t0)).toBe(1199);
    expect(await cachedForTenant(tenant, "list:0", stamp, async () => -1, t0)).toBe(-1);
    invalidateCatalog(tenant);
  });

  it("keeps the loaded value, not the request it was loaded in", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const requestStore = new AsyncLocalStorage<object>();
    let request: WeakRef<object> | undefined;
    await (async () => {
      const big = { rendered: new Array(100_000).fill("page") };
      request = new WeakRef(big);
      await requestStore.run(big, () => cachedForTenant("tenant-context", "facets", stamp, async () => { await null; return "makes"; }, 4_000_000_000));
    })();
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
    }
    expect(request!.deref()).toBeUndefined();
    expect(await cachedForTenant("tenant-context", "facets", stamp, async () => "again", 4_000_000_000)).toBe("makes");
    invalidateCatalog("tenant-context");
  });
});
