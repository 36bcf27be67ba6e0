import type { Showroom } from "@/lib/branches";
import type { SiteLang, SiteText } from "@/lib/catalog/i18n";
import { hasAnyHours } from "@/lib/scheduling/hours-form";
import { formatOpeningHours } from "@/lib/scheduling/format-hours";

/**
 * Where a car stands: the showroom's name, address, phone, opening hours and a map link (the showroom's own
 * https link, else a map search for its address).
 */
export function ShowroomLocation({ place, t, lang }: { place: Showroom; t: SiteText; lang: SiteLang }) {
  const a = place.address;
  const lines = [a?.street, [a?.postalCode, a?.city].filter(Boolean).join(" ")].filter(Boolean);
  const search = [a?.street, a?.postalCode, a?.city].filter(Boolean).join(", ");
  const map = place.mapUrl?.startsWith("https://") ? place.mapUrl : a?.street ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(search)}` : null;
  return (
    <section aria-labelledby="location" className="rounded-md border border-line p-3 text-sm" data-testid="vehicle-location">
      <h2 id="location" className="font-semibold">{t.location}</h2>
      <p className="mt-1 font-medium">{place.name}</p>
      {lines.map((l) => <p key={l}>{l}</p>)}
      {place.phone ? <p><a className="underline" href={`tel:${place.phone.replace(/[^\d+]/g, "")}`}>{place.phone}</a></p> : null}
      {hasAnyHours(place.hours) ? <p className="mt-1"><span className="text-ink-muted">{t.hours}:</span> {formatOpeningHours(place.hours, lang)}</p> : null}
      {map ? <p className="mt-1"><a className="underline" href={map} target="_blank" rel="noopener noreferrer">{t.directions}</a></p> : null}
    </section>
  );
}
