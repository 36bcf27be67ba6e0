import type { BusinessHoursJson, HoursException } from "@/db/schema";
import { addDaysIso } from "@/lib/assistant/dates";
import { zonedParts } from "@/lib/scheduling/zoned";
import type { DemoSlug, DemoTenant } from "./types";

// The demo dealers' closed days and special hours as their knowledge entries describe them (db/seed/knowledge.ts).

type Holiday = { date: string; label: string } & ({ closed: true } | { closes: string } | { open: string; close: string });

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return iso(year, Math.floor(n / 31), (n % 31) + 1);
}

// The first day of Idul Fitri (1 Syawal) as Indonesia observes it. It follows the sighting of the moon, so it cannot be
// computed exactly ahead: these are the expected dates, a day either way possible; a dealer corrects one in Settings.
// A year missing here gets no Lebaran days.
export const idulFitri: Record<number, string> = {
  2025: "2025-03-31", 2026: "2026-03-20", 2027: "2027-03-09", 2028: "2028-02-26", 2029: "2029-02-14", 2030: "2030-02-04",
};

const holidaysOf: Record<DemoSlug, (year: number) => Holiday[]> = {
  "demo-nl": (y) => [
    { date: iso(y, 1, 1), label: "Nieuwjaarsdag", closed: true },
    // Koningsdag moves to the Saturday before when 27 April is a Sunday.
    { date: weekday(iso(y, 4, 27)) === 0 ? iso(y, 4, 26) : iso(y, 4, 27), label: "Koningsdag", closed: true },
    { date: iso(y, 12, 24), label: "Kerstavond", closes: "16:00" },
    { date: iso(y, 12, 25), label: "Eerste kerstdag", closed: true },
    { date: iso(y, 12, 26), label: "Tweede kerstdag", closed: true },
    { date: iso(y, 12, 31), label: "Oudejaarsdag", closes: "16:00" },
  ],
  "demo-no": (y) => {
    const easter = easterSunday(y);
    const names: [number, string][] = [[-3, "Skjærtorsdag"], [-2, "Langfredag"], [-1, "Påskeaften"], [0, "Første påskedag"], [1, "Andre påskedag"]];
    return [
      ...names.map(([d, label]): Holiday => ({ date: addDaysIso(easter, d), label, closed: true })),
      { date: iso(y, 5, 17), label: "17. mai", closed: true },
      { date: iso(y, 12, 24), label: "Julaften", closed: true },
      { date: iso(y, 12, 25), label: "Første juledag", closed: true },
      { date: iso(y, 12, 26), label: "Andre juledag", closed: true },
    ];
  },
  "demo-id": (y) => {
    const first = idulFitri[y];
    if (!first) return [];
    // "Seminggu setelah Lebaran": the seven days after the two closed ones, 10.00–15.00.
    const week = Array.from({ length: 7 }, (_, i): Holiday => ({ date: addDaysIso(first, 2 + i), label: "Seminggu setelah Lebaran", open: "10:00", close: "15:00" }));
    return [{ date: first, label: "Idul Fitri", closed: true }, { date: addDaysIso(first, 1), label: "Idul Fitri hari kedua", closed: true }, ...week];
  },
};

/** A holiday as stored; null when it changes nothing (special hours on a day the showroom is closed anyway). */
function asException(h: Holiday, hours: BusinessHoursJson): HoursException | null {
  if ("closed" in h) return { date: h.date, closed: true, label: h.label };
  const day = hours[["sun", "mon", "tue", "wed", "thu", "fri", "sat"][weekday(h.date)]] ?? [];
  if (day.length === 0) return null;
  const open = "open" in h ? h.open : day[0].open;
  const close = "close" in h ? h.close : h.closes;
  return open < close ? { date: h.date, open, close, label: h.label } : null;
}

/**
 * The demo dealer's exceptions from the local date of `now` to the end of next year, by date: the same `now` always
 * gives the same list, and it never holds more than the profile form accepts.
 */
export function demoHolidays(slug: DemoSlug, tenant: Pick<DemoTenant, "businessHours" | "timeZone">, now: Date): HoursException[] {
  const today = zonedParts(now, tenant.timeZone).date;
  const year = Number(today.slice(0, 4));
  const byDate = new Map<string, Holiday>();
  for (const h of [...holidaysOf[slug](year), ...holidaysOf[slug](year + 1)]) if (h.date >= today && !byDate.has(h.date)) byDate.set(h.date, h);
  return [...byDate.values()]
    .map((h) => asException(h, tenant.businessHours))
    .filter((e): e is HoursException => e !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
}
