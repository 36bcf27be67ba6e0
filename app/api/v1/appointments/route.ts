import { handleApiRequest } from "@/lib/api/respond";
import { listAppointmentsPage } from "@/lib/api/resources/appointments";
import { pageParamsOf } from "@/lib/api/validate";

export function GET(request: Request) {
  return handleApiRequest(request, "read", async ({ tenantId }) => {
    const page = pageParamsOf(request);
    return page.ok ? Response.json(await listAppointmentsPage(tenantId, page.value)) : page.response;
  });
}
