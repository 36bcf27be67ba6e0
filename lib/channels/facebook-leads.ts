import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { messages } from "@/db/schema";
import { findOrCreateConversation, recordInboundMessage } from "@/lib/conversations";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead, leadCreatedEvent } from "@/lib/leads/leads";
import { getTenantById } from "@/lib/tenancy";
import type { InboxRow } from "@/lib/webhooks/inbox";
import { fetchLeadgen, leadSummary, mapLeadFields, type LeadgenRef } from "./facebook";
import type { InboundOutcome } from "./inbound";
import { normalizeEmail, normalizePhone } from "./phone";
import { channelCredentials, findChannelById } from "./store";
import { resolveVehicleReference } from "./vehicle-reference";
import { parseStoredJson } from "@/lib/webhooks/body";

/**
 * One Lead Ads submission → contact, lead (source facebook, answers kept), and a timeline entry in a
 * facebook conversation. A Graph API failure throws, so the inbox row stays unprocessed and is retried.
 */
export async function processFacebookLead(row: InboxRow, out: InboundOutcome): Promise<{ ignored?: string } | void> {
  const ref = parseStoredJson(row.rawBody) as LeadgenRef;
  const channel = row.channelId ? await findChannelById(row.channelId) : null;
  if (!channel) return { ignored: `page ${ref.pageId} is no longer connected` };
  const creds = channelCredentials(channel);
  if (!creds.accessToken) throw new Error(`Facebook page ${channel.externalId} has no access token yet`);
  const tenant = await getTenantById(channel.tenantId);
  if (!tenant) return { ignored: "tenant not found" };

  const fetched = await fetchLeadgen(creds.graphUrl, ref.leadgenId, creds.accessToken);
  const mapped = mapLeadFields(fetched.field_data);
  const phone = normalizePhone(mapped.phone, tenant.country);
  const email = normalizeEmail(mapped.email);
  if (!phone && !email) return { ignored: `lead ${ref.leadgenId} has neither a usable phone number nor an e-mail address` };

  const tenantId = tenant.id;
  const result = await withTenant(tenantId, async (tx) => {
    const [seen] = await tx.select({ id: messages.id }).from(messages)
      .where(and(eq(messages.channelId, channel.id), eq(messages.providerMessageId, ref.leadgenId))).limit(1);
    if (seen) return null;
    const contact = await upsertContact(tx, tenantId, { phone, email, name: mapped.name });
    const vehicleId = await resolveVehicleReference(tx, tenantId, mapped.vehicle);
    const rawAnswers = { facebook: { leadgenId: ref.leadgenId, formId: fetched.form_id ?? ref.formId ?? null, adId: fetched.ad_id ?? ref.adId ?? null, pageId: ref.pageId, fields: mapped.answers } };
    const notes = Object.entries(mapped.questions).map(([q, a]) => `${q}: ${a}`).join("\n") || null;
    const { lead, created } = await findOrCreateOpenLead(tx, tenantId, contact.id, { source: "facebook", externalRef: ref.leadgenId, rawAnswers, vehicleId, notes });
    const conversation = await findOrCreateConversation(tx, tenantId, { contactId: contact.id, leadId: lead.id, channelId: channel.id, medium: "facebook" });
    const at = fetched.created_time ? new Date(fetched.created_time) : ref.createdTime ? new Date(ref.createdTime * 1000) : new Date();
    await recordInboundMessage(tx, tenantId, {
      conversation, channelId: channel.id, providerMessageId: ref.leadgenId, type: "lead_form", body: leadSummary(mapped),
      meta: { leadgen: rawAnswers.facebook }, at: Number.isNaN(at.getTime()) ? new Date() : at,
    });
    return { lead, created };
  });
  if (!result) {
    out.duplicates++;
    return;
  }
  out.stored++;
  if (result.created) out.events.push(leadCreatedEvent(tenantId, result.lead.id, "facebook"));
}
