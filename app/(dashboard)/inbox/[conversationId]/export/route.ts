import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { contactOfConversation, exportContact } from "@/lib/leads/privacy";

export const dynamic = "force-dynamic";

/** A shopper's data request: everything held about the conversation's contact, as a JSON download (managers and above). */
export async function GET(_request: Request, { params }: { params: Promise<{ conversationId: string }> }) {
  const auth = await authorize("manager");
  if (!auth.ok) return NextResponse.json({ error: auth.error }, { status: auth.error.startsWith("Your session") ? 401 : 403 });
  const { conversationId } = await params;
  const tenantId = auth.session.tenant.id;
  const contactId = await contactOfConversation(tenantId, conversationId);
  const data = contactId ? await exportContact(tenantId, contactId) : null;
  if (!data) return NextResponse.json({ error: "Not found." }, { status: 404 });
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="contact-${data.contact.id}.json"`,
      "cache-control": "no-store",
    },
  });
}
