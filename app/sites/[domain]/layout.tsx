import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { brandStyle } from "@/components/brand";
import { SiteFooter, SiteHeader } from "@/components/site/site-chrome";
import { loadSiteTenant } from "@/lib/catalog/site";
import { monogramIconDataUrl } from "@/lib/monogram-icon";

type Props = { params: Promise<{ domain: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const r = await loadSiteTenant(decodeURIComponent((await params).domain));
  if (r.kind !== "tenant") return {};
  const { name, branding } = r.site.tenant;
  // The dealer's name and stock are the title and description of any page that sets none of its own (a 404, a sold
  // car), not the platform's.
  return { title: { absolute: name }, description: r.site.t.inventoryTitle(name), icons: { icon: monogramIconDataUrl(name, branding.primaryColor) } };
}

export default async function SiteLayout({ children, params }: Props & { children: ReactNode }) {
  const { domain } = await params;
  const r = await loadSiteTenant(decodeURIComponent(domain));
  if (r.kind === "unknown") notFound();
  // A subdomain whose custom domain is live: the page below answers with the 301 (it knows the path).
  if (r.kind === "redirect") return children;
  const { tenant, t, lang } = r.site;
  return (
    <div style={brandStyle(tenant.branding.primaryColor)} lang={lang} className="flex min-h-dvh flex-col bg-white text-ink">
      <SiteHeader tenant={tenant} />
      <div className="flex-1">{children}</div>
      <SiteFooter tenant={tenant} t={t} lang={lang} />
    </div>
  );
}
