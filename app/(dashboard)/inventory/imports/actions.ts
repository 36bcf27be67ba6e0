"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sendEvent } from "@/inngest/dispatch";
import { authorize } from "@/lib/auth";
import { feedSettingsSchema, feedUrlProblem, saveFeedSettings } from "@/lib/inventory/feed-pull";
import { testFeed, type FeedTest } from "@/lib/inventory/feed-source";
import { getImportProgress, queueUpload } from "@/lib/inventory/uploads";

type FeedValues = { url: string; format: string; pullMinutes: string };
// `values` carries what was typed back into the form, which React resets after every action.
export type FeedState = { ok: boolean; error?: string; fieldErrors?: Record<string, string>; test?: Extract<FeedTest, { ok: true }>; values?: FeedValues } | null;
export type UploadState = { ok: boolean; error?: string; importId?: string; rows?: number } | null;

const fieldErrors = (e: z.ZodError) => Object.fromEntries(Object.entries(e.flatten().fieldErrors).map(([k, v]) => [k, (v as string[])[0]]));

/** One form, two buttons: "Save" stores the feed, "Test now" fetches and validates it without importing. */
export async function feedAction(_: FeedState, form: FormData): Promise<FeedState> {
  const auth = await authorize("admin");
  if (!auth.ok) return auth;
  const tenant = auth.session.tenant;
  if (form.get("intent") === "remove") {
    await saveFeedSettings(tenant.id, null);
    revalidatePath("/inventory/imports");
    return { ok: true };
  }
  const values = { url: String(form.get("url") ?? ""), format: String(form.get("format") ?? ""), pullMinutes: String(form.get("pullMinutes") ?? "") };
  const parsed = feedSettingsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error), values };
  const urlProblem = feedUrlProblem(parsed.data.url);
  if (urlProblem) return { ok: false, error: "Check the highlighted fields.", fieldErrors: { url: urlProblem }, values };
  if (form.get("intent") === "test") {
    const r = await testFeed(parsed.data.url, parsed.data.format, tenant.currency);
    return r.ok ? { ok: true, test: r, values } : { ok: false, error: r.error, values };
  }
  await saveFeedSettings(tenant.id, parsed.data);
  revalidatePath("/inventory/imports");
  return { ok: true, values };
}

export async function pullNowAction(): Promise<void> {
  const auth = await authorize("admin");
  if (!auth.ok) return;
  await sendEvent({ name: "inventory/feed.pull.requested", data: { tenantId: auth.session.tenant.id } });
  revalidatePath("/inventory/imports");
}

export async function uploadAction(_: UploadState, form: FormData): Promise<UploadState> {
  const auth = await authorize("manager");
  if (!auth.ok) return auth;
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "Choose a .csv, .json or .xml file." };
  const mode = form.get("complete") === "on" ? "snapshot" : "partial";
  const r = await queueUpload(auth.session.tenant.id, { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) }, mode);
  if (!r.ok) return r;
  revalidatePath("/inventory/imports");
  return { ok: true, importId: r.importId, rows: r.rows };
}

/** Polled by the progress view. */
export async function importProgressAction(importId: string) {
  const auth = await authorize("manager");
  if (!auth.ok || !z.string().uuid().safeParse(importId).success) return null;
  const p = await getImportProgress(auth.session.tenant.id, importId);
  return p && { ...p, report: p.report.slice(0, 50), reportSize: p.report.length };
}
