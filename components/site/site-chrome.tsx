import type { Tenant } from "@/lib/tenancy";
import type { SiteLang, SiteText } from "@/lib/catalog/i18n";
import { upcomingExceptions } from "@/lib/scheduling/exceptions";
import { exceptionDate, UPCOMING_DAYS } from "@/lib/scheduling/format-hours";
import { zonedParts } from "@/lib/scheduling/zoned";

const dayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export function SiteHeader({ tenant }: { tenant: Pick<Tenant, "name" | "branding"> }) {
  const logo = tenant.branding.logoMediaId;
  return (
    <header className="bg-brand text-brand-contrast">
      <div className="mx-auto flex h-14 max-w-6xl items-center px-4">
        <a href="/" className="flex items-center gap-2 text-lg font-semibold">
          {logo ? <img src={`/media/${logo}?w=320`} alt={tenant.name} height={36} width={144} className="h-9 w-auto" /> : tenant.name}
        </a>
      </div>
    </header>
  );
}

function mapUrl(tenant: Pick<Tenant, "geo" | "address" | "name">): string | null {
  if (tenant.geo) return `https://www.google.com/maps/search/?api=1&query=${tenant.geo.lat},${tenant.geo.lng}`;
  const a = tenant.address;
  if (!a?.street) return null;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent([tenant.name, a.street, a.postalCode, a.city].filter(Boolean).join(", "))}`;
}

/**
 * The dealership's address, phone, opening hours (with the closed days and special hours of the next two weeks) and a
 * directions link: on every page, as shoppers ask for them. A cached page lives minutes, so "the next two weeks" holds.
 */
export function SiteFooter({ tenant, t, lang }: { tenant: Pick<Tenant, "name" | "address" | "phone" | "geo" | "businessHours" | "timeZone">; t: SiteText; lang: SiteLang }) {
  const a = tenant.address;
  const map = mapUrl(tenant);
  const soon = upcomingExceptions(tenant.businessHours, zonedParts(new Date(), tenant.timeZone).date, UPCOMING_DAYS);
  return (
    <footer className="mt-12 border-t border-line bg-canvas pb-24 text-sm text-ink-muted sm:pb-8">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:grid-cols-2">
        <section aria-labelledby="dealer-address">
          <h2 id="dealer-address" className="mb-2 font-semibold text-ink">{tenant.name}</h2>
          {a ? (
            <address className="not-italic">
              {a.street ? <div>{a.street}</div> : null}
              <div>{[a.postalCode, a.city].filter(Boolean).join(" ")}</div>
            </address>
          ) : null}
          {tenant.phone ? <a className="mt-1 block underline" href={`tel:${tenant.phone.replace(/[^\d+]/g, "")}`}>{tenant.phone}</a> : null}
          {map ? <a className="mt-1 block underline" href={map} rel="noopener">{t.map}</a> : null}
        </section>
        <section aria-labelledby="dealer-hours">
          <h2 id="dealer-hours" className="mb-2 font-semibold text-ink">{t.hours}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5">
            {dayKeys.map((d, i) => {
              const spans = tenant.businessHours[d] ?? [];
              return [
                <dt key={`${d}-t`}>{t.days[i]}</dt>,
                <dd key={`${d}-d`}>{spans.length ? spans.map((s) => `${s.open}–${s.close}`).join(", ") : t.closed}</dd>,
              ];
            })}
          </dl>
          {soon.length ? (
            <>
              <h3 className="mt-3 mb-1 font-semibold text-ink">{t.specialHours}</h3>
              <ul data-testid="special-hours">
                {soon.map((e) => (
                  <li key={e.date}>
                    {exceptionDate(e.date, lang, true)}: {e.closed || !e.open ? t.closed : `${e.open}–${e.close}`}{e.label ? ` (${e.label})` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
    </footer>
  );
}
