import { loadSiteTenant } from "@/lib/catalog/site";
import { robotsTxt } from "@/lib/catalog/sitemap";

export async function GET(_request: Request, { params }: { params: Promise<{ domain: string }> }) {
  const r = await loadSiteTenant(decodeURIComponent((await params).domain));
  if (r.kind === "unknown") return new Response("Not found", { status: 404 });
  if (r.kind === "redirect") return Response.redirect(`https://${r.toHost}/robots.txt`, 301);
  return new Response(robotsTxt(r.site.origin), { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
