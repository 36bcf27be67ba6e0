import { and, eq, lt, or, sql } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { webhookInbox } from "@/db/schema";
import { noteIngress } from "@/inngest/local/pressure";
import { batchPerTurn } from "@/lib/util/batch-per-turn";

export type InboxRow = typeof webhookInbox.$inferSelect;

type InboxInput = {
  source: string;
  idempotencyKey: string;
  rawBody: string;
  headers?: Record<string, string>;
  scopeTenantId?: string | null;
  channelId?: string | null;
};
type Persisted = { id: string; duplicate: boolean };

const fulfilled = <T>(value: T): PromiseSettledResult<T> => ({ status: "fulfilled", value });

/**
 * Webhooks that reach this point in the same turn of the event loop are written by one statement (group commit):
 * each still answers only once its own row is stored. If that statement fails, each row is tried on its own, so
 * one bad event never costs the others their acknowledgement. Statements stay short: at most 50 rows each.
 */
const persistInTurn = batchPerTurn<InboxInput, Persisted>(async (inputs) => {
  try {
    return (await insertInbox(inputs)).map(fulfilled);
  } catch (err) {
    if (inputs.length === 1) throw err;
    return Promise.allSettled(inputs.map(async (i) => (await insertInbox([i]))[0]));
  }
}, 50);

/**
 * Persist-before-acknowledge: the verified raw event is stored under a unique key before the
 * webhook answers 2xx. A redelivery finds the existing row and changes nothing.
 */
export function persistInbox(input: InboxInput): Promise<Persisted> {
  return persistInTurn(input);
}

const keyOf = (i: { source: string; idempotencyKey: string }) => `${i.source}\u0000${i.idempotencyKey}`;

/** Stores the rows (once per key) and tells each input its row id and whether the row was there already. */
async function insertInbox(inputs: InboxInput[]): Promise<Persisted[]> {
  const db = await getSystemDb();
  const unique = [...new Map(inputs.map((i) => [keyOf(i), i])).values()];
  const inserted = await db
    .insert(webhookInbox)
    .values(unique.map((i) => ({ ...i, headers: i.headers ?? {} })))
    .onConflictDoNothing({ target: [webhookInbox.source, webhookInbox.idempotencyKey] })
    .returning({ id: webhookInbox.id, source: webhookInbox.source, idempotencyKey: webhookInbox.idempotencyKey });
  noteIngress(inputs.length);
  const ids = new Map(inserted.map((r) => [keyOf(r), r.id]));
  const missing = unique.filter((i) => !ids.has(keyOf(i)));
  const stored = new Map<string, string>();
  if (missing.length) {
    const existing = await db
      .select({ id: webhookInbox.id, source: webhookInbox.source, idempotencyKey: webhookInbox.idempotencyKey })
      .from(webhookInbox)
      .where(or(...missing.map((i) => and(eq(webhookInbox.source, i.source), eq(webhookInbox.idempotencyKey, i.idempotencyKey)))));
    for (const r of existing) stored.set(keyOf(r), r.id);
  }
  // A row stored before this batch makes every webhook with its key a duplicate; a key twice in one batch, the second.
  const seen = new Set<string>();
  return inputs.map((i) => {
    const k = keyOf(i);
    const duplicate = !ids.has(k) || seen.has(k);
    seen.add(k);
    return { id: (ids.get(k) ?? stored.get(k))!, duplicate };
  });
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
    .set({ status, error: error?.replaceAll("\u0000", "\\0") ?? null, processedAt: status === "processed" || status === "ignored" ? new Date() : null })
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
