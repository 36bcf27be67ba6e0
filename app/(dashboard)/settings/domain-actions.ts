"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth";
import { checkCustomDomain, customDomainSchema, removeCustomDomain, saveCustomDomain } from "@/lib/settings";

export type DomainState = { ok: boolean; error?: string; fieldErrors?: Record<string, string>; message?: string } | null;

const actorOf = (s: { tenant: { id: string }; user: { id: string } }) => ({ tenantId: s.tenant.id, userId: s.user.id });

export async function saveCustomDomainAction(_: DomainState, form: FormData): Promise<DomainState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const parsed = customDomainSchema.safeParse({ domain: form.get("domain") ?? "" });
  if (!parsed.success) return { ok: false, error: "Check the highlighted field.", fieldErrors: { domain: parsed.error.issues[0].message } };
  const r = await saveCustomDomain(actorOf(auth.session), parsed.data.domain);
  revalidatePath("/settings");
  return r.ok ? { ok: true, message: "Saved. Create the DNS records below, then press Check now." } : r;
}

export async function checkCustomDomainAction(_: DomainState): Promise<DomainState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const r = await checkCustomDomain(actorOf(auth.session));
  revalidatePath("/settings");
  return r.ok ? { ok: true, message: "Verified. Your site now answers on your own domain." } : r;
}

export async function removeCustomDomainAction(_: DomainState): Promise<DomainState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const r = await removeCustomDomain(actorOf(auth.session));
  revalidatePath("/settings");
  return r.ok ? { ok: true, message: "Domain removed." } : r;
}
