import { and, eq, lt, or, sql } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { webhookInbox } from "@/db/schema";
import { noteIngress } from "@/inngest/local/pressure";

export type InboxRow = typeof webhookInbox.$inferSelect;

/**
 * Persist-before-acknowledge: the verified raw event is stored under a unique key before the
 * webhook answers 2xx. A redelivery finds the existing row and changes nothing.
 */
export async function persistInbox(input: {
  source: string;
  idempotencyKey: string;
  rawBody: string;
  headers?: Record<string, string>;
  scopeTenantId?: string | null;
  channelId?: string | null;
}): Promise<{ id: string; duplicate: boolean }> {
  const db = await getSystemDb();
  const [row] = await db
    .insert(webhookInbox)
    .values({ ...input, headers: input.headers ?? {} })
    .onConflictDoNothing({ target: [webhookInbox.source, webhookInbox.idempotencyKey] })
    .returning({ id: webhookInbox.id });
  noteIngress();
  if (row) return { id: row.id, duplicate: false };
  const [existing] = await db
    .select({ id: webhookInbox.id })
    .from(webhookInbox)
    .where(and(eq(webhookInbox.source, input.source), eq(webhookInbox.idempotencyKey, input.idempotencyKey)))
    .limit(1);
  return { id: existing.id, duplicate: true };
}

export async function getInbox(id: string): Promise<InboxRow | null> {
  const db = await getSystemDb();
  const [row] = await db.select().from(webhookInbox).where(eq(webhookInbox.id, id)).limit(1);
  return row ?? null;
}

export async function markInbox(id: string, status: InboxRow["status"], error?: string) {
  const db = await getSystemDb();
  await db
    .update(webhookInbox)
    .set({ status, error: error ?? null, processedAt: status === "processed" || status === "ignored" ? new Date() : null })
    .where(eq(webhookInbox.id, id));
}

/** Rows acknowledged but never processed (the hand-off failed or the process died). */
export async function staleInbox(olderThan: Date, limit = 100): Promise<InboxRow[]> {
  const db = await getSystemDb();
  return db
    .select()
    .from(webhookInbox)
    .where(and(eq(webhookInbox.status, "received"), lt(webhookInbox.receivedAt, olderThan), lt(webhookInbox.attempts, 20)))
    .orderBy(webhookInbox.receivedAt)
    .limit(limit);
}

export async function countRedispatch(id: string, attempts: number) {
  const db = await getSystemDb();
  await db.update(webhookInbox).set({ attempts: attempts + 1 }).where(eq(webhookInbox.id, id));
}

/**
 * Erasure: blanks the raw bodies of this tenant's webhook events that quote the shopper's phone number (in any
 * layout a form or channel may have sent it: only its last nine digits are compared) or e-mail address (also
 * URL-encoded, as form posts carry it). Rows not yet processed are blanked too and then fail to parse:
 * erasure wins over a message still on its way in.
 */
export async function scrubInbox(tenantId: string, who: { phone?: string | null; email?: string | null }): Promise<number> {
  const digits = (who.phone ?? "").replace(/\D/g, "");
  const email = who.email?.toLowerCase();
  const tests = [
    digits.length >= 9 ? sql`strpos(regexp_replace(${webhookInbox.rawBody}, '[^0-9]', '', 'g'), ${digits.slice(-9)}) > 0` : null,
    email ? sql`strpos(lower(${webhookInbox.rawBody}), ${email}) > 0` : null,
    email ? sql`strpos(lower(${webhookInbox.rawBody}), ${encodeURIComponent(email).toLowerCase()}) > 0` : null,
  ].filter((t) => t !== null);
  if (tests.length === 0) return 0;
  const db = await getSystemDb();
  const rows = await db.update(webhookInbox).set({ rawBody: JSON.stringify({ erased: true }), headers: {} })
    .where(and(eq(webhookInbox.scopeTenantId, tenantId), or(...tests)))
    .returning({ id: webhookInbox.id });
  return rows.length;
}
