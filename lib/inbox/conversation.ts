import { and, asc, desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { appointments, branches, channels, contacts, conversations, leads, memberships, messages, messageTemplates, users, vehicles } from "@/db/schema";
import { isInsideCustomerServiceWindow } from "@/lib/channels/whatsapp-cloud";
import { canSee, ownerOf, type Viewer } from "./access";

const timelineLimit = 500;

/** The conversation with its lead, or null when it is another tenant's or (for a rep) another rep's. */
export async function loadVisibleConversation(tx: Tx, tenantId: string, conversationId: string, viewer: Pick<Viewer, "userId" | "role">) {
  if (!/^[0-9a-f-]{36}$/i.test(conversationId)) return null;
  const [row] = await tx
    .select({ conversation: conversations, lead: leads })
    .from(conversations)
    .leftJoin(leads, eq(leads.id, conversations.leadId))
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
    .limit(1);
  if (!row || !canSee(viewer, ownerOf(row.lead?.assignedUserId, row.conversation.assignedUserId))) return null;
  return row;
}

export async function getConversation(tenantId: string, conversationId: string, viewer: Pick<Viewer, "userId" | "role">) {
  return withTenant(tenantId, async (tx) => {
    const found = await loadVisibleConversation(tx, tenantId, conversationId, viewer);
    if (!found) return null;
    const { conversation, lead } = found;
    const [contact] = await tx.select().from(contacts).where(eq(contacts.id, conversation.contactId)).limit(1);
    const recent = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.tenantId, tenantId), eq(messages.conversationId, conversation.id)))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(timelineLimit);
    const timeline = recent.reverse();
    const [vehicle] = lead?.vehicleId
      ? await tx
          .select({ id: vehicles.id, code: vehicles.code, make: vehicles.make, model: vehicles.model, variant: vehicles.variant, year: vehicles.year, price: vehicles.price, status: vehicles.status, images: vehicles.images })
          .from(vehicles)
          .where(eq(vehicles.id, lead.vehicleId))
          .limit(1)
      : [];
    const bookings = lead
      ? await tx.select({ ...getTableColumns(appointments), showroom: branches.name, car: { code: vehicles.code, make: vehicles.make, model: vehicles.model, year: vehicles.year } })
        .from(appointments).leftJoin(branches, eq(branches.id, appointments.branchId)).leftJoin(vehicles, and(eq(vehicles.tenantId, tenantId), eq(vehicles.id, appointments.vehicleId)))
        .where(and(eq(appointments.tenantId, tenantId), eq(appointments.leadId, lead.id))).orderBy(asc(appointments.startsAt))
      : [];
    // The showroom is worth a word only to a dealer with more than one.
    const [showrooms] = bookings.length ? await tx.select({ n: sql<number>`count(*)::int` }).from(branches).where(eq(branches.tenantId, tenantId)) : [];
    const several = Number(showrooms?.n ?? 0) > 1;
    const senderIds = [...new Set([...timeline.map((m) => m.senderUserId), ownerOf(lead?.assignedUserId, conversation.assignedUserId)].filter((x): x is string => Boolean(x)))];
    const names = new Map((senderIds.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, senderIds)) : []).map((u) => [u.id, u.name]));
    const [channel] = conversation.channelId
      ? await tx.select({ provider: channels.provider, status: channels.status, name: channels.name }).from(channels).where(eq(channels.id, conversation.channelId)).limit(1)
      : [];
    const assignedUserId = ownerOf(lead?.assignedUserId, conversation.assignedUserId);
    return {
      conversation,
      contact,
      lead,
      vehicle: vehicle ?? null,
      appointments: bookings.map((b) => ({ ...b, showroom: several ? b.showroom : null })),
      channel: channel ?? null,
      timeline: timeline.map((m) => ({ ...m, senderName: m.senderUserId ? (names.get(m.senderUserId) ?? null) : null })),
      assigned: assignedUserId ? { id: assignedUserId, name: names.get(assignedUserId) ?? "Unknown" } : null,
      // Only WhatsApp enforces the 24-hour rule; other media accept free text.
      windowOpen: conversation.medium !== "whatsapp" || isInsideCustomerServiceWindow(conversation.lastInboundAt),
      // When this was read: what is "past" on the page (an appointment that has started) is judged against it.
      renderedAt: new Date(),
    };
  });
}

export type ConversationDetail = NonNullable<Awaited<ReturnType<typeof getConversation>>>;
export type TimelineMessage = ConversationDetail["timeline"][number];

/** Opening a conversation reads it. */
export async function markConversationRead(tenantId: string, conversationId: string, viewer: Pick<Viewer, "userId" | "role">): Promise<boolean> {
  return withTenant(tenantId, async (tx) => {
    const found = await loadVisibleConversation(tx, tenantId, conversationId, viewer);
    if (!found) return false;
    if (found.conversation.unreadCount > 0) await tx.update(conversations).set({ unreadCount: 0 }).where(eq(conversations.id, conversationId));
    return true;
  });
}

export async function listApprovedTemplates(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx
      .select({ id: messageTemplates.id, name: messageTemplates.name, language: messageTemplates.language, body: messageTemplates.body, variables: messageTemplates.variables })
      .from(messageTemplates)
      .where(and(eq(messageTemplates.tenantId, tenantId), eq(messageTemplates.status, "approved")))
      .orderBy(asc(messageTemplates.name), asc(messageTemplates.language)),
  );
}

/** Active staff of the dealership, for the assign picker. */
export async function listTeam(tenantId: string) {
  return withTenant(tenantId, (tx) =>
    tx
      .select({ id: users.id, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.active, true)))
      .orderBy(asc(users.name)),
  );
}
