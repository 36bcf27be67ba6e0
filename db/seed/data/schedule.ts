import { addDaysIso } from "@/lib/assistant/dates";
import { intervalsOn } from "@/lib/scheduling/hours";
import { atLocal, zonedParts } from "@/lib/scheduling/zoned";
import type { Random } from "./random";
import type { DemoTenant } from "./types";

export const TEST_DRIVE_MINUTES = 45;
const slotTimes = ["09:30", "10:00", "11:30", "13:30", "14:00", "15:00", "16:00", "19:00"];

/** The local calendar date `days` days before `now` in the tenant's zone. */
export function localDateDaysAgo(now: Date, days: number, timeZone: string): string {
  return addDaysIso(zonedParts(now, timeZone).date, -days);
}

function slotsOn(tenant: DemoTenant, date: string): Date[] {
  return intervalsOn(tenant.businessHours, date, tenant.timeZone).flatMap((interval) =>
    slotTimes
      .map((time) => atLocal(date, time, tenant.timeZone))
      .filter((at) => at >= interval.start && at.getTime() + TEST_DRIVE_MINUTES * 60_000 <= interval.end.getTime()),
  );
}

/** A test drive that has ended by `now` and was booked after `after`: on the latest open day that has one, or null. */
export function pastTestDriveSlot(r: Random, tenant: DemoTenant, now: Date, after: Date): Date | null {
  for (let d = 0; d < 14; d++) {
    const starts = slotsOn(tenant, localDateDaysAgo(now, d, tenant.timeZone))
      .filter((at) => at > after && at.getTime() + TEST_DRIVE_MINUTES * 60_000 <= now.getTime());
    if (starts.length) return r.pick(starts);
  }
  return null;
}

/** A test-drive start inside opening hours on the first open day from `fromDate` (local yyyy-mm-dd). */
export function testDriveSlot(r: Random, tenant: DemoTenant, fromDate: string): Date {
  for (let d = 0; d < 14; d++) {
    const starts = slotsOn(tenant, addDaysIso(fromDate, d));
    if (starts.length) return r.pick(starts);
  }
  throw new Error(`${tenant.slug} has no opening hours in the next two weeks`);
}

/** When a shopper plausibly wrote: a local time between morning and late evening, never after `now`. */
export function shopperMomentDaysAgo(r: Random, now: Date, daysAgo: number, tenant: DemoTenant): Date {
  const time = `${String(r.int(8, 21)).padStart(2, "0")}:${r.pick(["05", "12", "24", "37", "48", "53"])}`;
  const at = atLocal(localDateDaysAgo(now, daysAgo, tenant.timeZone), time, tenant.timeZone);
  const latest = now.getTime() - r.int(45, 180) * 60_000;
  return at.getTime() <= latest ? at : new Date(latest);
}

export const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
