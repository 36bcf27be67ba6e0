import { handleApiRequest, notFound } from "@/lib/api/respond";
import { getVehicle } from "@/lib/api/resources/vehicles";
import { isUuid } from "@/lib/api/validate";

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApiRequest(request, "read", async ({ tenantId }) => {
    const { id } = await params;
    const vehicle = isUuid(id) ? await getVehicle(tenantId, id) : null;
    return vehicle ? Response.json({ data: vehicle }) : notFound("Vehicle");
  });
}
