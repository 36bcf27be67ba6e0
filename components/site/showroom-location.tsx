import type { Showroom } from "@/lib/branches";
import type { SiteText } from "@/lib/catalog/i18n";

/** Where a car stands: the showroom's name, address and a map link (only an https link is ever rendered). */
export function ShowroomLocation({ place, t }: { place: Showroom; t: SiteText }) {
  const a = place.address;
  const lines = [a?.street, [a?.postalCode, a?.city].filter(Boolean).join(" ")].filter(Boolean);
  return (
    <section aria-labelledby="location" className="rounded-md border border-line p-3 text-sm" data-testid="vehicle-location">
      <h2 id="location" className="font-semibold">{t.location}</h2>
      <p className="mt-1 font-medium">{place.name}</p>
      {lines.map((l) => <p key={l}>{l}</p>)}
      {place.phone ? <p><a className="underline" href={`tel:${place.phone.replace(/[^\d+]/g, "")}`}>{place.phone}</a></p> : null}
      {place.mapUrl?.startsWith("https://") ? <p className="mt-1"><a className="underline" href={place.mapUrl} target="_blank" rel="noopener noreferrer">{t.directions}</a></p> : null}
    </section>
  );
}
