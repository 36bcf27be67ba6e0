import { preload } from "react-dom";
import type { ListedVehicle } from "@/lib/catalog/data";
import type { SiteText } from "@/lib/catalog/i18n";
import { CARD_WIDTHS, responsiveImage } from "@/lib/catalog/images";
import { formatMileage, formatPrice } from "@/lib/format";

/** `heading`: h2 in the listing, h3 under a section's own h2 ("Similar cars"). */
type Props = { v: ListedVehicle; t: SiteText; locale: string; eager?: boolean; heading?: "h2" | "h3" };

/** One car in a grid; the first cards load their photo eagerly (they are the page's largest paint), the rest lazily. */
export function VehicleCard({ v, t, locale, eager = false, heading: Heading = "h2" }: Props) {
  const img = v.images[0] ? responsiveImage(v.images[0], `${v.make} ${v.model}`, CARD_WIDTHS, 480) : null;
  const sizes = "(min-width: 1024px) 30vw, (min-width: 640px) 45vw, 100vw";
  // The first cards hold the largest paint: announce their photos in <head>, ahead of the scripts.
  if (img && eager) preload(img.src, { as: "image", imageSrcSet: img.srcSet, imageSizes: sizes, fetchPriority: "high" });
  // Whole strings, not fragments: each fragment would be a node of its own in the HTML and in the RSC payload.
  const specs = `${v.year} · ${formatMileage(v.mileageKm, locale)} · ${t.fuels[v.fuel] ?? v.fuel} · ${t.transmissions[v.transmission] ?? v.transmission}`;
  return (
    <li className="car-card">
      <a href={`/cars/${v.slug}`} data-testid="vehicle-card">
        <div className="car-photo">
          {img ? (
            <img
              src={img.src} srcSet={img.srcSet} sizes={sizes} width={img.width} height={img.height} alt={img.alt}
              loading={eager ? "eager" : "lazy"} fetchPriority={eager ? "high" : undefined} decoding="async"
            />
          ) : null}
          {v.status === "reserved" ? <span className="car-badge">{t.reserved}</span> : null}
        </div>
        <div className="car-text">
          <Heading>{`${v.make} ${v.model}`}</Heading>
          {v.variant ? <p className="car-variant">{v.variant}</p> : null}
          <p className="car-specs">{specs}</p>
          <p className="car-price">{formatPrice(v.price, v.currency, locale)}</p>
        </div>
      </a>
    </li>
  );
}
