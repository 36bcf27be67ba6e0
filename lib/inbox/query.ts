import { and, asc, eq, gt, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, leads, messages, tenants, users, vehicles, type ConversationMode, type LeadSource, type LeadStage } from "@/db/schema";
import { normalizePhone } from "@/lib/channels/phone";
import { decodeCursor, encodeCursor, vehicleCodeFrom, type Viewer } from "./access";

export type InboxFilter = {
  source?: LeadSource;
  stage?: LeadStage;
  assigned?: "me" | "unassigned" | "any";
  mode?: ConversationMode;
  hot?: boolean;
  q?: string;
};

export type InboxRow = {
  id: string;
  medium: string;
  mode: ConversationMode;
  unreadCount: number;
  lastMessageAt: Date;
  lastMessagePreview: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  leadId: string | null;
  source: LeadSource | null;
  stage: LeadStage | null;
  hot: boolean;
  score: number;
  vehicleCode: string | null;
  vehicleName: string | null;
  assignedName: string | null;
};

// "nulls last" as in conversations_tenant_last_idx (the column is never null): with the default "nulls first" the
// planner cannot walk the index and sorts the whole tenant instead.
const newestFirst = sql`${conversations.lastMessageAt} desc nulls last`;

const owner = sql<string | null>`coalesce(${leads.assignedUserId}, ${conversations.assignedUserId})`;

/** Row-level visibility for a viewer, as SQL: reps see their own and unassigned conversations. */
export function visibleTo(viewer: Pick<Viewer, "userId" | "role">): SQL | undefined {
  if (viewer.role !== "sales") return undefined;
  return sql`(${owner} is null or ${owner} = ${viewer.userId})`;
}

// Phone characters only, and enough digits for a whole number in any market we serve (Norway's 8 is the shortest).
const looksLikePhoneNumber = (q: string) => !/[^\d\s+().\-/]/.test(q) && q.replace(/\D/g, "").length >= 8;

/**
 * A search typed as a whole local number ("06-60499775") in the international form contacts are stored in
 * ("31660499775"), as the website form normalises it for the dealer's country; null when it is no such number.
 */
async function dialledNumber(tx: Tx, tenantId: string, q: string | undefined): Promise<string | null> {
  const text = q?.trim();
  if (!text || !looksLikePhoneNumber(text)) return null;
  const [tenant] = await tx.select({ country: tenants.country }).from(tenants).where(eq(tenants.id, tenantId));
  return tenant ? normalizePhone(text, tenant.country) : null;
}

/**
 * Conversations whose shopper's name, e-mail or phone contains the text (inbox_contact_matches, migration 0008, so the
 * contacts trigram indexes serve it), or whose phone is `phone` (the text as a normalised number), or whose lead is
 * about the vehicle with that code.
 */
function searchMatches(tenantId: string, q: string, phone: string | null) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = q.replace(/\D/g, "");
  const code = vehicleCodeFrom(q);
  // A null pattern matches no name or e-mail, so the second lookup only tries the normalised number.
  const byPhone = phone && phone !== digits ? sql` union all select inbox_contact_matches(null, ${phone})` : sql``;
  const byContact = sql`select ${conversations.id} from ${conversations} where ${conversations.tenantId} = ${tenantId}
    and ${conversations.contactId} in (select inbox_contact_matches(${like}, ${digits.length >= 3 ? digits : null})${byPhone})`;
  if (!code) return byContact;
  return sql`${byContact} union all select ${conversations.id} from ${conversations} join ${leads} on ${leads.id} = ${conversations.leadId}
    join ${vehicles} on ${vehicles.id} = ${leads.vehicleId} where ${vehicles.tenantId} = ${tenantId} and ${vehicles.code} = ${code}`;
}

function filterConditions(tenantId: string, viewer: Pick<Viewer, "userId" | "role">, f: InboxFilter, phone: string | null): (SQL | undefined)[] {
  const conds: (SQL | undefined)[] = [visibleTo(viewer)];
  if (f.source) conds.push(eq(leads.source, f.source));
  if (f.stage) conds.push(eq(leads.stage, f.stage));
  if (f.mode) conds.push(eq(conversations.mode, f.mode));
  if (f.hot) conds.push(eq(leads.hot, true));
  if (f.assigned === "me") conds.push(sql`${owner} = ${viewer.userId}`);
  if (f.assigned === "unassigned") conds.push(sql`${owner} is null`);
  const q = f.q?.trim();
  if (q) conds.push(sql`${conversations.id} in (${searchMatches(tenantId, q, phone)})`);
  return conds;
}

/**
 * Newest activity first, keyset-paginated on (last_message_at desc, id) so every page walks
 * conversations_tenant_last_idx instead of counting past an OFFSET.
 */
export async function listInbox(
  tenantId: string,
  opts: { userId: string; role: Viewer["role"]; filter?: InboxFilter; cursor?: string | null; limit?: number },
): Promise<{ rows: InboxRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? 30, 1), 100);
  const cursor = decodeCursor(opts.cursor);
  const rows = await withTenant(tenantId, async (tx) => {
    const phone = await dialledNumber(tx, tenantId, opts.filter?.q);
    const conds = [
      eq(conversations.tenantId, tenantId),
      ne(conversations.medium, "playground"),
      // An erased shopper's conversation is kept only as counts; it has nothing left to read.
      isNull(contacts.erasedAt),
      ...filterConditions(tenantId, opts, opts.filter ?? {}, phone),
    ];
    if (cursor) {
      conds.push(sql`(${conversations.lastMessageAt} < ${cursor.at}::timestamptz or (${conversations.lastMessageAt} = ${cursor.at}::timestamptz and ${conversations.id} > ${cursor.id}))`);
    }
    return tx
      .select({
        id: conversations.id, medium: conversations.medium, mode: conversations.mode, unreadCount: conversations.unreadCount,
        lastMessageAt: conversations.lastMessageAt, lastMessagePreview: conversations.lastMessagePreview,
        // Full microsecond precision for the cursor: a JS Date would truncate and skip rows.
        cursorAt: sql<string>`${conversations.lastMessageAt}::text`,
        contactName: contacts.name, contactPhone: contacts.phone, contactEmail: contacts.email,
        leadId: leads.id, source: leads.source, stage: leads.stage, hot: sql<boolean>`coalesce(${leads.hot}, false)`,
        score: sql<number>`coalesce(${leads.score}, 0)`,
        vehicleCode: vehicles.code, vehicleName: sql<string | null>`nullif(concat_ws(' ', ${vehicles.make}, ${vehicles.model}), '')`,
        assignedName: users.name,
      })
      .from(conversations)
      .innerJoin(contacts, eq(contacts.id, conversations.contactId))
      .leftJoin(leads, eq(leads.id, conversations.leadId))
      .leftJoin(vehicles, eq(vehicles.id, leads.vehicleId))
      .leftJoin(users, sql`${users.id} = ${owner}`)
      .where(and(...conds))
      .orderBy(newestFirst, asc(conversations.id))
      .limit(limit + 1);
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ cursorAt: _c, ...r }) => ({ ...r, hot: Boolean(r.hot), score: Number(r.score) })),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}

/** How many visible conversations have unread messages, for the inbox heading. */
export async function countUnread(tenantId: string, viewer: Pick<Viewer, "userId" | "role">): Promise<number> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(conversations)
      .leftJoin(leads, eq(leads.id, conversations.leadId))
      .where(and(eq(conversations.tenantId, tenantId), gt(conversations.unreadCount, 0), ne(conversations.medium, "playground"), visibleTo(viewer))),
  );
  return Number(row?.n ?? 0);
}

/**
 * Whether anything visible to the viewer happened after `since` (drives the inbox's live refresh):
 * a new message anywhere, or a delivery status change in the conversation that is open.
 */
export async function inboxChangedSince(tenantId: string, viewer: Pick<Viewer, "userId" | "role">, since: Date, openConversationId?: string | null): Promise<boolean> {
  return withTenant(tenantId, async (tx) => {
    const fresh = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .leftJoin(leads, eq(leads.id, conversations.leadId))
      .where(and(eq(conversations.tenantId, tenantId), gt(conversations.lastMessageAt, since), ne(conversations.medium, "playground"), visibleTo(viewer)))
      .limit(1);
    if (fresh.length > 0) return true;
    if (!openConversationId) return false;
    const statuses = await tx
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.tenantId, tenantId), eq(messages.conversationId, openConversationId), gt(messages.statusAt, since)))
      .limit(1);
    return statuses.length > 0;
  });
}

export async function staffNames(tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await withTenant(tenantId, (tx) => tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
