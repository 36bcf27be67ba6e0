import type { Tenant } from "@/lib/tenancy";
import { siteForHost } from "./data";
import { siteLang, siteText, type SiteLang, type SiteText } from "./i18n";
import { withLang } from "./query";
import { siteOrigin } from "./urls";

export type Site = { tenant: Tenant; lang: SiteLang; langs: SiteLang[]; t: SiteText; origin: string };

/** The languages a dealer publishes in (settings.languages), the tenant's own first. */
export function siteLangs(tenant: Pick<Tenant, "locale" | "settings">): SiteLang[] {
  const own = siteLang(tenant.locale);
  const extra = (tenant.settings.languages ?? []).map(siteLang);
  return [own, ...extra.filter((l, i) => l !== own && extra.indexOf(l) === i)];
}

export async function loadSiteTenant(host: string, requestedLang?: string) {
  const r = await siteForHost(host);
  if (r.kind !== "tenant") return r;
  const langs = siteLangs(r.tenant);
  const asked = requestedLang ? siteLang(requestedLang) : null;
  const lang = asked && langs.includes(asked) ? asked : langs[0];
  return { kind: "tenant" as const, site: { tenant: r.tenant, lang, langs, t: siteText(lang), origin: siteOrigin(r.tenant) } satisfies Site };
}

/** hreflang alternates of a path: the default language at the plain URL, the others with ?lang=. */
export function languageAlternates(site: Site, path: string): Record<string, string> | undefined {
  if (site.langs.length < 2) return undefined;
  const sep = path.includes("?") ? "&" : "?";
  const entries = site.langs.map((l, i) => [l, `${site.origin}${path}${i === 0 ? "" : `${sep}lang=${l}`}`]);
  return Object.fromEntries([...entries, ["x-default", `${site.origin}${path}`]]);
}

/** A page's canonical address in the language it is shown in (the default language at the plain path). */
export function canonicalUrl(site: Site, path: string): string {
  return `${site.origin}${withLang(path, site.lang, site.langs[0])}`;
}
