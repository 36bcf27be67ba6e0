import { loadVehicle } from "@/lib/catalog/data";
import { publicApiHeaders, publicVehicle } from "@/lib/catalog/public-api";
import { loadSiteTenant } from "@/lib/catalog/site";

export async function GET(_request: Request, { params }: { params: Promise<{ domain: string; slug: string }> }) {
  const { domain, slug } = await params;
  const r = await loadSiteTenant(decodeURIComponent(domain));
  if (r.kind !== "tenant") return Response.json({ error: "Unknown dealer site" }, { status: 404 });
  const v = await loadVehicle(r.site.tenant.id, decodeURIComponent(slug));
  if (!v || v.status === "draft") return Response.json({ error: "No such vehicle" }, { status: 404 });
  // Sold is gone for good; say so, so caches and aggregators drop it.
  if (v.status === "sold") return Response.json({ error: "This vehicle has been sold" }, { status: 410 });
  return Response.json({ vehicle: publicVehicle(v, r.site.origin) }, { headers: publicApiHeaders });
}
