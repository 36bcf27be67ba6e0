import { describe, expect, it } from "vitest";
import { SizedLru } from "@/lib/catalog/lru";
import { pageCacheTarget } from "@/lib/catalog/page-store";
import { isCacheablePage } from "@/lib/catalog/page-cache-policy";

describe("page cache keys and bounds", () => {
  it("gives equal listing states one target and drops what the page ignores", () => {
    const target = (path: string, query: string) => pageCacheTarget(path, new URLSearchParams(query));
    expect(target("/", "")).toBe("/");
    expect(target("/", "page=1&sort=newest&utm_source=ad&fuel=steam")).toBe("/");
    expect(target("/", "sort=price_asc&make=Kia")).toBe(target("/", "make=Kia&sort=price_asc"));
    expect(target("/", "make=Kia&lang=EN")).toBe("/?make=Kia&lang=en");
    expect(target("/", "lang=<script>")).toBe("/");
    expect(target("/cars/kia-picanto-a01", "gclid=x&lang=nb")).toBe("/cars/kia-picanto-a01?lang=nb");
    expect(target("/sitemap.xml", "")).toBeNull();
    expect(target("/cars/a/b", "")).toBeNull();
  });

  it("caches listings by facet and vehicle pages, not one-off searches or other paths", () => {
    const cacheable = (path: string, query = "") => isCacheablePage(path, new URLSearchParams(query));
    expect(cacheable("/")).toBe(true);
    expect(cacheable("/", "make=Kia&fuel=petrol&sort=price_asc&page=3&lang=en")).toBe(true);
    expect(cacheable("/", "q=")).toBe(true);
    expect(cacheable("/cars/kia-picanto-a01")).toBe(true);
    expect(cacheable("/", "q=golf")).toBe(false);
    expect(cacheable("/", "make=Kia&maxPrice=20000")).toBe(false);
    expect(cacheable("/", "_rsc=abc")).toBe(false);
    expect(cacheable("/sitemap.xml")).toBe(false);
    expect(cacheable("/cars/a/b")).toBe(false);
  });

  it("evicts the least recently used entries once their total size passes the bound", () => {
    const lru = new SizedLru<string>(100);
    lru.set("a", "A", 40);
    lru.set("b", "B", 40);
    expect(lru.get("a")).toBe("A");
    lru.set("c", "C", 40);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe("A");
    expect(lru.size).toBe(80);
    lru.set("huge", "H", 101);
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.count).toBe(2);
  });
});
