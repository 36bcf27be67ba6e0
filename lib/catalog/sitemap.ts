import { escapeMarkup as escapeXml } from "@/lib/format/markup";

/** sitemap.xml of a dealer site: the listing and every public car, lastmod from the car's own last change. */
export function sitemapXml(origin: string, cars: { slug: string; updatedAt: Date }[]): string {
  const newest = cars.reduce<Date | null>((m, c) => (!m || c.updatedAt > m ? c.updatedAt : m), null);
  const url = (loc: string, lastmod: Date | null) => `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url(`${origin}/`, newest),
    ...cars.map((c) => url(`${origin}/cars/${c.slug}`, c.updatedAt)),
    "</urlset>",
  ].join("\n");
}

export function robotsTxt(origin: string): string {
  return ["User-agent: *", "Allow: /", "Disallow: /api/", "", `Sitemap: ${origin}/sitemap.xml`, ""].join("\n");
}
