"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { conversationModes, leadStages } from "@/db/schema";
import { authorize } from "@/lib/auth";
import { parseWholeNumber } from "@/lib/format/numbers";
import {
  addLeadNote, assignLeadAsStaff, changeStageAsStaff, recordAppointmentOutcome, replyAsStaff, sendTemplateAsStaff, setModeAsStaff, type CommandResult,
} from "@/lib/inbox/commands";
import { completeTask } from "@/lib/inbox/tasks";

export type ActionState = CommandResult | null;

const id = z.string().uuid();
const schemas = {
  reply: z.object({ conversationId: id, body: z.string().trim().min(1, "Write a message first.").max(4000) }),
  template: z.object({ conversationId: id, templateId: id, variables: z.array(z.string().max(500)).max(10) }),
  mode: z.object({ conversationId: id, mode: z.enum(conversationModes) }),
  assign: z.object({ leadId: id, userId: z.union([id, z.literal("")]).transform((v) => v || null) }),
  stage: z.object({
    leadId: id, stage: z.enum(leadStages), lostReason: z.string().trim().max(300).optional(),
    // Left empty, a won lead takes its car's price.
    wonAmount: z.string().trim().max(20).optional().transform((v, ctx) => {
      if (!v) return undefined;
      const n = parseWholeNumber(v.replace(/^[^\d-]+/, ""));
      if (n === null || n < 0) {
        ctx.addIssue({ code: "custom", message: "Write the sale amount as a whole number, like 14.950." });
        return z.NEVER;
      }
      return n;
    }),
  }),
  note: z.object({ leadId: id, text: z.string().trim().min(1, "Write a note first.").max(2000) }),
  outcome: z.object({ appointmentId: id, outcome: z.enum(["completed", "no_show"]) }),
  task: z.object({ taskId: id }),
};

async function run<S extends z.ZodTypeAny>(schema: S, input: unknown, work: (viewer: Parameters<typeof replyAsStaff>[1], tenantId: string, data: z.infer<S>) => Promise<CommandResult>): Promise<CommandResult> {
  const auth = await authorize("sales");
  if (!auth.ok) return { ok: false, error: auth.error };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the form." };
  const { session } = auth;
  const result = await work({ userId: session.user.id, role: session.role, name: session.user.name }, session.tenant.id, parsed.data);
  if (result.ok) {
    revalidatePath("/inbox", "layout");
    revalidatePath("/pipeline");
    revalidatePath("/");
  }
  return result;
}

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

export async function replyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(schemas.reply, fields(form), (viewer, tenantId, d) => replyAsStaff(tenantId, viewer, d));
}

export async function sendTemplateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = { ...fields(form), variables: form.getAll("variables").map(String) };
  return run(schemas.template, input, (viewer, tenantId, d) => sendTemplateAsStaff(tenantId, viewer, d));
}

export async function setModeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(schemas.mode, fields(form), (viewer, tenantId, d) => setModeAsStaff(tenantId, viewer, d));
}

export async function assignAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(schemas.assign, fields(form), (viewer, tenantId, d) => assignLeadAsStaff(tenantId, viewer, d));
}

export async function changeStageAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(schemas.stage, fields(form), (viewer, tenantId, d) => changeStageAsStaff(tenantId, viewer, d));
}

export async function addNoteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(schemas.note, fields(form), (viewer, tenantId, d) => addLeadNote(tenantId, viewer, d));
}

export async function appointmentOutcomeAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(schemas.outcome, fields(form), (viewer, tenantId, d) => recordAppointmentOutcome(tenantId, viewer, d));
}

export async function completeTaskAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(schemas.task, fields(form), (viewer, tenantId, d) => completeTask(tenantId, viewer, d));
}
