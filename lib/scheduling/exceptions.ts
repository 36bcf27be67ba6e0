import type { BusinessHoursJson, HoursException } from "@/db/schema";
import { addDaysIso } from "@/lib/assistant/dates";

const dayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const weekdayOf = (dateIso: string) => dayKeys[new Date(`${dateIso}T12:00:00Z`).getUTCDay()];

/** The exceptions from `today` (a local yyyy-mm-dd) on, by date; only the next `days` days when given. */
export function upcomingExceptions(hours: BusinessHoursJson | null | undefined, today: string, days?: number): HoursException[] {
  const last = days === undefined ? null : addDaysIso(today, days - 1);
  return (hours?.exceptions ?? [])
    .filter((e) => e.date >= today && (last === null || e.date <= last))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * A branch's own weekly hours with the dealership's closed days and special hours: a public holiday closes every
 * showroom, and special hours ("open until 16:00") never open a branch earlier or longer than its own hours that day.
 */
export function withDealerExceptions(branchHours: BusinessHoursJson, dealer: HoursException[] | undefined): BusinessHoursJson {
  const weekly = Object.fromEntries(Object.entries(branchHours).filter(([k]) => k !== "exceptions")) as BusinessHoursJson;
  if (!dealer?.length) return weekly;
  const exceptions = dealer.map((e): HoursException => {
    const label = e.label ? { label: e.label } : {};
    const own = weekly[weekdayOf(e.date)] ?? [];
    if (e.closed || !e.open || !e.close || own.length === 0) return { date: e.date, closed: true, ...label };
    const open = e.open > own[0].open ? e.open : own[0].open;
    const close = e.close < own.at(-1)!.close ? e.close : own.at(-1)!.close;
    return open < close ? { date: e.date, open, close, ...label } : { date: e.date, closed: true, ...label };
  });
  return { ...weekly, exceptions } as BusinessHoursJson;
}
