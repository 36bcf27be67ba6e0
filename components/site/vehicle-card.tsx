import { preload } from "react-dom";
import type { Vehicle } from "@/lib/catalog/data";
import type { SiteText } from "@/lib/catalog/i18n";
import { CARD_WIDTHS, responsiveImage } from "@/lib/catalog/images";
import { formatMileage, formatPrice } from "@/lib/format";

type Props = { v: Vehicle; t: SiteText; locale: string; eager?: boolean };

/** One car in a grid; the first cards load their photo eagerly (they are the page's largest paint), the rest lazily. */
export function VehicleCard({ v, t, locale, eager = false }: Props) {
  const img = v.images[0] ? responsiveImage(v.images[0], `${v.make} ${v.model}`, CARD_WIDTHS, 480) : null;
  const sizes = "(min-width: 1024px) 30vw, (min-width: 640px) 45vw, 100vw";
  // The first cards hold the largest paint: announce their photos in <head>, ahead of the scripts.
  if (img && eager) preload(img.src, { as: "image", imageSrcSet: img.srcSet, imageSizes: sizes, fetchPriority: "high" });
  return (
    <li className="overflow-hidden rounded-lg border border-line bg-surface shadow-card">
      <a href={`/cars/${v.slug}`} className="block focus-visible:outline-2 focus-visible:outline-focus" data-testid="vehicle-card">
        <div className="relative aspect-[4/3] bg-canvas">
          {img ? (
            <img
              src={img.src} srcSet={img.srcSet} sizes={sizes} width={img.width} height={img.height} alt={img.alt}
              loading={eager ? "eager" : "lazy"} fetchPriority={eager ? "high" : undefined} decoding="async" className="h-full w-full object-cover"
            />
          ) : null}
          {v.status === "reserved" ? <span className="absolute left-2 top-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t.reserved}</span> : null}
        </div>
        <div className="p-3">
          <h2 className="font-semibold leading-tight">{v.make} {v.model}</h2>
          {v.variant ? <p className="truncate text-sm text-ink-muted">{v.variant}</p> : null}
          <p className="mt-1 text-sm text-ink-muted">
            {v.year} · {formatMileage(v.mileageKm, locale)} · {t.fuels[v.fuel] ?? v.fuel} · {t.transmissions[v.transmission] ?? v.transmission}
          </p>
          <p className="mt-2 text-lg font-bold text-brand-ink">{formatPrice(v.price, v.currency, locale)}</p>
        </div>
      </a>
    </li>
  );
}
