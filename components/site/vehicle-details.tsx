import type { Vehicle } from "@/lib/catalog/data";
import type { SiteText } from "@/lib/catalog/i18n";
import { financingQuote } from "@/lib/financing";
import { formatMileage, formatNumber, formatPrice } from "@/lib/format";
import { numberFormat } from "@/lib/format/intl";

type Financing = { ratePct: number; termMonths: number; downPaymentPct: number };

export function SpecTable({ v, t, locale }: { v: Vehicle; t: SiteText; locale: string }) {
  const rows: [string, string | null][] = [
    [t.code, v.code], [t.year, String(v.year)], [t.mileage, formatMileage(v.mileageKm, locale)], [t.fuel, t.fuels[v.fuel] ?? v.fuel],
    [t.transmission, t.transmissions[v.transmission] ?? v.transmission], [t.body, t.bodies[v.body] ?? v.body], [t.color, v.color ? (t.colors[v.color.toLowerCase()] ?? v.color) : null],
    [t.power, v.powerHp ? `${formatNumber(v.powerHp, locale)} ${t.powerUnit}` : null], [t.doors, v.doors ? String(v.doors) : null], [t.seats, v.seats ? String(v.seats) : null],
  ];
  return (
    <section aria-labelledby="specs">
      <h2 id="specs" className="mb-2 text-lg font-semibold">{t.specs}</h2>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm" data-testid="specs">
        {rows.filter(([, value]) => value).map(([label, value]) => [
          <dt key={`${label}-t`} className="text-ink-muted">{label}</dt>,
          <dd key={`${label}-d`} className="font-medium">{value}</dd>,
        ])}
      </dl>
    </section>
  );
}

/** An indicative monthly payment with the dealer's own financing terms (settings), only when the dealer set them. */
export function FinancingExample({ v, t, locale, terms }: { v: Vehicle; t: SiteText; locale: string; terms?: Financing }) {
  if (!terms) return null;
  const quote = financingQuote({ price: v.price, downPaymentPct: terms.downPaymentPct, ratePct: terms.ratePct, months: terms.termMonths, currency: v.currency });
  const money = (n: number) => formatPrice(n, v.currency, locale);
  return (
    <section aria-labelledby="financing" className="rounded-lg bg-brand-soft p-4">
      <h2 id="financing" className="font-semibold">{t.financing}</h2>
      <p className="mt-1 text-sm" data-testid="financing">
        {t.financingText(money(quote.monthly), quote.months, money(quote.downPayment), `${numberFormat(locale, { maximumFractionDigits: 2 }).format(quote.ratePct)}\u00a0%`)}
      </p>
    </section>
  );
}
