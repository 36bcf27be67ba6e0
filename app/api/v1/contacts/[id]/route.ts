import { handleApiRequest, notFound } from "@/lib/api/respond";
import { getContact } from "@/lib/api/resources/contacts";
import { isUuid } from "@/lib/api/validate";

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApiRequest(request, "read", async ({ tenantId }) => {
    const { id } = await params;
    const contact = isUuid(id) ? await getContact(tenantId, id) : null;
    return contact ? Response.json({ data: contact }) : notFound("Contact");
  });
}
