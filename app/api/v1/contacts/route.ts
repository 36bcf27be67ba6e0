import { handleApiRequest } from "@/lib/api/respond";
import { listContactsPage } from "@/lib/api/resources/contacts";
import { pageParamsOf } from "@/lib/api/validate";

export function GET(request: Request) {
  return handleApiRequest(request, "read", async ({ tenantId }) => {
    const page = pageParamsOf(request);
    return page.ok ? Response.json(await listContactsPage(tenantId, page.value)) : page.response;
  });
}
