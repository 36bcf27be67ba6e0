"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { assistantSettingsSchema, saveAssistantSettings } from "@/lib/settings";

export type AssistantSettingsState = { ok: boolean; error?: string; fieldErrors?: Record<string, string> } | null;

const errors = (e: z.ZodError) => Object.fromEntries(Object.entries(e.flatten().fieldErrors).map(([k, v]) => [k, (v as string[])[0]]));

export async function saveAssistantSettingsAction(_: AssistantSettingsState, form: FormData): Promise<AssistantSettingsState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  const parsed = assistantSettingsSchema.safeParse({ ...Object.fromEntries(form), onDuty: form.getAll("onDuty") });
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: errors(parsed.error) };
  const r = await saveAssistantSettings({ tenantId: auth.session.tenant.id, userId: auth.session.user.id }, parsed.data);
  if (!r.ok) return { ok: false, error: r.error, fieldErrors: { onDuty: r.error } };
  revalidatePath("/settings/assistant");
  return { ok: true };
}
