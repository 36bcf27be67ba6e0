import { and, eq, getTableColumns, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { contacts } from "@/db/schema";

export type Contact = typeof contacts.$inferSelect;
/** `activityAt`: when the person was last heard from (default now; a message's own time for a message). */
export type ContactInput = { phone?: string | null; email?: string | null; name?: string | null; language?: string | null; consentMarketing?: boolean; activityAt?: Date };

/**
 * One contact per person per tenant across channels: matched by E.164 phone or lower-cased e-mail
 * (callers normalise first); known fields are filled in, never blanked.
 */
export async function upsertContact(tx: Tx, tenantId: string, input: ContactInput): Promise<Contact> {
  const phone = input.phone || null;
  const email = input.email?.trim().toLowerCase() || null;
  if (!phone && !email) throw new Error("a contact needs a phone number or an e-mail address");
  const match = [phone ? eq(contacts.phone, phone) : undefined, email ? eq(contacts.email, email) : undefined].filter(Boolean);
  const now = new Date();
  const create = async () => {
    const [created] = await tx
      .insert(contacts)
      .values({
        tenantId, phone, email, name: input.name ?? null, language: input.language ?? null,
        consentMarketing: input.consentMarketing ?? false, consentAt: input.consentMarketing ? now : null, lastActivityAt: input.activityAt ?? now,
      })
      .onConflictDoNothing()
      .returning();
    if (created) return created;
    // Lost a race with a concurrent insert of the same person: read theirs.
    const [raced] = await tx.select().from(contacts).where(and(eq(contacts.tenantId, tenantId), or(...match))).limit(1);
    return raced;
  };
  if (phone && !email && !input.language && !input.consentMarketing) {
    return (await touchPhoneContact(tx, tenantId, { phone, name: input.name ?? null, activityAt: input.activityAt ?? now })).contact;
  }
  const [existing] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), or(...match)))
    .orderBy(sql`${contacts.phone} = ${phone ?? ""} desc`)
    .limit(1);
  if (existing) {
    const patch: Partial<Contact> = { lastActivityAt: input.activityAt ?? now, updatedAt: now };
    if (!existing.phone && phone) patch.phone = phone;
    if (!existing.email && email) patch.email = email;
    if (input.name && (!existing.name || existing.name === existing.phone)) patch.name = input.name;
    if (input.language && !existing.language) patch.language = input.language;
    if (input.consentMarketing && !existing.consentMarketing) Object.assign(patch, { consentMarketing: true, consentAt: now });
    // Only a new phone or e-mail can clash with another contact's.
    if (!patch.phone && !patch.email) return (await tx.update(contacts).set(patch).where(eq(contacts.id, existing.id)).returning())[0];
    try {
      // A savepoint, so a unique clash does not abort the caller's transaction.
      return await tx.transaction(async (sp) => (await sp.update(contacts).set(patch).where(eq(contacts.id, existing.id)).returning())[0]);
    } catch {
      // The phone or e-mail already belongs to another contact: keep the match as it is.
      return existing;
    }
  }
  return create();
}

/**
 * A message from a number: the contact is created or touched by one statement (the name fills a blank or a bare
 * number). `created` says which, so the caller knows the person has no lead or conversation yet.
 */
export async function touchPhoneContact(tx: Tx, tenantId: string, input: { phone: string; name: string | null; activityAt: Date }): Promise<{ contact: Contact; created: boolean }> {
  const now = new Date();
  const [row] = await tx
    .insert(contacts)
    .values({ tenantId, phone: input.phone, name: input.name, lastActivityAt: input.activityAt })
    .onConflictDoUpdate({
      target: [contacts.tenantId, contacts.phone],
      set: {
        lastActivityAt: input.activityAt, updatedAt: now,
        ...(input.name ? { name: sql`case when ${contacts.name} is null or ${contacts.name} = ${contacts.phone} then ${input.name} else ${contacts.name} end` } : {}),
      },
    })
    // xmax is 0 on a row version this statement inserted, and the locking transaction's id on one it updated.
    .returning({ ...getTableColumns(contacts), created: sql<boolean>`(xmax = 0)`.mapWith(Boolean) });
  const { created, ...contact } = row;
  return { contact, created };
}
