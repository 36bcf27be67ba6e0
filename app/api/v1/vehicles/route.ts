import { apiError, handleApiRequest } from "@/lib/api/respond";
import { listVehiclesPage, vehicleStatusFilter, type VehicleStatusFilter } from "@/lib/api/resources/vehicles";
import { pageParamsOf } from "@/lib/api/validate";

const isStatus = (s: string): s is VehicleStatusFilter => (vehicleStatusFilter as readonly string[]).includes(s);

export function GET(request: Request) {
  return handleApiRequest(request, "read", async ({ tenantId }) => {
    const page = pageParamsOf(request);
    if (!page.ok) return page.response;
    const status = page.search.get("status");
    if (status && !isStatus(status)) return apiError(400, "invalid_query", `status must be one of ${vehicleStatusFilter.join(", ")}.`);
    return Response.json(await listVehiclesPage(tenantId, page.value, { status: status && isStatus(status) ? status : undefined }));
  });
}
