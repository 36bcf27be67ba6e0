import { z } from "zod";
import type { BusinessHoursJson } from "@/db/schema";

// The weekly opening-hours fields of a form ("monOpen", "monClose", …): one interval a day, both empty when closed.
export const weekDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM").or(z.literal(""));
export const hoursFieldShape = Object.fromEntries(weekDays.flatMap((d) => [[`${d}Open`, time.optional()], [`${d}Close`, time.optional()]])) as Record<string, z.ZodOptional<typeof time>>;

/** Field errors for a day with only one end filled in, or one that closes before it opens. */
export function hoursFieldProblems(f: Record<string, unknown>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const d of weekDays) {
    const open = String(f[`${d}Open`] ?? ""), close = String(f[`${d}Close`] ?? "");
    if (Boolean(open) !== Boolean(close)) problems[open ? `${d}Close` : `${d}Open`] = "Fill in both times, or neither when closed.";
    else if (open && close <= open) problems[`${d}Close`] = "Closing time must be after opening time.";
  }
  return problems;
}

export function hoursFromFields(f: Record<string, unknown>): BusinessHoursJson {
  return Object.fromEntries(weekDays.map((d) => {
    const open = String(f[`${d}Open`] ?? ""), close = String(f[`${d}Close`] ?? "");
    return [d, open && close ? [{ open, close }] : []];
  })) as BusinessHoursJson;
}

export function fieldsFromHours(h: BusinessHoursJson | null | undefined): Record<string, string> {
  return Object.fromEntries(weekDays.flatMap((d) => [[`${d}Open`, h?.[d]?.[0]?.open ?? ""], [`${d}Close`, h?.[d]?.[0]?.close ?? ""]]));
}

export function hasAnyHours(h: BusinessHoursJson | null | undefined): boolean {
  return Boolean(h) && weekDays.some((d) => (h![d]?.length ?? 0) > 0);
}
