import { env } from "@/lib/env";

type SiteTenant = { slug: string; customDomain: string | null; customDomainStatus: string };

/** The dealer site's origin: its verified custom domain, otherwise `{slug}.ROOT_DOMAIN`. */
export function siteOrigin(t: SiteTenant): string {
  if (t.customDomain && t.customDomainStatus === "verified") return `https://${t.customDomain}`;
  const root = env().ROOT_DOMAIN;
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(root);
  return `${local ? "http" : "https"}://${t.slug}.${root}`;
}

export function vehicleUrl(t: SiteTenant, vehicleSlug: string): string {
  return `${siteOrigin(t)}/cars/${vehicleSlug}`;
}
