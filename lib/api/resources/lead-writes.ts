import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { withTenant } from "@/db/tenant";
import { tenants, vehicles, leadStages } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { normalizeEmail, normalizePhone } from "@/lib/channels/phone";
import { upsertContact } from "@/lib/leads/contacts";
import { changeLeadStage, findOrCreateOpenLead, leadCreatedEvent, leadStageChangedEvent } from "@/lib/leads/leads";
import { serializeLead, type ApiLead } from "./leads";

export const createLeadSchema = z.object({
  name: z.string().trim().max(120).optional(),
  phone: z.string().trim().max(40).optional(),
  email: z.string().trim().max(200).optional(),
  notes: z.string().trim().max(5000).optional(),
  vehicleId: z.uuid().optional(),
  budgetMax: z.number().int().min(0).optional(),
  externalRef: z.string().trim().min(1).max(200).optional(),
  language: z.string().trim().min(2).max(10).optional(),
}).strict();

export const updateLeadSchema = z.object({
  stage: z.enum(leadStages),
  lostReason: z.string().trim().max(500).optional(),
  wonAmount: z.number().int().min(0).optional(),
}).strict();

type Refused = { ok: false; status: 400 | 404 | 422; code: string; message: string };

/** A lead from the dealer's own systems: same contact and open-lead dedupe as every other source. */
export async function createLeadFromApi(tenantId: string, input: z.infer<typeof createLeadSchema>): Promise<{ ok: true; created: boolean; lead: ApiLead } | Refused> {
  const result = await withTenant(tenantId, async (tx) => {
    const [tenant] = await tx.select({ country: tenants.country }).from(tenants).where(eq(tenants.id, tenantId));
    const phone = input.phone ? normalizePhone(input.phone, tenant.country) : null;
    const email = input.email ? normalizeEmail(input.email) : null;
    if (input.phone && !phone) return { ok: false, status: 422, code: "invalid_phone", message: "phone is not a valid phone number." } as const;
    if (input.email && !email) return { ok: false, status: 422, code: "invalid_email", message: "email is not a valid e-mail address." } as const;
    if (!phone && !email) return { ok: false, status: 422, code: "contact_required", message: "Give a phone number or an e-mail address." } as const;
    if (input.vehicleId) {
      const [v] = await tx.select({ id: vehicles.id }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, input.vehicleId))).limit(1);
      if (!v) return { ok: false, status: 422, code: "unknown_vehicle", message: "vehicleId is not one of your vehicles." } as const;
    }
    const contact = await upsertContact(tx, tenantId, { phone, email, name: input.name ?? null, language: input.language ?? null });
    const { lead, created } = await findOrCreateOpenLead(tx, tenantId, contact.id, {
      source: "api", vehicleId: input.vehicleId ?? null, budgetMax: input.budgetMax ?? null, externalRef: input.externalRef ?? null, notes: input.notes ?? null,
    });
    return { ok: true, created, lead: serializeLead(lead) } as const;
  });
  if (result.ok && result.created) await sendEvent(leadCreatedEvent(tenantId, result.lead.id, "api"));
  return result;
}

export async function updateLeadStageFromApi(tenantId: string, leadId: string, input: z.infer<typeof updateLeadSchema>): Promise<{ ok: true; lead: ApiLead } | Refused> {
  if (input.stage === "lost" && !input.lostReason) return { ok: false, status: 422, code: "reason_required", message: "Give lostReason when moving a lead to lost." };
  const changed = await withTenant(tenantId, (tx) => changeLeadStage(tx, tenantId, leadId, input.stage, { lostReason: input.lostReason, wonAmount: input.wonAmount }));
  if (!changed) return { ok: false, status: 404, code: "not_found", message: "Lead not found." };
  if (changed.changed) {
    await sendEvent(leadStageChangedEvent(tenantId, leadId, { from: changed.from, to: input.stage, reason: input.lostReason }));
  }
  return { ok: true, lead: serializeLead(changed.lead) };
}
