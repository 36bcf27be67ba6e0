import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import ListingPage, { generateMetadata as listingMetadata } from "@/app/sites/[domain]/page";
import VehiclePage, { generateMetadata } from "@/app/sites/[domain]/cars/[slug]/page";
import { GET as sitemap } from "@/app/sites/[domain]/sitemap.xml/route";
import { eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { tenants } from "@/db/schema";
import { updateVehicle } from "@/lib/inventory/admin";
import { env } from "@/lib/env";
import { addStock } from "../../helpers/stock";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";

useTestDatabase();

const hostOf = (slug: string) => `${slug}.${env().ROOT_DOMAIN}`;
async function listing(slug: string, sp: Record<string, string> = {}) {
  return renderToStaticMarkup((await ListingPage({ params: Promise.resolve({ domain: hostOf(slug) }), searchParams: Promise.resolve(sp) })) as ReactElement);
}
const carProps = (slug: string, car: string) => ({ params: Promise.resolve({ domain: hostOf(slug), slug: car }), searchParams: Promise.resolve({}) });
const carPage = async (slug: string, car: string) => renderToStaticMarkup((await VehiclePage(carProps(slug, car))) as ReactElement);
const jsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]);
const sitemapOf = async (slug: string) => (await sitemap(new Request("http://x/sitemap.xml"), { params: Promise.resolve({ domain: hostOf(slug) }) })).text();
const cards = (html: string) => [...html.matchAll(/data-testid="vehicle-card"/g)].map((m) => /href="\/cars\/([^"]+)"/.exec(html.slice(m.index - 200, m.index))![1]);
const notFound = { digest: expect.stringContaining("404") };
const selectOf = (html: string, name: string) => new RegExp(`<select name="${name}"[^>]*>(.*?)</select>`).exec(html)![1];
const inputOf = (html: string, name: string) => new RegExp(`<(?:input|textarea)[^>]* name="${name}"[^>]*>`).exec(html)![0];

describe("public dealer site", () => {
  it("filters and sorts the listing from URL parameters, showing only public cars", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const html = await listing(t.tenant.slug, { transmission: "automatic", maxPrice: "20000", sort: "price_asc" });
    expect(html).toContain('data-testid="result-count">2 auto&#x27;s');
    expect(cards(html)).toEqual([expect.stringMatching(/^kia-picanto-/), expect.stringMatching(/^toyota-yaris-/)]);
    const all = await listing(t.tenant.slug, { fuel: "steam", page: "abc" });
    expect(all).toContain("5 auto&#x27;s");
    expect(cards(all).some((c) => c.startsWith("peugeot"))).toBe(false);
    const none = await listing(t.tenant.slug, { make: "Ferrari" });
    expect(none).toContain("Geen auto&#x27;s gevonden");
    expect(none).toContain('href="/?make=Volkswagen"');
  });

  it("a model left from the make before is dropped from the address, so changing the make lists that make's cars", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [{ make: "BMW", model: "3-serie" }, { make: "BMW", model: "X1" }, { make: "Ford", model: "Focus" }]);
    const redirected = (sp: Record<string, string>) => listing(t.tenant.slug, sp).then(() => null, (e: { digest?: string }) => e.digest);
    // Merk BMW, Model 3-serie, then Merk Ford: the form sends the old model along with the new make.
    expect(await redirected({ make: "Ford", model: "3-serie" })).toMatch(/^NEXT_REDIRECT;replace;\/\?make=Ford;307;/);
    const ford = await listing(t.tenant.slug, { make: "Ford" });
    expect(cards(ford)).toEqual([expect.stringMatching(/^ford-focus-/)]);
    expect(selectOf(ford, "model")).toBe('<option value="" selected="">Alle</option><option value="Focus">Focus (1)</option>');
    // A model the make has still narrows it; the address takes the stock's spelling and keeps the other filters.
    expect(await redirected({ make: "BMW", model: "3-SERIE", sort: "price_asc" })).toMatch(/^NEXT_REDIRECT;replace;\/\?make=BMW&model=3-serie&sort=price_asc;307;/);
    expect(await redirected({ make: "bmw" })).toMatch(/^NEXT_REDIRECT;replace;\/\?make=BMW;307;/);
    expect(await redirected({ make: "Lada" })).toBeNull();
    const bmw = await listing(t.tenant.slug, { make: "BMW", model: "3-serie" });
    expect(await redirected({ make: "BMW", model: "3-serie" })).toBeNull();
    expect(cards(bmw)).toEqual([expect.stringMatching(/^bmw-3-serie-/)]);
    expect(selectOf(bmw, "model")).toContain('<option value="3-serie" selected="">');
  });

  it("keeps searches, bounds and other orders out of the index, and sends a page past the last to the last", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const meta = (sp: Record<string, string>) => listingMetadata({ params: Promise.resolve({ domain: hostOf(t.tenant.slug) }), searchParams: Promise.resolve(sp) });
    const landing: Record<string, string>[] = [{}, { make: "Toyota" }, { fuel: "electric" }, { body: "suv", transmission: "automatic" }];
    for (const sp of landing) expect((await meta(sp)).robots, JSON.stringify(sp)).toBeUndefined();
    const forPeople: Record<string, string>[] = [{ q: "golf" }, { maxPrice: "20000" }, { sort: "price_asc" }, { make: "Toyota", minYear: "2020" }, { maxKm: "50000" }];
    for (const sp of forPeople) {
      expect((await meta(sp)).robots, JSON.stringify(sp)).toEqual({ index: false, follow: true });
    }
    const pastTheEnd = await listing(t.tenant.slug, { make: "Toyota", page: "3" }).then(() => null, (e: { digest?: string }) => e.digest);
    expect(pastTheEnd).toMatch(/^NEXT_REDIRECT;replace;\/\?make=Toyota;307;/);
  });

  it("price and mileage fields take amounts written with separators, as the listing reads them", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const html = await listing(t.tenant.slug, { maxPrice: "20.000", maxKm: "100 000" });
    expect(html).toContain('data-testid="result-count">3 auto&#x27;s');
    for (const name of ["minPrice", "maxPrice", "maxKm"]) {
      // A pattern of digits made the browser refuse "20.000" with its own English message.
      expect(inputOf(html, name)).not.toContain("pattern=");
      expect(inputOf(html, name)).toContain('inputMode="numeric"');
    }
    expect(inputOf(html, "maxPrice")).toContain('value="20000"');
  });

  it("counts each filter's options under the other filters, keeping the chosen option when none match", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const petrol = await listing(t.tenant.slug, { fuel: "petrol" });
    const options = (html: string, name: string) => [...selectOf(html, name).matchAll(/<option value="([^"]*)"[^>]*>([^<]*)</g)].map((m) => m[2]).slice(1);
    expect(options(petrol, "make")).toEqual(["Kia (1)", "Volkswagen (2)"]);
    expect(options(petrol, "fuel")).toEqual(["Benzine (3)", "Hybride (1)", "Elektrisch (1)"]);
    expect(options(petrol, "body")).toEqual(["Hatchback (3)"]);
    const none = await listing(t.tenant.slug, { make: "Tesla", body: "hatchback" });
    expect(selectOf(none, "make")).toContain('<option value="Tesla" selected="">Tesla (0)</option>');
    expect(selectOf(none, "body")).toContain('<option value="hatchback" selected="">Hatchback (0)</option>');
    // The suggestions on an empty page are makes alone, counted over the whole stock.
    expect(none).toMatch(/href="\/\?make=Volkswagen"[^>]*>Volkswagen \(2\)<\/a>/);
  });

  it("the lead form cannot take a name or message longer than the forms webhook accepts", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{ make: "Toyota", model: "Yaris" }]);
    const html = await carPage(t.tenant.slug, car.slug);
    expect(inputOf(html, "name")).toContain('maxLength="120"');
    expect(inputOf(html, "message")).toContain('maxLength="4000"');
  });

  it("vehicle page: Car JSON-LD with its Offer, a WhatsApp link naming the code, no internal fields, description escaped", async () => {
    const t = await createTestTenant();
    await (await getSystemDb()).update(tenants).set({ phone: "+31 20 123 4567" }).where(eq(tenants.id, t.tenant.id));
    const [yaris] = await addStock(t.tenant.id, [{ make: "Toyota", model: "Yaris", year: 2021, price: 18950, plate: "K-123-AB", costPrice: 15000, stockCode: "STK-77", description: "Nette auto <script>alert(1)</script>" }]);
    const html = await carPage(t.tenant.slug, yaris.slug);
    const ld = jsonLd(html);
    expect(ld).toMatchObject({ "@type": "Car", sku: yaris.code, model: "Yaris", brand: { name: "Toyota" }, offers: { "@type": "Offer", price: 18950, priceCurrency: "EUR", availability: "https://schema.org/InStock" } });
    expect(ld.url).toBe(`http://${hostOf(t.tenant.slug)}/cars/${yaris.slug}`);
    const wa = /href="(https:\/\/wa\.me\/[^"]+)"/.exec(html)![1];
    expect(decodeURIComponent(wa.replace(/&amp;/g, "&"))).toContain(`(${yaris.code})`);
    for (const secret of ["K-123-AB", "15000", "15.000", "STK-77"]) expect(html).not.toContain(secret);
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;script&gt;alert(1)");
    const meta = await generateMetadata(carProps(t.tenant.slug, yaris.slug));
    expect(meta.alternates?.canonical).toBe(ld.url);
  });

  it("a page shown in the site's second language has its own canonical address, the hreflang of that language", async () => {
    const t = await createTestTenant();
    const db = await getSystemDb();
    await db.update(tenants).set({ settings: { ...t.tenant.settings, languages: ["en"] } }).where(eq(tenants.id, t.tenant.id));
    const [yaris] = await addStock(t.tenant.id);
    const props = { ...carProps(t.tenant.slug, yaris.slug), searchParams: Promise.resolve({ lang: "en" }) };
    const meta = await generateMetadata(props);
    const languages = meta.alternates?.languages as Record<string, string>;
    expect(meta.alternates?.canonical).toBe(languages.en);
    expect(meta.alternates?.canonical).toMatch(/\?lang=en$/);
    expect((await generateMetadata(carProps(t.tenant.slug, yaris.slug))).alternates?.canonical).toBe(languages.nl);
  });

  it("a sold car leaves the listing and the sitemap at once, and its page says sold with alternatives, without a price", async () => {
    const t = await createTestTenant();
    const [yaris, picanto] = await addStock(t.tenant.id);
    expect(await listing(t.tenant.slug)).toContain(`/cars/${yaris.slug}`);
    expect(await sitemapOf(t.tenant.slug)).toContain(`/cars/${yaris.slug}`);
    // The listing above read the inventory stamp (kept a second); the sale is shown without waiting for it.
    await updateVehicle(t.tenant.id, yaris.id, { status: "sold" }, null);
    expect(await listing(t.tenant.slug)).not.toContain(`/cars/${yaris.slug}`);
    const map = await sitemapOf(t.tenant.slug);
    expect(map).not.toContain(`/cars/${yaris.slug}`);
    expect(map).toContain(`/cars/${picanto.slug}`);
    const page = await carPage(t.tenant.slug, yaris.slug);
    expect(page).toContain("Deze auto is verkocht");
    expect(page).not.toContain("18.950");
    expect(page).not.toContain("application/ld+json");
    expect(page).toContain('data-testid="vehicle-card"');
  });

  it("the platform's own host tells search engines to stay out; a long description is cut at a word", async () => {
    const { GET: platformRobots } = await import("@/app/robots.txt/route");
    expect(await platformRobots().text()).toBe("User-agent: *\nDisallow: /\n");
    const t = await createTestTenant();
    const words = "Zuinige en ruime gezinsauto met trekhaak, navigatie en stoelverwarming, dealeronderhouden en met nieuwe APK ".repeat(3);
    const [car] = await addStock(t.tenant.id, [{ make: "Skoda", model: "Octavia", description: words }]);
    const { description } = await generateMetadata(carProps(t.tenant.slug, car.slug));
    expect(description!.length).toBeLessThanOrEqual(155);
    expect(description).toMatch(/\p{L}…$/u);
    expect(words).toContain(description!.slice(0, -1));
  });

  it("an address with a NUL character is a 400, on a dealer site and on the dashboard, never a 500", async () => {
    const t = await createTestTenant();
    const host = hostOf(t.tenant.slug);
    for (const url of [`http://${host}/?q=%00`, `http://${host}/cars/a%00b`, `http://${host}/api/v1/vehicles?make=%00`, `http://${env().ROOT_DOMAIN}/inbox?q=%00`]) {
      const res = await proxy(new NextRequest(url, { headers: { host: new URL(url).host } }), {} as never);
      expect(res.status, url).toBe(400);
    }
  });

  it("another dealer's car, a draft and an unknown host are 404s", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const [theirs] = await addStock(b.tenant.id, [{ make: "Audi", model: "A3" }]);
    const [draft] = await addStock(a.tenant.id, [{ make: "Fiat", model: "500", status: "draft" }]);
    expect((await carPage(b.tenant.slug, theirs.slug))).toContain("Audi");
    await expect(carPage(a.tenant.slug, theirs.slug)).rejects.toMatchObject(notFound);
    await expect(carPage(a.tenant.slug, draft.slug)).rejects.toMatchObject(notFound);
    await expect(listing("no-such-dealer")).rejects.toMatchObject(notFound);
    expect(await listing(a.tenant.slug)).not.toContain("Fiat");
  });
});
