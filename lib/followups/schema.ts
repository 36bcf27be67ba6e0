import { z } from "zod";
import { leadSources, leadStages } from "@/db/schema";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM");
const perLanguage = z.partialRecord(z.enum(["nl", "nb", "id", "de", "en"]), z.string().max(5000)).optional();

export const triggerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("lead_created"), sources: z.array(z.enum(leadSources)).optional() }),
  z.object({ type: z.literal("no_reply"), hours: z.number().int("Hours are a whole number.").min(1, "At least 1 hour.").max(24 * 60, "At most 1,440 hours (60 days).") }),
  z.object({ type: z.literal("stage_changed"), stage: z.enum(leadStages) }),
  z.object({ type: z.literal("test_drive_done") }),
  z.object({ type: z.literal("no_show") }),
  z.object({ type: z.literal("lead_lost"), reasons: z.array(z.string().max(80)).optional() }),
]);

export const stepSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("wait"), hours: z.number().min(0, "Hours cannot be negative.").max(24 * 90, "At most 2,160 hours (90 days).").optional(), days: z.number().int("Days are a whole number.").min(0, "Days cannot be negative.").max(365, "At most 365 days.").optional(), atLocalTime: hhmm.optional() })
    .refine((s) => (s.hours ?? 0) > 0 || (s.days ?? 0) > 0 || !!s.atLocalTime, "A wait needs hours, days or a time of day"),
  z.object({
    type: z.literal("whatsapp"), text: z.string().min(1, "Write the message.").max(1000, "At most 1,000 characters."), texts: perLanguage,
    templateName: z.string().regex(/^[a-z0-9_]+$/, "Template names are lower-case with underscores").optional(),
    templateVariables: z.array(z.string().max(40)).max(5).optional(),
  }),
  z.object({ type: z.literal("email"), subject: z.string().min(1, "Write a subject.").max(200, "At most 200 characters."), text: z.string().min(1, "Write the e-mail.").max(5000, "At most 5,000 characters."), subjects: perLanguage, texts: perLanguage }),
  z.object({ type: z.literal("task"), title: z.string().min(1, "Say what the task is.").max(200, "At most 200 characters.") }),
  z.object({ type: z.literal("assign"), userId: z.string().uuid().optional(), strategy: z.literal("round_robin").optional() }),
  z.object({ type: z.literal("stage"), stage: z.enum(leadStages) }),
]);

export const audienceSchema = z.object({
  sources: z.array(z.enum(leadSources)).optional(),
  stages: z.array(z.enum(leadStages)).optional(),
  vehicleIds: z.array(z.string().uuid()).optional(),
  languages: z.array(z.enum(["nl", "nb", "id", "de", "en"])).optional(),
});

export const sequenceInput = z.object({
  name: z.string().trim().min(2, "Give the sequence a name (at least 2 characters).").max(120, "At most 120 characters."),
  enabled: z.boolean().default(true),
  trigger: triggerSchema,
  audience: audienceSchema.default({}),
  steps: z.array(stepSchema).min(1).max(20)
    .refine((steps) => steps.some((s) => s.type !== "wait"), "A sequence needs at least one step that does something"),
});
export type SequenceInput = z.infer<typeof sequenceInput>;
