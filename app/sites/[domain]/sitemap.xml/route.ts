import { loadSitemapEntries } from "@/lib/catalog/data";
import { loadSiteTenant } from "@/lib/catalog/site";
import { sitemapXml } from "@/lib/catalog/sitemap";

export async function GET(_request: Request, { params }: { params: Promise<{ domain: string }> }) {
  const r = await loadSiteTenant(decodeURIComponent((await params).domain));
  if (r.kind === "unknown") return new Response("Not found", { status: 404 });
  if (r.kind === "redirect") return Response.redirect(`https://${r.toHost}/sitemap.xml`, 301);
  const cars = await loadSitemapEntries(r.site.tenant.id);
  return new Response(sitemapXml(r.site.origin, cars), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=60, stale-while-revalidate=300" },
  });
}
