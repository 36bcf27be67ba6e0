import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import type { Tx } from "@/db/client";
import { appointments, conversations, leadActivities, leads, mediaObjects, messages, tasks, vehicleEvents, vehicles, type VehicleImage } from "@/db/schema";
import { upsertContact } from "@/lib/leads/contacts";
import { ASSISTANT_REPLIES_METRIC } from "@/lib/plans";
import { addUsage, monthKey } from "@/lib/usage";
import { createVehicle, type Vehicle } from "@/lib/inventory/vehicles";
import { ensureLeadAlertTemplates } from "@/lib/leads/rep-alerts";
import { provisionTenant } from "@/lib/tenancy/provision";
import { seedBranches } from "./branches";
import { buildDemoDataset, renderCarSvg, type DemoDataset, type DemoSlug, type DemoVehicle } from "./data";

export const DEMO_PASSWORD = "forecourt-demo";
const daysAgo = (now: Date, d: number) => new Date(now.getTime() - d * 86_400_000);

/** Inserts one demo dealership through the product's own provisioning and inventory code. */
export async function seedMarket(slug: DemoSlug, now: Date) {
  const ds = buildDemoDataset(slug, now);
  const t = ds.tenant;
  const p = await provisionTenant({
    tenant: {
      slug: t.slug, name: t.name, locale: t.locale, currency: t.currency, timeZone: t.timeZone, country: t.country, phone: `+${t.phone}`,
      address: t.address, geo: t.geo, businessHours: t.businessHours, branding: t.branding,
      settings: {
        financing: t.financing, assistant: { tone: "friendly", notifySoldInterest: true, notifyPriceDrop: true },
        quietHours: { start: "21:00", end: "08:00" }, languages: [t.language],
      },
    },
    feedSecret: t.feedSecret,
    inboundEmailToken: `dev-mail-${t.slug}`,
    staff: ds.staff.map((s) => ({ ...s, password: DEMO_PASSWORD, onDuty: s.role === "sales" })),
    channels: [
      { provider: "whatsapp_cloud", name: "WhatsApp", externalId: t.whatsapp.phoneNumberId, displayPhone: t.whatsapp.displayPhone },
      ...(t.fonnteDevice ? [{ provider: "fonnte" as const, name: "Fonnte", externalId: t.fonnteDevice, displayPhone: `+${t.fonnteDevice}`, webhookSecret: `dev-fonnte-${t.slug}` }] : []),
    ],
  });
  const staffId = (email: string | null) => (email ? (p.staff[email.toLowerCase()]?.id ?? null) : null);
  await withTenant(p.tenant.id, async (tx) => {
    const images = await storeImages(tx, p.tenant.id, ds.vehicles);
    const branchOf = await seedBranches(tx, p.tenant.id, slug, { branchId: p.branchId, address: t.address });
    const byExternal = new Map<string, Vehicle>();
    for (const [i, v] of ds.vehicles.entries()) byExternal.set(v.externalId, await insertVehicle(tx, p.tenant.id, branchOf(i), v, images(v), now));
    await insertPeople(tx, p.tenant.id, ds, byExternal, staffId, p.channels[`whatsapp_cloud:${t.whatsapp.phoneNumberId}`].id);
    await ensureLeadAlertTemplates(tx, p.tenant.id);
  });
  return p;
}

async function storeImages(tx: Tx, tenantId: string, list: DemoVehicle[]) {
  const ids = new Map<string, string>();
  for (const v of list) {
    for (const angle of [0, 1, 2] as const) {
      const key = `${v.body}:${v.color}:${angle}`;
      if (ids.has(key)) continue;
      const svg = Buffer.from(renderCarSvg({ body: v.body, color: v.color, angle }));
      const [row] = await tx.insert(mediaObjects).values({
        tenantId, kind: "vehicle_photo", mimeType: "image/svg+xml", bytes: svg, size: svg.length,
        sha256: createHash("sha256").update(svg).digest("hex"), width: 800, height: 600,
      }).returning({ id: mediaObjects.id });
      ids.set(key, row.id);
    }
  }
  return (v: DemoVehicle): VehicleImage[] =>
    ([0, 1, 2] as const).map((angle) => {
      const mediaId = ids.get(`${v.body}:${v.color}:${angle}`)!;
      return { mediaId, url: `/media/${mediaId}`, width: 800, height: 600, alt: `${v.make} ${v.model} ${v.year}` };
    });
}

/** A car with the history a real lot has: created at its first price, later reductions, a sale. */
async function insertVehicle(tx: Tx, tenantId: string, branchId: string, v: DemoVehicle, images: VehicleImage[], now: Date) {
  const history = v.priceHistory ?? [];
  const firstPrice = history[0]?.price ?? v.price;
  const vehicle = await createVehicle(tx, tenantId, {
    branchId, plate: v.plate, stockCode: v.stockCode, externalId: v.externalId, source: "seed", make: v.make, model: v.model, variant: v.variant,
    year: v.year, mileageKm: v.mileageKm, price: firstPrice, costPrice: v.costPrice, currency: v.currency, fuel: v.fuel, transmission: v.transmission,
    body: v.body, color: v.color, doors: v.doors, seats: v.seats, powerHp: v.powerHp, description: v.description, features: v.features, images,
    status: v.status === "sold" ? "available" : v.status,
  }, { source: "seed", createdAt: daysAgo(now, v.createdDaysAgo) });
  const prices = [...history.map((h) => h.price), v.price];
  for (let i = 0; i < history.length; i++) {
    await tx.insert(vehicleEvents).values({ tenantId, vehicleId: vehicle.id, type: "price_changed", source: "seed", old: { price: prices[i] }, new: { price: prices[i + 1] }, createdAt: daysAgo(now, history[i].daysAgo) });
  }
  const patch: Partial<Vehicle> = { price: v.price };
  if (v.status === "sold") {
    const soldAt = daysAgo(now, v.soldDaysAgo ?? 1);
    Object.assign(patch, { status: "sold", soldAt });
    await tx.insert(vehicleEvents).values({ tenantId, vehicleId: vehicle.id, type: "status_changed", source: "seed", old: { status: "available" }, new: { status: "sold" }, createdAt: soldAt });
  }
  const [updated] = await tx.update(vehicles).set(patch).where(eq(vehicles.id, vehicle.id)).returning();
  return updated;
}

async function insertPeople(tx: Tx, tenantId: string, ds: DemoDataset, cars: Map<string, Vehicle>, staffId: (e: string | null) => string | null, channelId: string) {
  const fill = (text: string) => text.replace(/\{code:([^}]+)\}/g, (_, ext: string) => cars.get(ext)?.code ?? "");
  const contactIds = new Map<string, string>();
  for (const c of ds.contacts) {
    const row = await upsertContact(tx, tenantId, { phone: c.phone, email: c.email, name: c.name, language: c.language, consentMarketing: c.consentMarketing });
    contactIds.set(c.key, row.id);
  }
  const leadIds = new Map<string, string>();
  for (const l of ds.leads) {
    const [lead] = await tx.insert(leads).values({
      tenantId, contactId: contactIds.get(l.contactKey)!, source: l.source, stage: l.stage, score: l.score, hot: l.hot, assignedUserId: staffId(l.assignedTo),
      vehicleId: cars.get(l.vehicleExternalId)?.id ?? null, budgetMin: l.budgetMin, budgetMax: l.budgetMax, preferences: l.preferences,
      notes: l.message, lostReason: l.lostReason, wonAmount: l.wonAmount, contactedAt: l.contactedAt, wonAt: l.wonAt, lostAt: l.lostAt,
      lastActivityAt: l.lastActivityAt, createdAt: l.createdAt,
    }).returning();
    leadIds.set(l.key, lead.id);
    // Created, then each stage change as a rep makes it: the analytics funnel reads a lost lead's furthest stage from them.
    await tx.insert(leadActivities).values([
      { tenantId, leadId: lead.id, type: "created", data: { source: l.source }, createdAt: l.createdAt },
      ...l.stageChanges.map((c) => ({
        tenantId, leadId: lead.id, type: "stage_changed", actorUserId: lead.assignedUserId,
        data: { from: c.from, to: c.to, ...(c.to === "lost" && l.lostReason ? { reason: l.lostReason } : {}) }, createdAt: c.at,
      })),
    ]);
    if (l.message && l.source !== "whatsapp") {
      const medium = l.source === "email" ? "email" : l.source === "website" ? "website" : l.source === "facebook" ? "facebook" : "note";
      const [conv] = await tx.insert(conversations).values({
        tenantId, contactId: lead.contactId, leadId: lead.id, medium, mode: "human", assignedUserId: lead.assignedUserId,
        lastInboundAt: l.createdAt, lastMessageAt: l.createdAt, lastMessagePreview: fill(l.message).slice(0, 140), unreadCount: l.stage === "new" ? 1 : 0, createdAt: l.createdAt,
      }).returning();
      await tx.insert(messages).values({ tenantId, conversationId: conv.id, direction: "inbound", senderKind: "customer", body: fill(l.message), status: "received", createdAt: l.createdAt });
    }
  }
  for (const c of ds.conversations) {
    const first = c.messages[0];
    const last = c.messages.at(-1)!;
    const firstReply = c.messages.find((m) => m.sender === "assistant" || m.sender === "staff");
    if (firstReply) {
      await tx.update(leads).set({ firstResponseAt: firstReply.at, firstResponseBy: firstReply.sender === "staff" ? "staff" : "assistant" }).where(eq(leads.id, leadIds.get(c.leadKey)!));
    }
    const [conv] = await tx.insert(conversations).values({
      tenantId, contactId: contactIds.get(c.contactKey)!, leadId: leadIds.get(c.leadKey)!, channelId, medium: "whatsapp", mode: c.mode,
      assignedUserId: staffId(c.assignedTo), lastInboundAt: c.messages.findLast((m) => m.sender === "customer")?.at ?? first.at, lastMessageAt: last.at,
      lastMessagePreview: fill(last.text).slice(0, 140), unreadCount: last.sender === "customer" ? 1 : 0, createdAt: first.at,
    }).returning();
    for (const [i, m] of c.messages.entries()) {
      const outbound = m.sender === "assistant" || m.sender === "staff";
      await tx.insert(messages).values({
        tenantId, conversationId: conv.id, channelId: m.sender === "system" ? null : channelId,
        direction: m.sender === "customer" ? "inbound" : m.sender === "system" ? "internal" : "outbound", senderKind: m.sender, senderUserId: staffId(m.staffEmail),
        body: fill(m.text), status: outbound ? "not_delivered" : "received", error: outbound ? { title: "not delivered: channel not connected" } : null,
        providerMessageId: m.sender === "customer" ? `wamid.seed.${conv.id}.${i}` : null, createdAt: m.at,
      });
    }
  }
  // Negotiations the assistant handed over alerted the rep (or, without one, the managers): their Today lists the open ones.
  for (const c of ds.conversations) {
    const lead = ds.leads.find((l) => l.key === c.leadKey)!;
    const asked = c.messages.findLast((m) => m.sender === "customer");
    if (c.mode !== "human" || lead.stage !== "negotiation" || !asked) continue;
    const who = ds.contacts.find((p) => p.key === c.contactKey)?.name ?? "shopper";
    await tx.insert(tasks).values({
      tenantId, userId: staffId(c.assignedTo), leadId: leadIds.get(c.leadKey)!, kind: "notify", title: `Hand-over: ${who}`,
      body: `Reason: price negotiation\nShopper: ${fill(asked.text).slice(0, 300)}`, createdAt: asked.at,
    });
  }
  // The plan page counts the assistant's replies per month; the demo's count as if they had been sent.
  const repliesByMonth = new Map<string, { at: Date; n: number }>();
  for (const m of ds.conversations.flatMap((c) => c.messages).filter((m) => m.sender === "assistant")) {
    const key = monthKey(m.at);
    repliesByMonth.set(key, { at: m.at, n: (repliesByMonth.get(key)?.n ?? 0) + 1 });
  }
  for (const { at, n } of repliesByMonth.values()) await addUsage(tx, tenantId, ASSISTANT_REPLIES_METRIC, n, at);
  for (const a of ds.appointments) {
    const leadId = leadIds.get(a.leadKey)!;
    const lead = ds.leads.find((l) => l.key === a.leadKey)!;
    await tx.insert(appointments).values({
      tenantId, leadId, contactId: contactIds.get(lead.contactKey)!, vehicleId: cars.get(a.vehicleExternalId)?.id ?? null,
      branchId: cars.get(a.vehicleExternalId)?.branchId ?? null, assignedUserId: staffId(a.assignedTo),
      kind: a.kind, startsAt: a.startsAt, endsAt: a.endsAt, status: a.status, createdBy: a.createdBy,
    });
  }
}
