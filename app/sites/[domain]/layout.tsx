import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { brandStyle } from "@/components/brand";
import { SiteFooter, SiteHeader } from "@/components/site/site-chrome";
import { loadSiteTenant } from "@/lib/catalog/site";

export default async function SiteLayout({ children, params }: { children: ReactNode; params: Promise<{ domain: string }> }) {
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
      <SiteFooter tenant={tenant} t={t} />
    </div>
  );
}
