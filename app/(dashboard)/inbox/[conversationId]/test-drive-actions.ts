"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { bookTestDriveAsStaff, cancelTestDriveAsStaff, carsForTestDrive, freeTestDriveTimes, type CarChoice, type TestDriveResult } from "@/lib/inbox/test-drives";

export type TestDriveState = TestDriveResult | null;
export type TimesResult = { ok: true; times: string[] } | { ok: false; error: string; fieldErrors?: Record<string, string> };

const id = (what: string) => z.string().uuid(`Choose ${what}.`);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a day.");
const schemas = {
  times: z.object({ leadId: id("a lead"), vehicleId: id("a car"), date: day }),
  book: z.object({
    leadId: id("a lead"), vehicleId: id("a car"), start: z.string().datetime({ offset: true, message: "Choose a time." }).transform((s) => new Date(s)),
    confirm: z.literal("on").optional().transform(Boolean),
  }),
  cancel: z.object({ appointmentId: id("a test drive") }),
};

function invalid(error: z.ZodError) {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  return { ok: false as const, error: error.issues[0]?.message ?? "Check the form.", fieldErrors };
}

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

function refresh() {
  revalidatePath("/inbox", "layout");
  revalidatePath("/pipeline");
  revalidatePath("/");
}

/** The cars of the viewer's dealership a test drive can be booked in, by code, make or model. */
export async function findCarsAction(query: string): Promise<{ ok: true; cars: CarChoice[] } | { ok: false; error: string }> {
  const auth = await authorize("sales");
  if (!auth.ok) return auth;
  return { ok: true, cars: await carsForTestDrive(auth.session.tenant.id, typeof query === "string" ? query : "") };
}

export async function testDriveTimesAction(input: { leadId: string; vehicleId: string; date: string }): Promise<TimesResult> {
  const auth = await authorize("sales");
  if (!auth.ok) return auth;
  const parsed = schemas.times.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { session } = auth;
  const r = await freeTestDriveTimes(session.tenant, { userId: session.user.id, role: session.role, name: session.user.name }, parsed.data);
  return r.ok ? { ok: true, times: r.times.map((t) => t.toISOString()) } : r;
}

export async function bookTestDriveAction(_prev: TestDriveState, form: FormData): Promise<TestDriveState> {
  const auth = await authorize("sales");
  if (!auth.ok) return auth;
  const parsed = schemas.book.safeParse(fields(form));
  if (!parsed.success) return invalid(parsed.error);
  const { session } = auth;
  const result = await bookTestDriveAsStaff(session.tenant, { userId: session.user.id, role: session.role, name: session.user.name }, parsed.data);
  if (result.ok) refresh();
  return result;
}

export async function cancelTestDriveAction(_prev: TestDriveState, form: FormData): Promise<TestDriveState> {
  const auth = await authorize("sales");
  if (!auth.ok) return auth;
  const parsed = schemas.cancel.safeParse(fields(form));
  if (!parsed.success) return invalid(parsed.error);
  const { session } = auth;
  const result = await cancelTestDriveAsStaff(session.tenant, { userId: session.user.id, role: session.role, name: session.user.name }, parsed.data);
  if (result.ok) refresh();
  return result;
}
