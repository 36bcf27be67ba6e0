import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { withTenant } from "@/db/tenant";
import { auditLog, knowledgeEntries, knowledgeLanguages, knowledgeTopics, type Role } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";

export type KnowledgeActor = { tenantId: string; userId: string; role: Role };
export type KnowledgeEntry = typeof knowledgeEntries.$inferSelect;
export type KnowledgeResult = { ok: true; data: { id: string } } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const MAX_KNOWLEDGE_BODY = 1200;

export const knowledgeEntrySchema = z.object({
  language: z.enum(knowledgeLanguages, { message: "Pick the language the entry is written in." }),
  topic: z.enum(knowledgeTopics, { message: "Pick a topic." }),
  title: z.string().trim().min(2, "Give the entry a short title, e.g. “Warranty”.").max(80, "Keep the title under 80 characters."),
  body: z.string().trim().min(10, "Write the answer the assistant should give.").max(MAX_KNOWLEDGE_BODY, `Keep it under ${MAX_KNOWLEDGE_BODY} characters: shoppers read it on WhatsApp.`),
});
export type KnowledgeEntryInput = z.infer<typeof knowledgeEntrySchema>;

const denied = { ok: false as const, error: "Only managers and owners can edit what the assistant knows." };

async function audit(actor: KnowledgeActor, action: string, targetId: string, data: Record<string, unknown>) {
  await withTenant(actor.tenantId, (tx) => tx.insert(auditLog).values({ tenantId: actor.tenantId, actorUserId: actor.userId, action, targetType: "knowledge_entry", targetId, data }));
}

export async function listKnowledgeEntries(tenantId: string): Promise<KnowledgeEntry[]> {
  return withTenant(tenantId, (tx) =>
    tx.select().from(knowledgeEntries).where(eq(knowledgeEntries.tenantId, tenantId)).orderBy(asc(knowledgeEntries.language), asc(knowledgeEntries.topic), asc(knowledgeEntries.title)),
  );
}

export async function createKnowledgeEntry(actor: KnowledgeActor, input: KnowledgeEntryInput): Promise<KnowledgeResult> {
  if (!hasRole(actor.role, "manager")) return denied;
  const [row] = await withTenant(actor.tenantId, (tx) =>
    tx.insert(knowledgeEntries).values({ tenantId: actor.tenantId, ...input, createdBy: actor.userId }).returning({ id: knowledgeEntries.id }),
  );
  await audit(actor, "knowledge_entry.created", row.id, { title: input.title, language: input.language, topic: input.topic });
  return { ok: true, data: { id: row.id } };
}

export async function updateKnowledgeEntry(actor: KnowledgeActor, id: string, input: KnowledgeEntryInput): Promise<KnowledgeResult> {
  if (!hasRole(actor.role, "manager")) return denied;
  if (!z.string().uuid().safeParse(id).success) return { ok: false, error: "That entry no longer exists." };
  const [row] = await withTenant(actor.tenantId, (tx) =>
    tx.update(knowledgeEntries).set({ ...input, updatedAt: new Date() })
      .where(and(eq(knowledgeEntries.tenantId, actor.tenantId), eq(knowledgeEntries.id, id))).returning({ id: knowledgeEntries.id }),
  );
  if (!row) return { ok: false, error: "That entry no longer exists." };
  await audit(actor, "knowledge_entry.updated", row.id, { title: input.title, language: input.language, topic: input.topic });
  return { ok: true, data: { id: row.id } };
}

export async function deleteKnowledgeEntry(actor: KnowledgeActor, id: string): Promise<boolean> {
  if (!hasRole(actor.role, "manager") || !z.string().uuid().safeParse(id).success) return false;
  const [row] = await withTenant(actor.tenantId, (tx) =>
    tx.delete(knowledgeEntries).where(and(eq(knowledgeEntries.tenantId, actor.tenantId), eq(knowledgeEntries.id, id)))
      .returning({ id: knowledgeEntries.id, title: knowledgeEntries.title }),
  );
  if (row) await audit(actor, "knowledge_entry.deleted", row.id, { title: row.title });
  return Boolean(row);
}
