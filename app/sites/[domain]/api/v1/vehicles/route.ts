import { loadListing } from "@/lib/catalog/data";
import { publicApiHeaders, publicVehicle } from "@/lib/catalog/public-api";
import { PAGE_SIZE, parseListingQuery } from "@/lib/catalog/query";
import { loadSiteTenant } from "@/lib/catalog/site";

export async function GET(request: Request, { params }: { params: Promise<{ domain: string }> }) {
  const r = await loadSiteTenant(decodeURIComponent((await params).domain));
  if (r.kind !== "tenant") return Response.json({ error: "Unknown dealer site" }, { status: 404 });
  const q = parseListingQuery(new URL(request.url).searchParams);
  const { vehicles, total } = await loadListing(r.site.tenant.id, q);
  return Response.json(
    { vehicles: vehicles.map((v) => publicVehicle(v, r.site.origin)), pagination: { page: q.page, pageSize: PAGE_SIZE, total } },
    { headers: publicApiHeaders },
  );
}
