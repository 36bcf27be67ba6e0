"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { changePlan, planIds } from "@/lib/plans";

export type PlanState = { ok: boolean; error?: string } | null;

const input = z.object({ plan: z.enum(planIds as [string, ...string[]]) });

export async function changePlanAction(_: PlanState, form: FormData): Promise<PlanState> {
  const auth = await authorize("owner");
  if (!auth.ok) return auth;
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, error: "Pick one of the plans." };
  const r = await changePlan({ tenantId: auth.session.tenant.id, userId: auth.session.user.id, role: auth.session.role }, parsed.data.plan);
  if (!r.ok) return r;
  revalidatePath("/", "layout");
  return { ok: true };
}
