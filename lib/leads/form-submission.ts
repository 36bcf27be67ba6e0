import { and, eq, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { leadActivities, vehicles } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { upsertContact } from "./contacts";
import type { WebsiteForm } from "./forms";
import { findOrCreateOpenLead, leadCreatedEvent } from "./leads";

type FormTenant = { id: string; locale: string };

/**
 * A stored website form becomes a contact and a lead (a known person joins their open lead). Safe to run
 * again for the same inbox row: the activity that names the row is found and its lead returned.
 */
export async function recordWebsiteForm(tenant: FormTenant, inboxId: string, form: WebsiteForm): Promise<{ leadId: string; created: boolean }> {
  const result = await withTenant(tenant.id, async (tx) => {
    const [done] = await tx.select({ leadId: leadActivities.leadId }).from(leadActivities)
      .where(and(eq(leadActivities.tenantId, tenant.id), eq(leadActivities.type, "website_form"), sql`${leadActivities.data}->>'inboxId' = ${inboxId}`)).limit(1);
    if (done) return { leadId: done.leadId, created: false };
    const vehicle = form.vehicle ? await findVehicleRef(tx, tenant.id, form.vehicle) : null;
    const contact = await upsertContact(tx, tenant.id, { phone: form.phone, email: form.email, name: form.name, language: tenant.locale.slice(0, 2), consentMarketing: form.consent });
    const { lead, created } = await findOrCreateOpenLead(tx, tenant.id, contact.id, {
      source: "website", vehicleId: vehicle?.id ?? null, externalRef: `form:${inboxId}`, notes: form.message,
      rawAnswers: { name: form.name, phone: form.phone, email: form.email, message: form.message, vehicle: form.vehicle, consent: form.consent },
    });
    await tx.insert(leadActivities).values({ tenantId: tenant.id, leadId: lead.id, type: "website_form", data: { inboxId, message: form.message, vehicleCode: vehicle?.code ?? null } });
    return { leadId: lead.id, created };
  });
  if (result.created) await sendEvent(leadCreatedEvent(tenant.id, result.leadId, "website"));
  return result;
}

/** "#A01", "a01" or a vehicle slug → the tenant's vehicle. */
async function findVehicleRef(tx: Tx, tenantId: string, ref: string) {
  const code = ref.startsWith("#") ? ref.toUpperCase() : `#${ref.toUpperCase()}`;
  const [row] = await tx.select({ id: vehicles.id, code: vehicles.code }).from(vehicles)
    .where(and(eq(vehicles.tenantId, tenantId), or(eq(vehicles.code, code), eq(vehicles.slug, ref.toLowerCase())))).limit(1);
  return row ?? null;
}
