import { createHash, randomBytes } from "node:crypto";
import { eq, getTableColumns, getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { withTenant } from "@/db/tenant";
import * as schema from "@/db/schema";
import { createApiKey } from "@/lib/api/keys";
import { listTeam } from "@/lib/settings";
import { encryptSecret } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { createTestTenant } from "../../../helpers/factory";
import { addStock } from "../../../helpers/stock";
import { seedLead } from "../../dashboard/seed";

export type TenantWorld = Awaited<ReturnType<typeof buildTenantWorld>>;
export type Ids = TenantWorld["ids"];

/**
 * One dealership with a shopper, lead, conversation, cars (public and draft), a template, a private
 * media object and an API key. `markers` are strings only this tenant's data contains: if one shows up
 * in an answer given to another tenant, that is a leak.
 */
export async function buildTenantWorld(label: string) {
  const t = await createTestTenant();
  const tag = `${label}${randomBytes(3).toString("hex")}`;
  const phone = `3168${Math.floor(1e6 + Math.random() * 8e6)}`;
  const shopper = { name: `Shopper ${tag}secret`, phone, email: `shopper-${tag}@private.test`, text: `private message ${tag}` };
  const [car, draft] = await addStock(t.tenant.id, [
    { make: "Skoda", model: "Octavia", variant: `Variant${tag}`, plate: `PL-${tag}`, costPrice: 12345 },
    { make: "Mazda", model: "CX-5", variant: `Draft${tag}`, status: "draft" },
  ]);
  const lead = await seedLead(t.tenant.id, t.channelId, { ...shopper, vehicleId: car.id });
  const [template] = await withTenant(t.tenant.id, (tx) =>
    tx.insert(schema.messageTemplates).values({ tenantId: t.tenant.id, name: `tpl_${tag}`, language: "nl", body: `Hallo {{1}} ${tag}`, variables: ["name"] }).returning(),
  );
  const bytes = Buffer.from(`private attachment ${tag}`);
  const [media] = await withTenant(t.tenant.id, (tx) =>
    tx.insert(schema.mediaObjects).values({ tenantId: t.tenant.id, kind: "message_media", mimeType: "text/plain", bytes, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") }).returning(),
  );
  const facebookPageId = String(Math.floor(1e14 + Math.random() * 8e14));
  const extra = await withTenant(t.tenant.id, async (tx) => {
    const tenantId = t.tenant.id;
    const [broadcast] = await tx.insert(schema.broadcasts).values({ tenantId, name: `Broadcast ${tag}`, templateName: `tpl_${tag}`, templateLanguage: "nl" }).returning();
    const [sequence] = await tx.insert(schema.followupSequences).values({ tenantId, name: `Sequence ${tag}`, trigger: { type: "lead_created" } as never }).returning();
    const [enrollment] = await tx.insert(schema.followupEnrollments).values({ tenantId, sequenceId: sequence.id, leadId: lead.leadId, contactId: lead.contactId }).returning();
    const [feedImport] = await tx.insert(schema.inventoryImports).values({ tenantId, source: "upload" }).returning();
    const [endpoint] = await tx.insert(schema.webhookEndpoints).values({ tenantId, url: `https://hooks.example/${tag}`, secretEnc: "x", events: ["lead.created"] }).returning();
    const [delivery] = await tx.insert(schema.webhookDeliveries).values({ tenantId, endpointId: endpoint.id, event: "lead.created", payload: { tag } }).returning();
    const [page] = await tx.insert(schema.channels).values({
      tenantId, provider: "facebook_page", name: `Page ${tag}`, externalId: facebookPageId, credentialsEnc: encryptSecret(JSON.stringify({ accessToken: `EAApage${tag}` })), status: "connected",
    }).returning();
    const [waha] = await tx.insert(schema.channels).values({ tenantId, provider: "waha", name: "WAHA", externalId: `session-${tag}`, webhookSecretEnc: encryptSecret(`hmac-${tag}`), status: "connected" }).returning();
    const [branch] = await tx.insert(schema.branches).values({ tenantId, name: `Branch ${tag}`, address: { street: `Hidden lane ${tag}`, city: "Ede" }, mapUrl: `https://maps.example/${tag}` }).returning();
    await tx.update(schema.vehicles).set({ branchId: branch.id }).where(eq(schema.vehicles.id, car.id));
    // Already started, so marking its outcome would succeed for anyone the check let through.
    const startedAt = new Date(Date.now() - 3_600_000);
    const [appointment] = await tx.insert(schema.appointments).values({ tenantId, leadId: lead.leadId, contactId: lead.contactId, startsAt: startedAt, endsAt: new Date(startedAt.getTime() + 1_800_000) }).returning();
    const [knowledge] = await tx.insert(schema.knowledgeEntries).values({ tenantId, language: "nl", topic: "warranty", title: "Garantie", body: `Garantie ${tag}: 12 maanden op elke auto.` }).returning();
    // Nobody's, so any manager of this dealership could tick it off; nobody of another may.
    const [task] = await tx.insert(schema.tasks).values({ tenantId, userId: null, leadId: lead.leadId, kind: "task", title: `Call back ${tag}`, body: `private task ${tag}` }).returning();
    return { taskId: task.id, appointmentId: appointment.id, branchId: branch.id, knowledgeEntryId: knowledge.id, broadcastId: broadcast.id, sequenceId: sequence.id, enrollmentId: enrollment.id, importId: feedImport.id, endpointId: endpoint.id, deliveryId: delivery.id, facebookPageId, facebookChannelId: page.id, wahaChannelId: waha.id };
  });
  const team = await listTeam(t.tenant.id);
  const key = await createApiKey({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, { name: "sweep", scope: "write" });
  if (!key.ok) throw new Error(key.error);
  const ids = {
    tenantId: t.tenant.id, tenantSlug: t.tenant.slug, siteHost: `${t.tenant.slug}.${env().ROOT_DOMAIN}`,
    vehicleId: car.id, vehicleSlug: car.slug, vehicleCode: car.code, draftVehicleId: draft.id, draftVehicleSlug: draft.slug,
    contactId: lead.contactId, leadId: lead.leadId, conversationId: lead.conversationId, channelId: t.channelId, phoneNumberId: t.phoneNumberId,
    templateId: template.id, mediaId: media.id, salesUserId: t.sales1.id, ownerUserId: t.owner.id, ownerEmail: t.owner.email,
    salesMembershipId: team.find((m) => m.userId === t.sales1.id)!.membershipId,
    ownerMembershipId: team.find((m) => m.userId === t.owner.id)!.membershipId,
    feedSecret: t.feedSecret, apiKey: key.data.key, apiKeyId: key.data.id, ...extra,
  };
  const markers = [shopper.name, phone, shopper.email, shopper.text, `Variant${tag}`, `Draft${tag}`, `PL-${tag}`, t.tenant.name, `attachment ${tag}`, t.feedSecret, `EAApage${tag}`, `hmac-${tag}`, `Garantie ${tag}`, `Branch ${tag}`, `Hidden lane ${tag}`];
  return { t, ids, markers, users: { owner: t.owner.email, manager: t.manager.email, sales: t.sales1.email } };
}

// The app role cannot read the system tables (sessions, inbox, jobs); they hold no dealer data to leak.
const systemTables = new Set(["sessions", "webhook_inbox", "job_runs"]);
const tenantTables = (Object.values(schema) as unknown[]).filter(
  (v): v is PgTable => is(v, PgTable) && "tenantId" in getTableColumns(v as PgTable) && !systemTables.has(getTableName(v as PgTable)),
);

/** Every tenant-owned row of one tenant, as text: equal before and after means nothing was written. */
export async function snapshotTenant(tenantId: string): Promise<string> {
  return withTenant(tenantId, async (tx) => {
    const parts: string[] = [];
    for (const table of tenantTables) {
      const column = getTableColumns(table).tenantId;
      const rows = await tx.select().from(table).where(eq(column, tenantId));
      const sorted = rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? String(v) : v))).sort();
      parts.push(`${getTableName(table)}:${sorted.join("\n")}`);
    }
    const [tenant] = await tx.select().from(schema.tenants).where(eq(schema.tenants.id, tenantId));
    return [JSON.stringify(tenant), ...parts].join("\n");
  });
}

/** The markers of `world` found in `text` (empty when nothing leaked). */
export function leakedMarkers(world: TenantWorld, text: string): string[] {
  return world.markers.filter((m) => text.includes(m));
}
