"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { createApiKey, createApiKeySchema, revokeApiKey } from "@/lib/api/keys";
import { createEndpointSchema, createWebhookEndpoint, deleteWebhookEndpoint, resendDelivery, setWebhookEndpointEnabled } from "@/lib/outgoing-webhooks";

export type DevState = { ok: boolean; error?: string; fieldErrors?: Record<string, string>; secret?: string } | null;

const PATH = "/settings/developers";
const errors = (e: z.ZodError) => Object.fromEntries(e.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
const actorOf = (s: { tenant: { id: string }; user: { id: string }; role: "owner" | "admin" | "manager" | "sales" }) => ({ tenantId: s.tenant.id, userId: s.user.id, role: s.role });

export async function createApiKeyAction(_: DevState, form: FormData): Promise<DevState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = createApiKeySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: errors(parsed.error) };
  const r = await createApiKey(actorOf(auth.session), parsed.data);
  revalidatePath(PATH);
  return r.ok ? { ok: true, secret: r.data.key } : { ok: false, error: r.error };
}

export async function revokeApiKeyAction(form: FormData): Promise<void> {
  const auth = await authorize("admin");
  if (!auth.ok) return;
  await revokeApiKey(actorOf(auth.session), String(form.get("id")));
  revalidatePath(PATH);
}

export async function createEndpointAction(_: DevState, form: FormData): Promise<DevState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = createEndpointSchema.safeParse({ url: form.get("url"), events: form.getAll("events") });
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: errors(parsed.error) };
  const r = await createWebhookEndpoint(actorOf(auth.session), parsed.data);
  revalidatePath(PATH);
  return r.ok ? { ok: true, secret: r.data.secret } : r;
}

export async function toggleEndpointAction(form: FormData): Promise<void> {
  const auth = await authorize("admin");
  if (!auth.ok) return;
  await setWebhookEndpointEnabled(actorOf(auth.session), String(form.get("id")), form.get("enabled") === "true");
  revalidatePath(PATH);
}

export async function deleteEndpointAction(form: FormData): Promise<void> {
  const auth = await authorize("admin");
  if (!auth.ok) return;
  await deleteWebhookEndpoint(actorOf(auth.session), String(form.get("id")));
  revalidatePath(PATH);
}

export async function resendDeliveryAction(form: FormData): Promise<void> {
  const auth = await authorize("admin");
  if (!auth.ok) return;
  await resendDelivery(actorOf(auth.session), String(form.get("id")));
  revalidatePath(PATH);
}
