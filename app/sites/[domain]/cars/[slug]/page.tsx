import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChatButton } from "@/components/site/chat-button";
import { Gallery } from "@/components/site/gallery";
import { LeadForm } from "@/components/site/lead-form";
import { VehicleCard } from "@/components/site/vehicle-card";
import { FinancingExample, SpecTable } from "@/components/site/vehicle-details";
import { ShowroomLocation } from "@/components/site/showroom-location";
import { loadSimilar, loadVehicle, loadVehicleShowroom, loadWhatsAppNumber } from "@/lib/catalog/data";
import { absoluteImageUrl } from "@/lib/catalog/images";
import { withLang } from "@/lib/catalog/query";
import { canonicalUrl, languageAlternates } from "@/lib/catalog/site";
import { carJsonLd, jsonLdScript } from "@/lib/catalog/structured-data";
import { carName, vehicleChatUrl } from "@/lib/catalog/whatsapp";
import { formatMileage, formatPrice } from "@/lib/format";
import { siteFromParams } from "../../site-context";

type Props = { params: Promise<{ domain: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load({ params, searchParams }: Props) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const lang = typeof sp.lang === "string" ? sp.lang : undefined;
  const site = await siteFromParams(params, withLang(`/cars/${encodeURIComponent(slug)}`, lang ?? "", ""), lang);
  const v = await loadVehicle(site.tenant.id, decodeURIComponent(slug));
  // Drafts and other dealers' slugs do not exist here; sold cars get their own page below.
  if (!v || v.status === "draft") notFound();
  return { site, v };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { site, v } = await load(props);
  const name = carName(v);
  const path = `/cars/${v.slug}`;
  if (v.status === "sold") return { title: { absolute: `${site.t.soldTitle} · ${name} | ${site.tenant.name}` }, robots: { index: false, follow: true } };
  const price = formatPrice(v.price, v.currency, site.tenant.locale);
  const title = `${name} · ${price} | ${site.tenant.name}`;
  const description = (v.description ? snippet(v.description, 155) : "") || `${name}, ${formatMileage(v.mileageKm, site.tenant.locale)}, ${price}`;
  const images = v.images.slice(0, 1).map((img) => ({ url: absoluteImageUrl(site.origin, img, 1280), width: 1280, height: Math.round((1280 * (img.height ?? 600)) / (img.width ?? 800)), alt: name }));
  return {
    title: { absolute: title }, description,
    alternates: { canonical: canonicalUrl(site, path), languages: languageAlternates(site, path) },
    openGraph: { type: "website", title, description, url: canonicalUrl(site, path), siteName: site.tenant.name, locale: site.tenant.locale.replace("-", "_"), images },
    twitter: { card: "summary_large_image", title, description, images: images.map((i) => i.url) },
  };
}

export default async function VehiclePage(props: Props) {
  const { site, v } = await load(props);
  const { tenant, t, lang, langs } = site;
  const name = carName(v);
  const similar = await loadSimilar(tenant.id, v);
  const cards = similar.length ? (
    <ul className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">{similar.map((s) => <VehicleCard key={s.id} v={s} t={t} locale={tenant.locale} heading="h3" />)}</ul>
  ) : null;
  const back = <a href={withLang("/", lang, langs[0])} className="text-sm underline">← {t.back}</a>;

  if (v.status === "sold") {
    return (
      <main className="mx-auto max-w-6xl px-4 py-6">
        {back}
        <h1 className="mt-3 text-2xl font-bold" data-testid="sold-title">{t.soldTitle}</h1>
        <p className="mt-1 text-ink-muted">{name} ({v.code}). {t.soldText}</p>
        {cards ? <section aria-labelledby="alternatives" className="mt-6"><h2 id="alternatives" className="text-lg font-semibold">{t.alternatives}</h2>{cards}</section> : null}
      </main>
    );
  }

  const [whatsApp, place] = await Promise.all([loadWhatsAppNumber(tenant), loadVehicleShowroom(tenant, v)]);
  const financing = tenant.settings.financing;
  return (
    <main className="mx-auto max-w-6xl px-4 pb-24 pt-6 sm:pb-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(carJsonLd(v, site.origin, tenant.name)) }} />
      {back}
      <div className="mt-3 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Gallery images={v.images} alt={name} t={t} />
        <div className="space-y-4">
          <div>
            <h1 className="text-2xl font-bold leading-tight">{v.make} {v.model}</h1>
            {v.variant ? <p className="text-ink-muted">{v.variant}</p> : null}
            <p className="mt-1 flex items-center gap-2 text-sm">
              <span className="rounded bg-canvas px-2 py-0.5 font-mono" data-testid="vehicle-code">{v.code}</span>
              {v.status === "reserved" ? <span className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">{t.reserved}</span> : null}
            </p>
            <p className="mt-3 text-3xl font-bold text-brand-ink" data-testid="vehicle-price">{formatPrice(v.price, v.currency, tenant.locale)}</p>
          </div>
          <FinancingExample v={v} t={t} locale={tenant.locale} terms={financing} />
          {whatsApp ? <ChatButton href={vehicleChatUrl(whatsApp, v, lang)} label={t.chat} /> : null}
          <SpecTable v={v} t={t} locale={tenant.locale} />
          <ShowroomLocation place={place} t={t} lang={lang} />
        </div>
      </div>
      <div className="mt-8 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          {v.features.length ? (
            <section aria-labelledby="features">
              <h2 id="features" className="mb-2 text-lg font-semibold">{t.features}</h2>
              <ul className="grid list-disc grid-cols-1 gap-x-6 pl-5 text-sm sm:grid-cols-2">{v.features.map((f) => <li key={f}>{f}</li>)}</ul>
            </section>
          ) : null}
          {v.description ? (
            <section aria-labelledby="description">
              <h2 id="description" className="mb-2 text-lg font-semibold">{t.description}</h2>
              <p className="whitespace-pre-line text-sm leading-relaxed" data-testid="vehicle-description">{v.description}</p>
            </section>
          ) : null}
        </div>
        <LeadForm
          tenantSlug={tenant.slug} vehicleCode={v.code}
          text={{ title: t.contactTitle, name: t.name, phone: t.phone, email: t.email, message: t.message, consent: t.consent, send: t.send, sending: t.sending, thanks: t.thanks, thanksText: t.thanksText, tooMany: t.tooMany, failed: t.failed }}
        />
      </div>
      {cards ? <section aria-labelledby="similar" className="mt-10"><h2 id="similar" className="text-lg font-semibold">{t.similar}</h2>{cards}</section> : null}
    </main>
  );
}

/** A description as a search result shows it: whole words, at most `max` characters, "…" when cut. */
function snippet(text: string, max: number): string {
  const plain = text.replace(/\s+/g, " ").trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : cut.length).replace(/[\s,.;:–-]+$/, "")}…`;
}
