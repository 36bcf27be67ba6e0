import type { Facet } from "@/lib/inventory/facets";
import type { SiteText } from "@/lib/catalog/i18n";
import { GetFormBehaviour } from "./get-form-behaviour";
import { BODIES, FUELS, SORTS, TRANSMISSIONS, type ListingQuery } from "@/lib/catalog/query";

type Props = {
  q: ListingQuery; t: SiteText; lang: string; defaultLang: string;
  /** Counts under the listing's other filters; `models` is null when no make of the stock is chosen (a text field then). */
  makes: Facet[]; models: Facet[] | null; fuels: Facet[]; bodies: Facet[];
  /** Offered as a filter only when there are two or more; the main showroom's value is "main". */
  showrooms?: { value: string; label: string }[];
};

const countOf = (list: Facet[], value: string) => list.find((f) => f.value === value)?.count ?? 0;

/** The values other filters leave any car for, with their counts; the chosen one stays (at 0 too) so the form shows what applies. */
function facetOptions(values: readonly string[], counts: Facet[], chosen: string | undefined, label: (value: string) => string = (v) => v) {
  const shown = values.filter((v) => v === chosen || countOf(counts, v));
  if (chosen && !shown.includes(chosen)) shown.unshift(chosen);
  return shown.map((v) => ({ value: v, label: `${label(v)} (${countOf(counts, v)})` }));
}
const valuesOf = (list: Facet[]) => list.map((f) => f.value);

/** `defaultChoice`: the value the listing takes without it, left out of the address like an empty field. */
function Select({ name, label, value, options, defaultChoice }: { name: string; label: string; value?: string | number; options: { value: string; label: string }[]; defaultChoice?: string }) {
  return (
    <label className="site-label">
      {label}
      <select name={name} defaultValue={value === undefined ? "" : String(value)} data-default={defaultChoice} className="site-field">
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

/** A plain GET form: the URL is the state, so every result page can be shared, crawled and used without JavaScript. */
export function ListingFilters({ q, t, makes, models, fuels, bodies, lang, defaultLang, showrooms = [] }: Props) {
  const any = { value: "", label: t.any };
  const years = Array.from({ length: 16 }, (_, i) => String(new Date().getFullYear() - i));
  return (
    // autoComplete off and the reset on return: going Back shows the filters of that page's address, not what was typed.
    <form id="listing-filters" method="get" action="/" role="search" autoComplete="off" className="space-y-3">
      <GetFormBehaviour formId="listing-filters" />
      {lang !== defaultLang ? <input type="hidden" name="lang" value={lang} /> : null}
      <div className="flex gap-2">
        <label className="sr-only" htmlFor="q">{t.search}</label>
        <input id="q" name="q" type="search" defaultValue={q.q} placeholder={t.searchPlaceholder} className="site-field mt-0" />
        <button type="submit" className="rounded-md bg-brand px-4 font-semibold text-brand-contrast">{t.search}</button>
      </div>
      <details className="rounded-md border border-line p-3" open={Boolean(q.branch || q.make || q.fuel || q.body || q.transmission || q.minPrice || q.maxPrice || q.minYear || q.maxKm)}>
        <summary className="cursor-pointer font-medium">{t.filters}</summary>
        <div className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4">
          {showrooms.length >= 2 ? <Select name="branch" label={t.showroom} value={q.branch} options={[{ value: "", label: t.allShowrooms }, ...showrooms]} /> : null}
          <Select name="make" label={t.make} value={q.make} options={[any, ...facetOptions(valuesOf(makes), makes, q.make)]} />
          {models ? (
            <Select name="model" label={t.model} value={q.model} options={[any, ...facetOptions(valuesOf(models), models, q.model)]} />
          ) : (
            <label className="site-label">{t.model}<input name="model" defaultValue={q.model} className="site-field" /></label>
          )}
          <Select name="fuel" label={t.fuel} value={q.fuel} options={[any, ...facetOptions(FUELS, fuels, q.fuel, (f) => t.fuels[f as keyof typeof t.fuels])]} />
          <Select name="transmission" label={t.transmission} value={q.transmission} options={[any, ...TRANSMISSIONS.map((x) => ({ value: x, label: t.transmissions[x] }))]} />
          <Select name="body" label={t.body} value={q.body} options={[any, ...facetOptions(BODIES, bodies, q.body, (b) => t.bodies[b as keyof typeof t.bodies])]} />
          <Select name="minYear" label={t.minYear} value={q.minYear} options={[any, ...years.map((y) => ({ value: y, label: y }))]} />
          {/* No pattern: people write "20.000" or "20 000", which the query reads, and a pattern would block them with the browser's own English message. */}
          <label className="site-label">{t.minPrice}<input name="minPrice" inputMode="numeric" defaultValue={q.minPrice} className="site-field" /></label>
          <label className="site-label">{t.maxPrice}<input name="maxPrice" inputMode="numeric" defaultValue={q.maxPrice} className="site-field" /></label>
          <label className="site-label">{t.maxKm}<input name="maxKm" inputMode="numeric" defaultValue={q.maxKm} className="site-field" /></label>
          <Select name="sort" label={t.sort} value={q.sort} defaultChoice="newest" options={SORTS.map((s) => ({ value: s, label: t.sorts[s] }))} />
        </div>
        <div className="mt-3 flex items-center gap-4">
          <button type="submit" className="rounded-md bg-brand px-4 py-2 font-semibold text-brand-contrast">{t.apply}</button>
          <a href={lang !== defaultLang ? `/?lang=${lang}` : "/"} className="text-sm underline">{t.reset}</a>
        </div>
      </details>
    </form>
  );
}
