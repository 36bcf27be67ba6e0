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
