import { handleApiRequest, notFound } from "@/lib/api/respond";
import { getAppointment } from "@/lib/api/resources/appointments";
import { isUuid } from "@/lib/api/validate";

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleApiRequest(request, "read", async ({ tenantId }) => {
    const { id } = await params;
    const appointment = isUuid(id) ? await getAppointment(tenantId, id) : null;
    return appointment ? Response.json({ data: appointment }) : notFound("Appointment");
  });
}
