import { addDaysIso } from "@/lib/assistant/dates";
import { atLocal, zonedParts } from "@/lib/scheduling/zoned";
import { scriptConversation } from "./conversations";
import { emailLocalPart, formatKm, formatPrice, formatSlot } from "./format";
import type { CarMention, MarketSpec } from "./market";
import { leadPlan, type LeadPlanRow } from "./plan";
import { createRandom, type Random } from "./random";
import { localDateDaysAgo, minutesAfter, pastTestDriveSlot, shopperMomentDaysAgo, TEST_DRIVE_MINUTES, testDriveSlot } from "./schedule";
import type { LeadStage } from "@/db/schema";
import type { DemoAppointment, DemoContact, DemoConversation, DemoLead, DemoStaff, DemoVehicle } from "./types";

export type DemoFunnel = { contacts: DemoContact[]; leads: DemoLead[]; conversations: DemoConversation[]; appointments: DemoAppointment[] };

const emailDomains = ["example.com", "example.net", "example.org"];

function vehiclePicker(r: Random, vehicles: DemoVehicle[]) {
  const sold = vehicles.filter((v) => v.status === "sold");
  const reserved = vehicles.filter((v) => v.status === "reserved");
  const available = vehicles.filter((v) => v.status === "available");
  const taken = new Set<string>();
  return (row: LeadPlanRow): DemoVehicle => {
    // won leads bought the sold cars and negotiations hold the reserved ones, in lot order
    const queue = row.stage === "won" ? sold : row.stage === "negotiation" ? reserved : null;
    const listedBefore = (queue ?? available).filter((v) => v.createdDaysAgo > row.daysAgo);
    const untaken = listedBefore.filter((v) => !taken.has(v.externalId));
    const vehicle = queue ? untaken[0] : r.pick(untaken.length ? untaken : listedBefore);
    taken.add(vehicle.externalId);
    return vehicle;
  };
}

function alternativesFor(vehicle: DemoVehicle, budgetMax: number, vehicles: DemoVehicle[], row: LeadPlanRow): DemoVehicle[] {
  const others = vehicles.filter((v) => v.status === "available" && v !== vehicle && v.createdDaysAgo > row.daysAgo);
  const affordable = others.filter((v) => v.price <= budgetMax);
  const closeness = (v: DemoVehicle) => (v.body === vehicle.body ? 0 : 1) * budgetMax + (budgetMax - v.price);
  const pool = affordable.length ? affordable : others;
  return [...pool].sort((a, b) => closeness(a) - closeness(b) || a.price - b.price).slice(0, 2);
}

const openStages = ["new", "contacted", "qualified", "test_drive", "negotiation"] as const;

/**
 * The stage changes that led a lead to its stage, one stage at a time from "new": the first when it was contacted, the
 * last at `end` (when the deal closed, else its last activity), the ones between spread evenly. A won lead went through
 * negotiation, a lost one through the stages it reached (the analytics funnel counts it at the furthest).
 */
function stageChanges(row: LeadPlanRow, contactedAt: Date, end: Date): DemoLead["stageChanges"] {
  const closed = row.stage === "won" || row.stage === "lost";
  const furthest = row.stage === "won" ? "negotiation" : row.stage === "lost" ? (row.reached ?? "contacted") : row.stage;
  const path: LeadStage[] = [...openStages.slice(0, openStages.indexOf(furthest as (typeof openStages)[number]) + 1), ...(closed ? [row.stage] : [])];
  const steps = path.length - 1;
  const span = end.getTime() - contactedAt.getTime();
  return path.slice(1).map((to, i) => ({ from: path[i], to, at: new Date(contactedAt.getTime() + (steps > 1 ? Math.round((span * i) / (steps - 1)) : 0)) }));
}

function uniqueValue(make: () => string, used: Set<string>): string {
  let value = make();
  while (used.has(value)) value = make();
  used.add(value);
  return value;
}

export function buildFunnel(spec: MarketSpec, vehicles: DemoVehicle[], now: Date): DemoFunnel {
  const r = createRandom(`${spec.tenant.slug}:leads`);
  const { tenant, chat, pricing } = spec;
  const reps: DemoStaff[] = [spec.staff[2], spec.staff[3]];
  const pickVehicle = vehiclePicker(r, vehicles);
  const phones = new Set(spec.staff.map((s) => s.whatsapp));
  const emails = new Set<string>();
  const funnel: DemoFunnel = { contacts: [], leads: [], conversations: [], appointments: [] };
  const mention = (v: DemoVehicle): CarMention => ({
    code: `{code:${v.externalId}}`, title: `${v.make} ${v.model} ${v.variant}`, year: v.year,
    price: formatPrice(v.price, v.currency), km: formatKm(v.mileageKm, v.currency),
  });
  const slotText = (at: Date) => formatSlot(at, tenant, chat.slotJoiner);
  const businessMoment = (daysAgo: number) =>
    atLocal(localDateDaysAgo(now, daysAgo, tenant.timeZone), `${r.int(10, 16)}:${r.pick(["05", "20", "35", "50"])}`, tenant.timeZone);

  leadPlan.forEach((row, i) => {
    const key = `lead-${String(i + 1).padStart(2, "0")}`;
    const name = spec.customers[i];
    const contact: DemoContact = {
      key: `contact-${String(i + 1).padStart(2, "0")}`,
      name,
      phone: uniqueValue(() => spec.mobileNumber(r), phones),
      email: row.email ? uniqueValue(() => `${emailLocalPart(name)}${r.chance(0.3) ? r.int(70, 99) : ""}@${r.pick(emailDomains)}`, emails) : null,
      language: tenant.language,
      consentMarketing: row.source === "website" || r.chance(0.3),
    };
    const vehicle = pickVehicle(row);
    const rep = row.rep === null ? null : reps[row.rep];
    const createdAt = shopperMomentDaysAgo(r, now, row.daysAgo, tenant);
    const closedAt = row.closedDaysAgo === undefined ? null : businessMoment(row.closedDaysAgo);
    const budgetMax = row.stage === "new" ? null : pricing.roundBudget(vehicle.price * r.between(1.02, 1.15));
    const offered = pricing.round(vehicle.price * 0.98);

    let appointment: DemoAppointment | null = null;
    let slots: [string, string] | null = null;
    if (row.appointment) {
      const firstDay = row.appointment === "booked" ? localDateDaysAgo(now, -(1 + (i % 4)), tenant.timeZone) : localDateDaysAgo(now, row.daysAgo - 2, tenant.timeZone);
      // Awaiting its outcome: over by now, and hours after the chat that booked it (without such a slot, the usual one).
      const startsAt = (row.appointment === "awaiting" ? pastTestDriveSlot(r, tenant, now, minutesAfter(createdAt, 120)) : null) ?? testDriveSlot(r, tenant, firstDay);
      const alternative = testDriveSlot(r, tenant, addDaysIso(zonedParts(startsAt, tenant.timeZone).date, 1));
      slots = [slotText(startsAt), slotText(alternative)];
      appointment = {
        leadKey: key, vehicleExternalId: vehicle.externalId, assignedTo: rep?.email ?? null, kind: "test_drive",
        startsAt, endsAt: minutesAfter(startsAt, TEST_DRIVE_MINUTES),
        status: row.appointment === "awaiting" ? "booked" : row.appointment, createdBy: row.source === "whatsapp" ? "assistant" : "staff",
      };
      funnel.appointments.push(appointment);
    }

    let conversation: DemoConversation | null = null;
    if (row.source === "whatsapp") {
      const messages = scriptConversation({
        chat, r, stage: row.stage, start: createdAt, car: mention(vehicle),
        alternatives: budgetMax ? alternativesFor(vehicle, budgetMax, vehicles, row).map(mention) : [],
        budget: formatPrice(budgetMax ?? vehicle.price, vehicle.currency), rep: rep ?? spec.staff[1],
        customerFirstName: name.split(" ")[0], offerPrice: formatPrice(offered, vehicle.currency), closedAt, slots,
      });
      conversation = {
        leadKey: key, contactKey: contact.key, medium: "whatsapp",
        mode: row.stage === "negotiation" || row.stage === "won" ? "human" : "bot", assignedTo: rep?.email ?? null, messages,
      };
      funnel.conversations.push(conversation);
    }

    const contactedAt = row.stage === "new" ? null : minutesAfter(createdAt, row.source === "whatsapp" ? 1 : r.int(12, 150));
    const pastMoments = [createdAt, contactedAt, closedAt, conversation?.messages.at(-1)?.at, appointment && appointment.endsAt < now ? appointment.endsAt : null]
      .filter((at): at is Date => at instanceof Date && at <= now);
    const contacted = contactedAt && contactedAt > now ? now : contactedAt;
    // The last stage change: when the deal closed, else its last activity or, for a lead moved on without more words
    // from the shopper, halfway between its first contact and now.
    const movedOn = contacted && !closedAt && row.stage !== "contacted" ? new Date((contacted.getTime() + now.getTime()) / 2) : null;
    const lastActivityAt = new Date(Math.max(...[...pastMoments, ...(movedOn ? [movedOn] : [])].map((at) => at.getTime())));
    funnel.contacts.push(contact);
    funnel.leads.push({
      key, contactKey: contact.key, source: row.source, stage: row.stage, score: row.score, hot: row.score >= 70,
      assignedTo: rep?.email ?? null, vehicleExternalId: vehicle.externalId,
      budgetMin: budgetMax && r.chance(0.5) ? pricing.roundBudget(budgetMax * 0.75) : null, budgetMax,
      preferences: row.stage === "new" ? {} : {
        makes: [vehicle.make], body: vehicle.body, fuel: vehicle.fuel, transmission: vehicle.transmission,
        ...(r.chance(0.4) ? { maxKm: Math.ceil((vehicle.mileageKm * 1.5) / 10_000) * 10_000 } : {}),
        financing: row.source === "facebook" || r.chance(0.3),
      },
      message: row.source === "whatsapp" ? null : spec.inquiry[row.source](`${vehicle.make} ${vehicle.model} (${vehicle.year})`),
      lostReason: row.stage === "lost" ? r.pick(spec.lostReasons) : null,
      wonAmount: row.stage === "won" ? offered : null,
      createdAt,
      contactedAt: contacted,
      wonAt: row.stage === "won" ? closedAt : null,
      lostAt: row.stage === "lost" ? closedAt : null,
      lastActivityAt,
      stageChanges: contacted ? stageChanges(row, contacted, closedAt ?? lastActivityAt) : [],
    });
  });
  return funnel;
}
