import type { BusinessHoursJson, SequenceStep } from "@/db/schema";
import { addDaysIso } from "@/lib/assistant/dates";
import { nextOpeningAt } from "@/lib/scheduling/hours";
import { atLocal, zonedParts } from "@/lib/scheduling/zoned";

const HOUR = 3_600_000;
export const DEFAULT_QUIET_HOURS = { start: "21:00", end: "08:00" };
// At most one proactive follow-up per contact in this many hours, across all sequences.
export const FREQUENCY_CAP_HOURS = 20;

/** When a wait step ends: the delay from `from`, then (if set) the next time the local clock shows `atLocalTime`. */
export function waitEndsAt(step: Extract<SequenceStep, { type: "wait" }>, from: Date, timeZone: string): Date {
  const afterDelay = new Date(from.getTime() + ((step.days ?? 0) * 24 + (step.hours ?? 0)) * HOUR);
  if (!step.atLocalTime) return afterDelay;
  const today = zonedParts(afterDelay, timeZone).date;
  const candidate = atLocal(today, step.atLocalTime, timeZone);
  return candidate >= afterDelay ? candidate : atLocal(addDaysIso(today, 1), step.atLocalTime, timeZone);
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** The end of the quiet period `at` falls in, or null when `at` is outside quiet hours. */
export function quietHoursEnd(at: Date, quiet: { start: string; end: string }, timeZone: string): Date | null {
  const p = zonedParts(at, timeZone);
  const now = p.hour * 60 + p.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const wraps = start > end;
  if (wraps ? now >= start : now >= start && now < end) {
    return atLocal(wraps ? addDaysIso(p.date, 1) : p.date, quiet.end, timeZone);
  }
  if (wraps && now < end) return atLocal(p.date, quiet.end, timeZone);
  return null;
}

/** The first moment at or after `due` that is inside business hours (when the dealer has any) and outside quiet hours. */
export function proactiveSendAt(due: Date, o: { timeZone: string; businessHours: BusinessHoursJson; quietHours?: { start: string; end: string } }): Date {
  const quiet = o.quietHours ?? DEFAULT_QUIET_HOURS;
  let at = due;
  for (let i = 0; i < 6; i++) {
    const opening = nextOpeningAt(o.businessHours, o.timeZone, at) ?? at;
    const afterQuiet = quietHoursEnd(opening, quiet, o.timeZone) ?? opening;
    if (afterQuiet.getTime() === at.getTime()) return at;
    at = afterQuiet;
  }
  return at;
}

/** The earliest time the frequency cap allows another proactive message, or null when `at` is fine. */
export function frequencyCapUntil(lastSentAt: Date | null, at: Date, capHours = FREQUENCY_CAP_HOURS): Date | null {
  if (!lastSentAt) return null;
  const allowed = new Date(lastSentAt.getTime() + capHours * HOUR);
  return allowed > at ? allowed : null;
}
