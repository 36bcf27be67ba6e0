import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ListingFilters } from "@/components/site/listing-filters";
import { ListingPagination } from "@/components/site/listing-pagination";
import { VehicleCard } from "@/components/site/vehicle-card";
import { loadFacets, loadListingPage, loadModels, loadShowrooms } from "@/lib/catalog/data";
import { indexable, keepModelOfMake, listingHref, PAGE_SIZE, parseListingQuery, withLang } from "@/lib/catalog/query";
import { canonicalUrl, languageAlternates } from "@/lib/catalog/site";
import { dealerJsonLd, jsonLdScript } from "@/lib/catalog/structured-data";
import { siteFromParams } from "./site-context";

type Props = { params: Promise<{ domain: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const sp = await searchParams;
  const q = parseListingQuery(sp);
  const lang = typeof sp.lang === "string" ? sp.lang : undefined;
  const site = await siteFromParams(params, withLang(listingHref(q), lang ?? "", ""), lang);
  // The address says what is shown, in the stock's spelling (so the filters show it too): "bmw" is "BMW", and a model
  // left from another make (the filter form changed only the make) is dropped.
  let kept = q;
  if (q.make) {
    const make = (await loadFacets(site.tenant.id)).makes.find((m) => m.value.toLowerCase() === q.make!.toLowerCase())?.value;
    if (make) kept = { ...kept, make };
  }
  if (kept.make && kept.model) kept = keepModelOfMake(kept, await loadModels(site.tenant.id, kept.make));
  if (kept.make !== q.make || kept.model !== q.model) redirect(withLang(listingHref(kept), site.lang, site.langs[0]));
  return { site, q };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { site, q } = await load(props);
  const { total } = await loadListingPage(site.tenant.id, q);
  const path = listingHref(q);
  const title = site.t.inventoryTitle(site.tenant.name);
  const description = site.t.inventoryDescription(site.tenant.name, total);
  return {
    title: { absolute: q.page > 1 ? `${title} · ${site.t.pageOf(q.page, Math.ceil(total / PAGE_SIZE))}` : title },
    description,
    alternates: { canonical: canonicalUrl(site, path), languages: languageAlternates(site, path) },
    openGraph: { type: "website", title, description, url: canonicalUrl(site, path), siteName: site.tenant.name, locale: site.tenant.locale.replace("-", "_") },
    // Searches, bounds and orders are for people, not for the index.
    robots: indexable(q) ? undefined : { index: false, follow: true },
  };
}

export default async function ListingPage(props: Props) {
  const { site, q } = await load(props);
  const { tenant, t, lang, langs } = site;
  const [{ vehicles, total, facets }, models, showrooms] = await Promise.all([
    loadListingPage(tenant.id, q), q.make ? loadModels(tenant.id, q.make) : Promise.resolve([]), loadShowrooms(tenant),
  ]);
  // The suggestions on an empty page are makes on their own, so they count the whole stock.
  const suggested = vehicles.length ? [] : (await loadFacets(tenant.id)).makes.slice(0, 6);
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // A page past the last (an old link after cars sold) is the last page, not "page 3 of 2" with nothing on it.
  if (q.page > totalPages) redirect(withLang(listingHref(q, { page: totalPages }), lang, langs[0]));
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(dealerJsonLd(tenant, site.origin)) }} />
      <h1 className="mb-4 text-2xl font-bold">{t.inventoryHeading(tenant.name)}</h1>
      <ListingFilters q={q} t={t} makes={facets.makes} models={models.length ? facets.models : null} fuels={facets.fuels} bodies={facets.bodies} lang={lang} defaultLang={langs[0]}
        showrooms={showrooms.map((s) => ({ value: s.isMain ? "main" : s.branchId!, label: s.name }))} />
      <p className="mt-4 text-sm font-medium text-ink-muted" role="status" data-testid="result-count">{t.results(total)}</p>
      {vehicles.length ? (
        <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {vehicles.map((v, i) => <VehicleCard key={v.id} v={v} t={t} locale={tenant.locale} eager={i < 2} />)}
        </ul>
      ) : (
        <section className="mt-6 rounded-lg border border-dashed border-line-strong p-6 text-center">
          <h2 className="text-lg font-semibold">{t.noResults}</h2>
          <p className="mt-1 text-ink-muted">{t.noResultsHint}</p>
          <ul className="mt-4 flex flex-wrap justify-center gap-2">
            <li><a href={withLang("/", lang, langs[0])} className="rounded-full bg-brand px-3 py-1 text-sm text-brand-contrast">{t.reset}</a></li>
            {suggested.map((m) => (
              <li key={m.value}><a href={withLang(listingHref({ sort: "newest", page: 1 }, { make: m.value }), lang, langs[0])} className="rounded-full border border-line-strong px-3 py-1 text-sm">{m.value} ({m.count})</a></li>
            ))}
          </ul>
        </section>
      )}
      <ListingPagination q={q} totalPages={totalPages} t={t} lang={lang} defaultLang={langs[0]} />
    </main>
  );
}
