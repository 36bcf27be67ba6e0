import type { BusinessHoursJson } from "@/db/schema";
import { addDaysIso } from "@/lib/assistant/dates";
import { atLocal, zonedParts } from "./zoned";

const dayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** Opening intervals of one local date, honouring holiday exceptions. */
export function intervalsOn(hours: BusinessHoursJson, dateIso: string, timeZone: string): { start: Date; end: Date }[] {
  const exception = hours.exceptions?.find((e) => e.date === dateIso);
  if (exception?.closed) return [];
  const weekday = dayKeys[new Date(`${dateIso}T12:00:00Z`).getUTCDay()];
  const list = exception?.open && exception.close ? [{ open: exception.open, close: exception.close }] : (hours[weekday] ?? []);
  return list.map((i) => ({ start: atLocal(dateIso, i.open, timeZone), end: atLocal(dateIso, i.close, timeZone) }));
}

export function isOpenAt(hours: BusinessHoursJson, timeZone: string, at: Date): boolean {
  return intervalsOn(hours, zonedParts(at, timeZone).date, timeZone).some((i) => at >= i.start && at < i.end);
}

/** `from` itself when open, otherwise the next opening (within two weeks). */
export function nextOpeningAt(hours: BusinessHoursJson, timeZone: string, from: Date): Date | null {
  const today = zonedParts(from, timeZone).date;
  for (let d = 0; d < 14; d++) {
    for (const i of intervalsOn(hours, addDaysIso(today, d), timeZone)) {
      if (from < i.end) return from > i.start ? from : i.start;
    }
  }
  return null;
}

export type Busy = { start: Date; end: Date };

/**
 * Test-drive slots inside opening hours, clear of existing appointments and at least `leadMinutes` ahead: on `onDate`,
 * or over the next `days` (two weeks by default, so a showroom open one day a week still has times when asked on that
 * day after its last one).
 */
export function findSlots(o: {
  hours: BusinessHoursJson; timeZone: string; from: Date; days?: number; slotMinutes?: number; leadMinutes?: number;
  busy: Busy[]; onDate?: string; limit?: number;
  /** Only times starting within these local hours, [from, to): "in the afternoon". */
  withinHours?: [number, number];
  /** Every free time of the day (staff choosing on the lead card) rather than a spread of a few. */
  every?: boolean;
}): Date[] {
  const slot = (o.slotMinutes ?? 45) * 60_000;
  const earliest = o.from.getTime() + (o.leadMinutes ?? 120) * 60_000;
  const start = o.onDate ?? zonedParts(o.from, o.timeZone).date;
  const days = o.onDate ? 1 : (o.days ?? 14);
  const found: Date[] = [];
  for (let d = 0; d < days && found.length < (o.limit ?? 6); d++) {
    const date = addDaysIso(start, d);
    let perDay = 0;
    for (const i of intervalsOn(o.hours, date, o.timeZone)) {
      for (let t = i.start.getTime(); t + slot <= i.end.getTime(); t += 30 * 60_000) {
        if (t < earliest) continue;
        if (o.withinHours && !withinHours(new Date(t), o.timeZone, o.withinHours)) continue;
        if (o.busy.some((b) => t < b.end.getTime() && t + slot > b.start.getTime())) continue;
        // A spread of choices: at most two a day unless a specific day was asked for.
        if (!o.onDate && perDay >= 2) break;
        if (!o.every && found.length > 0 && t - found[found.length - 1].getTime() < (o.onDate ? 90 : 150) * 60_000) continue;
        found.push(new Date(t));
        perDay++;
      }
    }
  }
  return found.slice(0, o.limit ?? 6);
}

function withinHours(at: Date, timeZone: string, [from, to]: [number, number]): boolean {
  const { hour } = zonedParts(at, timeZone);
  return hour >= from && hour < to;
}

export function isSlotFree(o: { hours: BusinessHoursJson; timeZone: string; at: Date; slotMinutes?: number; busy: Busy[] }): boolean {
  const end = o.at.getTime() + (o.slotMinutes ?? 45) * 60_000;
  const date = zonedParts(o.at, o.timeZone).date;
  const inside = intervalsOn(o.hours, date, o.timeZone).some((i) => o.at >= i.start && end <= i.end.getTime());
  return inside && !o.busy.some((b) => o.at.getTime() < b.end.getTime() && end > b.start.getTime());
}
