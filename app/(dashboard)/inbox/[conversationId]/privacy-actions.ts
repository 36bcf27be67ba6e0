"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { eraseContact } from "@/lib/leads/privacy";

export type EraseState = { ok: false; error: string; fieldErrors?: Record<string, string> } | null;

const schema = z.object({
  contactId: z.string().uuid("This contact does not exist."),
  confirm: z.string().trim().refine((v) => v.toUpperCase() === "ERASE", "Type ERASE to confirm."),
});

export async function eraseContactAction(_prev: EraseState, form: FormData): Promise<EraseState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  const parsed = schema.safeParse({ contactId: form.get("contactId"), confirm: form.get("confirm") ?? "" });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue?.message ?? "Check the form.", fieldErrors: issue?.path[0] === "confirm" ? { confirm: issue.message } : undefined };
  }
  const { session } = auth;
  const result = await eraseContact(session.tenant.id, parsed.data.contactId, { userId: session.user.id, role: session.role });
  if (!result.ok) return result;
  revalidatePath("/inbox", "layout");
  revalidatePath("/pipeline");
  redirect("/inbox?notice=erased");
}
