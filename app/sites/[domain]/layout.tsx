import type { ReactNode } from "react";
import { notFound, permanentRedirect } from "next/navigation";
import { headers } from "next/headers";
import { resolveSiteHost } from "@/lib/tenancy";

export default async function SiteLayout({ children, params }: { children: ReactNode; params: Promise<{ domain: string }> }) {
  const { domain } = await params;
  const site = await resolveSiteHost(decodeURIComponent(domain));
  if (site.kind === "unknown") notFound();
  if (site.kind === "redirect") {
    const h = await headers();
    permanentRedirect(`https://${site.toHost}${h.get("x-forwarded-uri") ?? "/"}`);
  }
  const brand = site.tenant.branding.primaryColor ?? "#0f172a";
  return (
    <div style={{ ["--brand" as string]: brand }} lang={site.tenant.locale}>
      {children}
    </div>
  );
}
