import { apiError, handleApiRequest, notFound } from "@/lib/api/respond";
import { getLead } from "@/lib/api/resources/leads";
import { updateLeadSchema, updateLeadStageFromApi } from "@/lib/api/resources/lead-writes";
import { bodyOf, isUuid } from "@/lib/api/validate";

type Params = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Params) {
  return handleApiRequest(request, "read", async ({ tenantId }) => {
    const { id } = await params;
    const lead = isUuid(id) ? await getLead(tenantId, id) : null;
    return lead ? Response.json({ data: lead }) : notFound("Lead");
  });
}

export function PATCH(request: Request, { params }: Params) {
  return handleApiRequest(request, "write", async ({ tenantId }) => {
    const { id } = await params;
    if (!isUuid(id)) return notFound("Lead");
    const body = await bodyOf(request, updateLeadSchema);
    if (!body.ok) return body.response;
    const r = await updateLeadStageFromApi(tenantId, id, body.value);
    return r.ok ? Response.json({ data: r.lead }) : apiError(r.status, r.code, r.message);
  });
}
