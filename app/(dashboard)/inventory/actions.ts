"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { createVehicleFromForm, ForeignBranchError, updateVehicle, updateVehicleFromForm, vehicleFormSchemaFor, vehicleStatuses } from "@/lib/inventory/admin";
import { addVehiclePhoto, arrangeVehiclePhotos } from "@/lib/inventory/photos";
import { PlanLimitError } from "@/lib/plans/usage";

export type FormState = { ok: boolean; error?: string; fieldErrors?: Record<string, string> } | null;

function fieldErrors(error: z.ZodError) {
  return Object.fromEntries(Object.entries(error.flatten().fieldErrors).map(([k, v]) => [k, (v as string[])[0]]));
}

const foreignBranch = (err: unknown) => (err instanceof ForeignBranchError ? err : Promise.reject(err));

export async function saveVehicleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorize("sales");
  if (!auth.ok) return auth;
  const parsed = vehicleFormSchemaFor(auth.session.tenant.currency).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
  const id = form.get("id");
  const { session } = auth;
  if (typeof id === "string" && id) {
    const statusShown = z.enum(vehicleStatuses).safeParse(form.get("statusShown")).data;
    const updated = await updateVehicleFromForm(session.tenant.id, id, parsed.data, statusShown, session.user.id).catch(foreignBranch);
    if (updated instanceof ForeignBranchError) return { ok: false, error: "Check the highlighted fields.", fieldErrors: { branchId: updated.message } };
    if (!updated) return { ok: false, error: "This vehicle no longer exists." };
    revalidatePath("/inventory");
    revalidatePath(`/inventory/${id}`);
    return { ok: true };
  }
  const vehicle = await createVehicleFromForm(session.tenant.id, parsed.data, session.user.id, session.tenant.currency)
    .catch((err: unknown) => (err instanceof PlanLimitError ? err : foreignBranch(err)));
  if (vehicle instanceof PlanLimitError) return { ok: false, error: vehicle.message };
  if (vehicle instanceof ForeignBranchError) return { ok: false, error: "Check the highlighted fields.", fieldErrors: { branchId: vehicle.message } };
  revalidatePath("/inventory");
  redirect(`/inventory/${vehicle.id}?created=1`);
}

const statusInput = z.object({ id: z.string().uuid(), status: z.enum(vehicleStatuses) });

export async function setStatusAction(form: FormData) {
  const auth = await authorize("sales");
  if (!auth.ok) return;
  const parsed = statusInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  await updateVehicle(auth.session.tenant.id, parsed.data.id, { status: parsed.data.status }, auth.session.user.id);
  revalidatePath("/inventory");
  revalidatePath(`/inventory/${parsed.data.id}`);
}

export async function uploadPhotoAction(_prev: FormState, form: FormData): Promise<FormState> {
  const auth = await authorize("sales");
  if (!auth.ok) return auth;
  const id = z.string().uuid().safeParse(form.get("id"));
  const files = form.getAll("photos").filter((f): f is File => f instanceof File && f.size > 0);
  if (!id.success) return { ok: false, error: "Unknown vehicle." };
  if (files.length === 0) return { ok: false, fieldErrors: { photos: "Choose one or more photos." } };
  for (const file of files) {
    const r = await addVehiclePhoto(auth.session.tenant.id, id.data, Buffer.from(await file.arrayBuffer()));
    if (!r.ok) return { ok: false, fieldErrors: { photos: `${file.name}: ${r.error}` } };
  }
  revalidatePath(`/inventory/${id.data}`);
  return { ok: true };
}

const arrangeInput = z.object({ id: z.string().uuid(), mediaId: z.string().uuid(), action: z.enum(["first", "left", "right", "remove"]) });

export async function arrangePhotoAction(form: FormData) {
  const auth = await authorize("sales");
  if (!auth.ok) return;
  const parsed = arrangeInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  await arrangeVehiclePhotos(auth.session.tenant.id, parsed.data.id, parsed.data);
  revalidatePath(`/inventory/${parsed.data.id}`);
}
