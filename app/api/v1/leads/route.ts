import { handleApiRequest, apiError } from "@/lib/api/respond";
import { isLeadStage, listLeadsPage } from "@/lib/api/resources/leads";
import { createLeadFromApi, createLeadSchema } from "@/lib/api/resources/lead-writes";
import { bodyOf, pageParamsOf } from "@/lib/api/validate";

export function GET(request: Request) {
  return handleApiRequest(request, "read", async ({ tenantId }) => {
    const page = pageParamsOf(request);
    if (!page.ok) return page.response;
    const stage = page.search.get("stage");
    if (stage && !isLeadStage(stage)) return apiError(400, "invalid_query", "stage is not a known lead stage.");
    return Response.json(await listLeadsPage(tenantId, page.value, { stage: stage && isLeadStage(stage) ? stage : undefined }));
  });
}

export function POST(request: Request) {
  return handleApiRequest(request, "write", async ({ tenantId }) => {
    const body = await bodyOf(request, createLeadSchema);
    if (!body.ok) return body.response;
    const r = await createLeadFromApi(tenantId, body.value);
    if (!r.ok) return apiError(r.status, r.code, r.message);
    return Response.json({ data: r.lead, created: r.created }, { status: r.created ? 201 : 200 });
  });
}
