import { env } from "@/lib/env";
import { schemeFor } from "@/lib/origins";

type SiteTenant = { slug: string; customDomain: string | null; customDomainStatus: string };

/** The dealer site's origin: its verified custom domain, otherwise `{slug}.ROOT_DOMAIN`. */
export function siteOrigin(t: SiteTenant): string {
  if (t.customDomain && t.customDomainStatus === "verified") return `https://${t.customDomain}`;
  const root = env().ROOT_DOMAIN;
  return `${schemeFor(root)}://${t.slug}.${root}`;
}

export function vehicleUrl(t: SiteTenant, vehicleSlug: string): string {
  return `${siteOrigin(t)}/cars/${vehicleSlug}`;
}
