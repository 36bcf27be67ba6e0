import { and, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { contacts, leads, tasks } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import type { Viewer } from "./access";
import type { CommandResult } from "./commands";

/**
 * A person's open tasks: their own, and for managers and up also those nobody has (a follow-up's task step on a lead
 * without a rep). Written by the assistant's hot-lead and hand-over alerts (`notify`, with the hand-over summary) and
 * by follow-up task steps (`task`).
 */
function ownedBy(tenantId: string, viewer: Pick<Viewer, "userId" | "role">): SQL {
  const mine = eq(tasks.userId, viewer.userId);
  return and(eq(tasks.tenantId, tenantId), isNull(tasks.doneAt), hasRole(viewer.role, "manager") ? or(mine, isNull(tasks.userId)) : mine)!;
}

export type OpenTask = Awaited<ReturnType<typeof openTasksFor>>["tasks"][number];

/** What waits for the viewer, newest first: the first `limit` with the shopper and their latest conversation, and how many in all. */
export async function openTasksFor(tenantId: string, viewer: Pick<Viewer, "userId" | "role">, limit = 20) {
  return withTenant(tenantId, async (tx) => {
    const [list, [{ total }]] = await Promise.all([
      tx.select({
        id: tasks.id, kind: tasks.kind, title: tasks.title, body: tasks.body, createdAt: tasks.createdAt, dueAt: tasks.dueAt, forNobody: isNull(tasks.userId),
        contactName: contacts.name, contactPhone: contacts.phone,
        conversationId: sql<string | null>`(select c.id from conversations c where c.tenant_id = ${tasks.tenantId} and c.lead_id = ${tasks.leadId}
          order by c.last_message_at desc nulls last limit 1)`,
      })
        .from(tasks)
        .leftJoin(leads, eq(leads.id, tasks.leadId))
        .leftJoin(contacts, eq(contacts.id, leads.contactId))
        .where(ownedBy(tenantId, viewer))
        .orderBy(desc(tasks.createdAt), desc(tasks.id))
        .limit(limit),
      tx.select({ total: sql<number>`count(*)::int` }).from(tasks).where(ownedBy(tenantId, viewer)),
    ]);
    return { tasks: list, total: Number(total) };
  });
}

const taskNotFound: CommandResult = { ok: false, error: "This task is done already or not on your list." };

/** Ticks off one of the viewer's open tasks (see `openTasksFor` for whose). */
export async function completeTask(tenantId: string, viewer: Pick<Viewer, "userId" | "role">, input: { taskId: string }, now = new Date()): Promise<CommandResult> {
  if (!/^[0-9a-f-]{36}$/i.test(input.taskId)) return taskNotFound;
  const done = await withTenant(tenantId, (tx) =>
    tx.update(tasks).set({ doneAt: now, updatedAt: now }).where(and(ownedBy(tenantId, viewer), eq(tasks.id, input.taskId))).returning({ id: tasks.id }));
  return done.length ? { ok: true } : taskNotFound;
}
