import { createHash } from "node:crypto";
import { withTenant } from "@/db/tenant";
import type { Tx } from "@/db/client";
import { appointments, conversations, leadActivities, leads, mediaObjects, messages, vehicleEvents, type VehicleImage } from "@/db/schema";
import { upsertContact } from "@/lib/leads/contacts";
import { createVehicle } from "@/lib/inventory/vehicles";
import { provisionTenant } from "@/lib/tenancy/provision";
import { fromZonedWallClock } from "@/lib/scheduling/zoned";
import { buildLeads, buildVehicles, type DemoVehicle } from "./catalog/build";
import { renderCarSvg } from "./catalog/images";
import type { MarketSpec } from "./catalog/types";

const DEMO_PASSWORD = "forecourt-demo";
const daysAgo = (now: Date, d: number, minutes = 0) => new Date(now.getTime() - d * 86_400_000 + minutes * 60_000);

export async function seedMarket(spec: MarketSpec, now: Date) {
  const emailDomain = `${spec.slug}.test`;
  const [owner, manager, rep1, rep2] = spec.staffNames;
  const p = await provisionTenant({
    tenant: {
      slug: spec.slug, ...spec.tenant,
      settings: {
        financing: spec.tenant.financing,
        assistant: { tone: "friendly", notifySoldInterest: true, notifyPriceDrop: true },
        quietHours: { start: "21:00", end: "08:00" },
        languages: [spec.tenant.locale.slice(0, 2)],
      },
    },
    feedSecret: `dev-feed-${spec.slug}`,
    inboundEmailToken: `dev-mail-${spec.slug}`,
    staff: [
      { email: `owner@${emailDomain}`, name: owner, role: "owner", password: DEMO_PASSWORD, whatsapp: spec.ownerWhatsApp },
      { email: `manager@${emailDomain}`, name: manager, role: "manager", password: DEMO_PASSWORD },
      { email: `sales1@${emailDomain}`, name: rep1, role: "sales", password: DEMO_PASSWORD, onDuty: true },
      { email: `sales2@${emailDomain}`, name: rep2, role: "sales", password: DEMO_PASSWORD, onDuty: true },
    ],
    channels: [
      { provider: "whatsapp_cloud", name: "WhatsApp", externalId: spec.phoneNumberId, displayPhone: spec.tenant.phone },
      ...(spec.fonnteDevice ? [{ provider: "fonnte" as const, name: "Fonnte", externalId: spec.fonnteDevice, displayPhone: `+${spec.fonnteDevice}`, webhookSecret: `dev-fonnte-${spec.slug}` }] : []),
    ],
  });
  const tenantId = p.tenant.id;
  const staffIds = Object.values(p.staff).map((s) => s.id);
  const whatsappChannelId = p.channels[`whatsapp_cloud:${spec.phoneNumberId}`].id;
  const demoVehicles = buildVehicles(spec, now);

  await withTenant(tenantId, async (tx) => {
    const images = await storeImages(tx, tenantId, demoVehicles);
    const saved = [];
    for (const v of demoVehicles) {
      const createdAt = daysAgo(now, v.createdDaysAgo);
      const vehicle = await createVehicle(tx, tenantId, {
        branchId: p.branchId, plate: v.plate, stockCode: v.stockCode, externalId: v.externalId, source: "seed",
        make: v.make, model: v.model, variant: v.variant, year: v.year, mileageKm: v.mileageKm,
        price: v.previousPrice?.price ?? v.price, costPrice: v.costPrice, currency: spec.tenant.currency, fuel: v.fuel,
        transmission: v.transmission, body: v.body, color: v.color, doors: v.doors, seats: v.seats, powerHp: v.powerHp,
        description: v.description, features: v.features, images: images(v), status: v.status === "sold" ? "available" : v.status,
      }, { source: "seed", createdAt });
      saved.push(await applyHistory(tx, tenantId, vehicle, v, now));
    }
    await seedLeads(tx, spec, tenantId, saved, staffIds, whatsappChannelId, now);
  });
  return p;
}

async function storeImages(tx: Tx, tenantId: string, vehicles: DemoVehicle[]) {
  const ids = new Map<string, string>();
  for (const v of vehicles) {
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

/** Replays the history a real lot would have: an earlier higher price, a sale. */
async function applyHistory(tx: Tx, tenantId: string, vehicle: Awaited<ReturnType<typeof createVehicle>>, v: DemoVehicle, now: Date) {
  const { eq } = await import("drizzle-orm");
  const { vehicles } = await import("@/db/schema");
  if (v.previousPrice) {
    await tx.update(vehicles).set({ price: v.price }).where(eq(vehicles.id, vehicle.id));
    await tx.insert(vehicleEvents).values({ tenantId, vehicleId: vehicle.id, type: "price_changed", source: "seed", old: { price: v.previousPrice.price }, new: { price: v.price }, createdAt: daysAgo(now, v.previousPrice.daysAgo) });
  }
  if (v.status === "sold") {
    const soldAt = daysAgo(now, Math.max(1, Math.floor(v.createdDaysAgo / 3)));
    await tx.update(vehicles).set({ status: "sold", soldAt }).where(eq(vehicles.id, vehicle.id));
    await tx.insert(vehicleEvents).values({ tenantId, vehicleId: vehicle.id, type: "status_changed", source: "seed", old: { status: "available" }, new: { status: "sold" }, createdAt: soldAt });
  }
  return { ...vehicle, price: v.price };
}

async function seedLeads(tx: Tx, spec: MarketSpec, tenantId: string, saved: { id: string; code: string; price: number; externalId: string | null }[], staffIds: string[], channelId: string, now: Date) {
  const fmt = new Intl.NumberFormat(spec.tenant.locale, { style: "currency", currency: spec.tenant.currency, maximumFractionDigits: 0 });
  const byExternal = new Map(saved.map((v) => [v.externalId, v]));
  for (const l of buildLeads(spec, buildVehicles(spec, now))) {
    const vehicle = saved[l.vehicleIndex];
    const created = daysAgo(now, l.createdDaysAgo, -l.messages.length * 3);
    const contact = await upsertContact(tx, tenantId, { phone: l.phone, email: l.email, name: l.name, language: spec.tenant.locale.slice(0, 2) });
    const assigned = l.assignedStaff === null ? null : staffIds[l.assignedStaff];
    const lastAt = daysAgo(now, l.createdDaysAgo, (l.messages.at(-1)?.minutesAfter ?? 0) - l.messages.length * 3);
    const [lead] = await tx.insert(leads).values({
      tenantId, contactId: contact.id, source: l.source, stage: l.stage, score: l.score, hot: l.score >= 70,
      assignedUserId: assigned, vehicleId: vehicle.id, budgetMax: Math.round(vehicle.price * 1.1),
      lostReason: l.lostReason, wonAmount: l.stage === "won" ? vehicle.price : null,
      firstResponseAt: l.messages.length > 1 ? new Date(created.getTime() + 60_000) : null,
      firstResponseBy: l.messages.length > 1 ? "assistant" : null,
      contactedAt: l.stage === "new" ? null : created, wonAt: l.stage === "won" ? lastAt : null, lostAt: l.stage === "lost" ? lastAt : null,
      lastActivityAt: lastAt, createdAt: created,
    }).returning();
    await tx.insert(leadActivities).values({ tenantId, leadId: lead.id, type: "created", data: { source: l.source }, createdAt: created });
    if (l.stage !== "new") await tx.insert(leadActivities).values({ tenantId, leadId: lead.id, type: "stage_changed", data: { from: "new", to: l.stage }, createdAt: lastAt });

    const medium = l.source === "whatsapp" ? "whatsapp" : l.source === "email" ? "email" : l.source === "website" ? "website" : null;
    if (medium) {
      const fill = (text: string) => text.replace(/\{code:([^}]+)\}/g, (_, ext) => byExternal.get(ext)?.code ?? "").replace(/\{price:([^}]+)\}/g, (_, ext) => fmt.format(byExternal.get(ext)?.price ?? 0));
      const [conversation] = await tx.insert(conversations).values({
        tenantId, contactId: contact.id, leadId: lead.id, channelId: medium === "whatsapp" ? channelId : null, medium, mode: l.mode,
        assignedUserId: assigned, lastInboundAt: created, lastMessageAt: lastAt,
        lastMessagePreview: fill(l.messages.at(-1)!.text).slice(0, 140), unreadCount: l.stage === "new" ? 1 : 0, createdAt: created,
      }).returning();
      for (const [i, m] of l.messages.entries()) {
        await tx.insert(messages).values({
          tenantId, conversationId: conversation.id, channelId: medium === "whatsapp" ? channelId : null,
          direction: m.kind === "customer" ? "inbound" : "outbound", senderKind: m.kind, senderUserId: m.kind === "staff" ? assigned : null,
          body: fill(m.text), status: m.kind === "customer" ? "received" : "not_delivered",
          providerMessageId: m.kind === "customer" && medium === "whatsapp" ? `wamid.seed.${lead.id}.${i}` : null,
          error: m.kind === "customer" ? null : { title: "not delivered: channel not connected" },
          createdAt: new Date(created.getTime() + m.minutesAfter * 60_000),
        });
      }
    }
    if (l.appointment) {
      const local = new Date(now.getTime() + l.appointment.inDays * 86_400_000);
      const startsAt = fromZonedWallClock(local, l.appointment.hour, l.appointment.minute, spec.tenant.timeZone);
      await tx.insert(appointments).values({
        tenantId, leadId: lead.id, contactId: contact.id, vehicleId: vehicle.id, assignedUserId: assigned, kind: "test_drive",
        startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), status: l.appointment.status, createdBy: "assistant",
      });
    }
  }
}
