/** The instant when the wall clock in `timeZone` shows hour:minute on the local date of `day`. */
export function fromZonedWallClock(day: Date, hour: number, minute: number, timeZone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(day).map((p) => [p.type, p.value]),
  );
  const guess = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), hour, minute));
  const shown = new Date(guess.toLocaleString("en-US", { timeZone }));
  const asUtc = new Date(guess.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(guess.getTime() - (shown.getTime() - asUtc.getTime()));
}

/** Wall-clock parts of an instant in `timeZone`. */
export function zonedParts(at: Date, timeZone: string) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short" })
      .formatToParts(at).map((x) => [x.type, x.value]),
  );
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
