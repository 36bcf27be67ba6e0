"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { createKnowledgeEntry, deleteKnowledgeEntry, knowledgeEntrySchema, updateKnowledgeEntry, type KnowledgeEntryInput } from "@/lib/knowledge";

export type KnowledgeFormState =
  | { ok: true; data: { id: string }; savedAt: number }
  | { ok: false; error: string; fieldErrors?: Partial<Record<keyof KnowledgeEntryInput, string>> }
  | null;

const PATH = "/assistant/knowledge";
const errors = (e: z.ZodError) => Object.fromEntries(e.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
const actorOf = (s: { tenant: { id: string }; user: { id: string }; role: "owner" | "admin" | "manager" | "sales" }) => ({ tenantId: s.tenant.id, userId: s.user.id, role: s.role });

/** Creates an entry, or updates the one named by the form's `id`. */
export async function saveKnowledgeEntryAction(_: KnowledgeFormState, form: FormData): Promise<KnowledgeFormState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  const parsed = knowledgeEntrySchema.safeParse({ language: form.get("language"), topic: form.get("topic"), title: form.get("title"), body: form.get("body") });
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: errors(parsed.error) };
  const id = String(form.get("id") ?? "");
  const actor = actorOf(auth.session);
  const r = id ? await updateKnowledgeEntry(actor, id, parsed.data) : await createKnowledgeEntry(actor, parsed.data);
  if (!r.ok) return r;
  revalidatePath(PATH);
  return { ...r, savedAt: Date.now() };
}

export async function deleteKnowledgeEntryAction(form: FormData): Promise<void> {
  const auth = await authorize("manager");
  if (!auth.ok) return;
  await deleteKnowledgeEntry(actorOf(auth.session), String(form.get("id") ?? ""));
  revalidatePath(PATH);
}
