"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { createSequence, deleteSequence, ensureDefaultSequences, sequenceInput, setSequenceEnabled, stopFollowups, updateSequence } from "@/lib/followups";

export type SequenceFormState = { ok: boolean; error?: string; fieldErrors?: Record<string, string> } | null;

/** The editor posts the whole sequence as JSON; zod decides what is valid. */
export async function saveSequenceAction(_: SequenceFormState, form: FormData): Promise<SequenceFormState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  let raw: unknown;
  try {
    raw = JSON.parse(String(form.get("sequence") ?? ""));
  } catch {
    return { ok: false, error: "The sequence could not be read; reload the page and try again." };
  }
  const parsed = sequenceInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    return { ok: false, error: "Check the highlighted fields.", fieldErrors };
  }
  const id = z.string().uuid().safeParse(form.get("id"));
  const tenantId = auth.session.tenant.id;
  if (id.success) {
    const saved = await updateSequence(tenantId, id.data, parsed.data);
    if (!saved) return { ok: false, error: "This sequence no longer exists." };
    revalidatePath("/followups");
    revalidatePath(`/followups/${id.data}`);
    return { ok: true };
  }
  const created = await createSequence(tenantId, parsed.data);
  revalidatePath("/followups");
  redirect(`/followups/${created.id}?created=1`);
}

/** A dealership without sequences takes the built-in ones in one go (nothing happens once it has any). */
export async function addRecommendedSequencesAction() {
  const auth = await authorize("manager");
  if (!auth.ok) return;
  await ensureDefaultSequences(auth.session.tenant.id);
  revalidatePath("/followups");
}

const toggleInput = z.object({ id: z.string().uuid(), enabled: z.enum(["true", "false"]) });

export async function toggleSequenceAction(form: FormData) {
  const auth = await authorize("manager");
  if (!auth.ok) return;
  const parsed = toggleInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  await setSequenceEnabled(auth.session.tenant.id, parsed.data.id, parsed.data.enabled === "true");
  revalidatePath("/followups");
}

const stopInput = z.object({ enrollmentId: z.string().uuid() });

/** Staff stop one lead's sequence by hand. */
export async function stopLeadFollowupAction(form: FormData) {
  const auth = await authorize("sales");
  if (!auth.ok) return;
  const parsed = stopInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  await stopFollowups(auth.session.tenant.id, { enrollmentId: parsed.data.enrollmentId }, "stopped_by_staff");
  revalidatePath("/inbox", "layout");
  revalidatePath("/followups");
}

const deleteInput = z.object({ id: z.string().uuid() });

/** Deletes a sequence (behind a confirmation in the editor) and goes back to the list. */
export async function deleteSequenceAction(form: FormData) {
  const auth = await authorize("manager");
  if (!auth.ok) return;
  const parsed = deleteInput.safeParse(Object.fromEntries(form));
  // Only a sequence of this dealership that was there says "deleted"; any other id changes nothing and says nothing.
  const deleted = parsed.success && (await deleteSequence(auth.session.tenant.id, parsed.data.id));
  revalidatePath("/followups");
  redirect(deleted ? "/followups?notice=deleted" : "/followups");
}
