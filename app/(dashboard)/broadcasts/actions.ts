"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth";
import { broadcastInput, cancelBroadcast, createBroadcast, previewBroadcast } from "@/lib/broadcasts";
import { atLocal } from "@/lib/scheduling/zoned";

export type PreviewState = Awaited<ReturnType<typeof previewBroadcast>> | null;
export type CreateState = { ok: false; error: string; fieldErrors?: Record<string, string> } | null;

const list = (form: FormData, key: string) => form.getAll(key).map(String).filter(Boolean);
const optionalNumber = (v: FormDataEntryValue | null) => (v && String(v).trim() ? Number(v) : undefined);

/** The form as the library's input, or field errors. Times are read in the dealer's time zone. */
function readForm(form: FormData, timeZone: string) {
  const when = String(form.get("scheduledAt") ?? "").trim();
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(when);
  if (when && !match) return { ok: false as const, error: "Check the form.", fieldErrors: { scheduledAt: "Pick a date and time." } };
  const parsed = broadcastInput.safeParse({
    name: form.get("name"),
    templateName: form.get("templateName"),
    variables: list(form, "variables"),
    segment: {
      sources: list(form, "sources"), stages: list(form, "stages"), languages: list(form, "languages"),
      tags: String(form.get("tags") ?? "").split(",").map((t) => t.trim()).filter(Boolean),
      make: String(form.get("make") ?? ""),
      activeWithinDays: optionalNumber(form.get("activeWithinDays")),
      inactiveForDays: optionalNumber(form.get("inactiveForDays")),
      consentedOnly: form.get("consentedOnly") === "on",
    },
    scheduledAt: match ? atLocal(match[1], match[2], timeZone) : undefined,
  });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    return { ok: false as const, error: "Check the highlighted fields.", fieldErrors };
  }
  return { ok: true as const, data: parsed.data };
}

export async function previewBroadcastAction(_prev: PreviewState, form: FormData): Promise<PreviewState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  const input = readForm(form, auth.session.tenant.timeZone);
  if (!input.ok) return input;
  return previewBroadcast(auth.session.tenant, { userId: auth.session.user.id, role: auth.session.role }, input.data);
}

export async function createBroadcastAction(_prev: CreateState, form: FormData): Promise<CreateState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  const input = readForm(form, auth.session.tenant.timeZone);
  if (!input.ok) return input;
  const r = await createBroadcast(auth.session.tenant, { userId: auth.session.user.id, role: auth.session.role }, input.data);
  if (!r.ok) return r;
  revalidatePath("/broadcasts");
  redirect(`/broadcasts/${r.data.id}`);
}

export async function cancelBroadcastAction(form: FormData): Promise<void> {
  const auth = await authorize("manager");
  if (!auth.ok) return;
  const id = String(form.get("id") ?? "");
  await cancelBroadcast(auth.session.tenant, { userId: auth.session.user.id, role: auth.session.role }, id);
  revalidatePath(`/broadcasts/${id}`);
}
