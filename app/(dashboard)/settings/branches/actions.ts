"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { assignStaffToBranch, branchSchema, createBranch, deleteBranch, staffBranchSchema, updateBranch } from "@/lib/branches";

export type BranchState = { ok: boolean; error?: string; fieldErrors?: Record<string, string> } | null;

const errors = (e: z.ZodError) => Object.fromEntries(Object.entries(e.flatten().fieldErrors).map(([k, v]) => [k, (v as string[])[0]]));
const idInput = z.object({ id: z.string().uuid() });

/** Creates a branch, or updates the one named by `id`. */
export async function saveBranchAction(_: BranchState, form: FormData): Promise<BranchState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const fields = Object.fromEntries(form);
  const parsed = branchSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: errors(parsed.error) };
  const actor = { tenantId: auth.session.tenant.id, userId: auth.session.user.id };
  if (fields.id) {
    const id = idInput.safeParse(fields);
    const saved = id.success && (await updateBranch(actor, auth.session.tenant, id.data.id, parsed.data));
    if (!saved) return { ok: false, error: "That branch is not one of your showrooms." };
  } else {
    await createBranch(actor, auth.session.tenant, parsed.data);
  }
  revalidatePath("/settings/branches");
  return { ok: true };
}

export async function deleteBranchAction(_: BranchState, form: FormData): Promise<BranchState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = idInput.safeParse(Object.fromEntries(form));
  const done = parsed.success && (await deleteBranch({ tenantId: auth.session.tenant.id, userId: auth.session.user.id }, parsed.data.id));
  if (!done) return { ok: false, error: "That branch is not one of your showrooms." };
  revalidatePath("/settings/branches");
  return { ok: true };
}

/** Places a colleague in one showroom (hot leads about its cars reach them first) or in all of them. */
export async function assignStaffAction(_: BranchState, form: FormData): Promise<BranchState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  const parsed = staffBranchSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "Pick one of your showrooms.", fieldErrors: errors(parsed.error) };
  const done = await assignStaffToBranch({ tenantId: auth.session.tenant.id, userId: auth.session.user.id }, parsed.data);
  if (!done) return { ok: false, error: "That colleague or showroom is not part of your dealership." };
  revalidatePath("/settings/branches");
  return { ok: true };
}
