import { and, asc, eq, gte, inArray, lt, ne, or, isNull, sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { appointments, branches, contacts, conversations, leads, vehicles } from "@/db/schema";
import { fromZonedWallClock } from "@/lib/scheduling/zoned";
import type { Viewer } from "./access";
import { visibleTo } from "./query";

/** Midnight to midnight in the dealership's time zone (23 or 25 hours on DST days). */
export function todayBounds(now: Date, timeZone: string): { start: Date; end: Date } {
  const start = fromZonedWallClock(now, 0, 0, timeZone);
  return { start, end: fromZonedWallClock(new Date(start.getTime() + 30 * 3600_000), 0, 0, timeZone) };
}

// How far back "waiting for a reply" and "did they come?" look.
const weekMs = 7 * 86_400_000;

/**
 * The morning view: leads created today, shoppers whose last message has no reply yet (last 7 days),
 * today's test drives and visits, and those of the past week nobody has marked done or missed yet — all scoped
 * like the inbox (reps: their own and unassigned).
 */
export async function getTodayNumbers(tenantId: string, viewer: Pick<Viewer, "userId" | "role">, timeZone: string, now = new Date()) {
  const { start, end } = todayBounds(now, timeZone);
  const rep = viewer.role === "sales";
  return withTenant(tenantId, async (tx) => {
    const [fresh] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(leads)
      .where(and(eq(leads.tenantId, tenantId), gte(leads.createdAt, start), lt(leads.createdAt, end), rep ? or(isNull(leads.assignedUserId), eq(leads.assignedUserId, viewer.userId)) : undefined));
    const [waiting] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(conversations)
      .leftJoin(leads, eq(leads.id, conversations.leadId))
      .where(and(
        eq(conversations.tenantId, tenantId), ne(conversations.medium, "playground"), visibleTo(viewer),
        gte(conversations.lastInboundAt, new Date(now.getTime() - weekMs)),
        sql`not exists (select 1 from messages m where m.tenant_id = ${conversations.tenantId} and m.conversation_id = ${conversations.id} and m.direction = 'outbound' and m.created_at >= ${conversations.lastInboundAt})`,
      ));
    // One read for both lists: today's test drives and visits, and those of the past week still "booked" once
    // started (did the shopper come? marking it starts the right follow-up, so it is asked here).
    // (Today began less than a week ago, so the week's start covers it.)
    const from = new Date(now.getTime() - weekMs);
    const appointmentsSeen = await tx
      .select({
        id: appointments.id, kind: appointments.kind, status: appointments.status, startsAt: appointments.startsAt, leadId: appointments.leadId,
        contactName: contacts.name, vehicleCode: vehicles.code, make: vehicles.make, model: vehicles.model, showroom: branches.name,
        conversationId: sql<string | null>`(select c.id from conversations c where c.tenant_id = ${appointments.tenantId} and c.lead_id = ${appointments.leadId}
          order by c.last_message_at desc nulls last limit 1)`,
      })
      .from(appointments)
      .leftJoin(contacts, eq(contacts.id, appointments.contactId))
      .leftJoin(vehicles, eq(vehicles.id, appointments.vehicleId))
      .leftJoin(branches, eq(branches.id, appointments.branchId))
      .where(and(
        eq(appointments.tenantId, tenantId), inArray(appointments.kind, ["test_drive", "visit"]), ne(appointments.status, "cancelled"),
        gte(appointments.startsAt, from), lt(appointments.startsAt, end),
        rep ? or(isNull(appointments.assignedUserId), eq(appointments.assignedUserId, viewer.userId)) : undefined,
      ))
      .orderBy(asc(appointments.startsAt));
    const drives = appointmentsSeen.filter((a) => a.startsAt >= start);
    const undecided = appointmentsSeen.filter((a) => (a.status === "booked" || a.status === "confirmed") && a.startsAt < now);
    // The showroom is worth a word only to a dealer with more than one.
    const [showrooms] = await tx.select({ n: sql<number>`count(*)::int` }).from(branches).where(eq(branches.tenantId, tenantId));
    const several = Number(showrooms?.n ?? 0) > 1;
    return {
      newLeads: Number(fresh?.n ?? 0), unanswered: Number(waiting?.n ?? 0), testDrives: drives.map((d) => ({ ...d, showroom: several ? d.showroom : null })),
      awaitingOutcome: undecided,
    };
  });
}
