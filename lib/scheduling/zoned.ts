import { dateTimeFormat } from "@/lib/format/intl";

const wallClock = (timeZone: string) =>
  dateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short" });

function wallParts(at: Date, timeZone: string) {
  const p: Record<string, string> = {};
  for (const x of wallClock(timeZone).formatToParts(at)) p[x.type] = x.value;
  return p;
}

/** The instant when the wall clock in `timeZone` shows hour:minute on the local date of `day`. */
export function fromZonedWallClock(day: Date, hour: number, minute: number, timeZone: string): Date {
  const d = wallParts(day, timeZone);
  // The wall-clock time read as if it were UTC; the instant is that minus the zone's offset at the instant. Around a
  // daylight-saving change the offset is the one before or after it: a time that happens twice is its first
  // occurrence, one that is skipped is read with the offset before the change (02:30 becomes 03:30).
  const wall = Date.UTC(Number(d.year), Number(d.month) - 1, Number(d.day), hour, minute);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const fits = [wall - before, wall - after].filter((at) => wall - offsetAt(at, timeZone) === at);
  return new Date(fits.length ? Math.min(...fits) : wall - before);
}

const DAY_MS = 86_400_000;

/** How far the zone's wall clock runs ahead of UTC at `instant` (ms). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallParts(new Date(instant), timeZone);
  return Date.UTC(Number(w.year), Number(w.month) - 1, Number(w.day), Number(w.hour), Number(w.minute)) - Math.floor(instant / 60_000) * 60_000;
}

/** Wall-clock parts of an instant in `timeZone`. */
export function zonedParts(at: Date, timeZone: string) {
  const p = wallParts(at, timeZone);
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    hour: Number(p.hour),
    minute: Number(p.minute),
    weekday: (["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const)[["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(p.weekday)],
  };
}

/** "HH:MM" on the wall clock in `timeZone`. */
export function zonedClock(at: Date, timeZone: string): string {
  const { hour, minute } = zonedParts(at, timeZone);
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

export function atLocal(dateIso: string, time: string, timeZone: string): Date {
  const [h, m] = time.split(":").map(Number);
  return fromZonedWallClock(new Date(`${dateIso}T12:00:00Z`), h, m, timeZone);
}

/** The instant as the wall clock in `timeZone` shows it, with that zone's offset: "2026-12-12T10:00:00+01:00". */
export function localIso(at: Date, timeZone: string): string {
  const offset = offsetAt(at.getTime(), timeZone);
  const wall = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + offset).toISOString().slice(0, 19);
  const minutes = Math.abs(offset) / 60_000;
  return `${wall}${offset < 0 ? "-" : "+"}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * A start time the model wrote: ISO 8601 with an offset or Z as it says, one without ("2026-12-12T10:00") on the wall
 * clock in `timeZone`, to the minute. An invalid date for anything else, a wall-clock time that is no minute of a day
 * ("25:00", "10:00:30") included: never the server's clock.
 */
export function readStart(text: string, timeZone: string): Date {
  const t = text.trim();
  const wall = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(:\d{2}(?:\.\d+)?)?$/.exec(t);
  if (!wall) return new Date(t);
  const [, date, h, m, seconds] = wall;
  if (Number(h) > 23 || Number(m) > 59 || (seconds !== undefined && !/^:00(\.0+)?$/.test(seconds))) return new Date(NaN);
  return atLocal(date, `${h}:${m}`, timeZone);
}
