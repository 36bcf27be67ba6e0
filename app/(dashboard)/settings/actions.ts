"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import {
  channelSchema, connectChannel, connectFacebookPage, disconnectFacebookPage, facebookPageSchema, inviteMember, inviteSchema, profileSchema,
  removeChannel, rotateChannelWebhookSecret, rotateFeedSecret, rotateInboundEmailToken, saveProfile, updateMember,
} from "@/lib/settings";

export type SettingsState = { ok: boolean; error?: string; fieldErrors?: Record<string, string>; secret?: string; password?: string | null } | null;

const errors = (e: z.ZodError) => Object.fromEntries(Object.entries(e.flatten().fieldErrors).map(([k, v]) => [k, (v as string[])[0]]));

export async function saveProfileAction(_: SettingsState, form: FormData): Promise<SettingsState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  const parsed = profileSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: errors(parsed.error) };
  await saveProfile({ tenantId: auth.session.tenant.id, userId: auth.session.user.id }, parsed.data);
  revalidatePath("/settings");
  return { ok: true };
}

export async function connectChannelAction(_: SettingsState, form: FormData): Promise<SettingsState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = channelSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: errors(parsed.error) };
  const r = await connectChannel({ tenantId: auth.session.tenant.id, userId: auth.session.user.id }, parsed.data);
  revalidatePath("/settings");
  return r.ok ? { ok: true } : { ok: false, error: r.error };
}

export async function rotateFeedSecretAction(_: SettingsState): Promise<SettingsState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const secret = await rotateFeedSecret({ tenantId: auth.session.tenant.id, userId: auth.session.user.id });
  return { ok: true, secret };
}

export async function connectFacebookPageAction(_: SettingsState, form: FormData): Promise<SettingsState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = facebookPageSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: errors(parsed.error) };
  const r = await connectFacebookPage({ tenantId: auth.session.tenant.id, userId: auth.session.user.id }, parsed.data);
  revalidatePath("/settings");
  return r.ok ? { ok: true } : r;
}

const channelIdInput = z.object({ channelId: z.string().uuid() });

export async function disconnectFacebookPageAction(_: SettingsState, form: FormData): Promise<SettingsState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = channelIdInput.safeParse(Object.fromEntries(form));
  const done = parsed.success && (await disconnectFacebookPage({ tenantId: auth.session.tenant.id, userId: auth.session.user.id }, parsed.data.channelId));
  if (!done) return { ok: false, error: "That page is not connected to your dealership." };
  revalidatePath("/settings");
  return { ok: true };
}

export async function removeChannelAction(_: SettingsState, form: FormData): Promise<SettingsState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = channelIdInput.safeParse(Object.fromEntries(form));
  const r = parsed.success ? await removeChannel({ tenantId: auth.session.tenant.id, userId: auth.session.user.id }, parsed.data.channelId) : null;
  if (!r) return { ok: false, error: "That channel is not connected to your dealership." };
  if (!r.ok) return r;
  revalidatePath("/settings");
  return { ok: true };
}

export async function rotateInboundEmailTokenAction(_: SettingsState): Promise<SettingsState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const secret = await rotateInboundEmailToken({ tenantId: auth.session.tenant.id, userId: auth.session.user.id });
  revalidatePath("/settings");
  return { ok: true, secret };
}

export async function rotateChannelWebhookSecretAction(_: SettingsState, form: FormData): Promise<SettingsState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = channelIdInput.safeParse(Object.fromEntries(form));
  const r = parsed.success ? await rotateChannelWebhookSecret({ tenantId: auth.session.tenant.id, userId: auth.session.user.id }, parsed.data.channelId) : null;
  if (!r) return { ok: false, error: "That WAHA or Fonnte channel is not connected to your dealership." };
  return { ok: true, secret: r.secret };
}

export async function inviteAction(_: SettingsState, form: FormData): Promise<SettingsState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  const parsed = inviteSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: errors(parsed.error) };
  const r = await inviteMember({ tenantId: auth.session.tenant.id, userId: auth.session.user.id, role: auth.session.role }, parsed.data);
  revalidatePath("/settings");
  return r.ok ? { ok: true, password: r.temporaryPassword } : { ok: false, error: r.error };
}

const memberInput = z.object({ membershipId: z.string().uuid(), role: z.enum(["owner", "admin", "manager", "sales"]).optional(), active: z.enum(["true", "false"]).optional() });

export async function updateMemberAction(form: FormData) {
  const auth = await authorize("manager");
  if (!auth.ok) return;
  const parsed = memberInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) return;
  await updateMember({ tenantId: auth.session.tenant.id, userId: auth.session.user.id, role: auth.session.role }, parsed.data.membershipId, {
    ...(parsed.data.role ? { role: parsed.data.role } : {}), ...(parsed.data.active ? { active: parsed.data.active === "true" } : {}),
  });
  revalidatePath("/settings");
}
