import { notFound, permanentRedirect } from "next/navigation";
import { loadSiteTenant } from "@/lib/catalog/site";

/** The dealer behind this host for a page: unknown hosts 404, a subdomain with a verified custom domain moves there (301, path kept). */
export async function siteFromParams(params: Promise<{ domain: string }>, path: string, requestedLang?: string) {
  const { domain } = await params;
  const site = await loadSiteTenant(decodeURIComponent(domain), requestedLang);
  if (site.kind === "unknown") notFound();
  if (site.kind === "redirect") permanentRedirect(`https://${site.toHost}${path}`);
  return site.site;
}
