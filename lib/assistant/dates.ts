const weekdays: Record<string, number> = {
  zondag: 0, maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6,
  søndag: 0, mandag: 1, tirsdag: 2, onsdag: 3, torsdag: 4, fredag: 5, lørdag: 6,
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  minggu: 0, senin: 1, selasa: 2, rabu: 3, kamis: 4, jumat: 5, "jum'at": 5, sabtu: 6,
};

/** Today's date (yyyy-mm-dd) and weekday as the wall clock in `timeZone` shows them. */
export function localToday(now: Date, timeZone: string): { iso: string; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short" }).formatToParts(now).map((p) => [p.type, p.value]),
  );
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday);
  return { iso: `${parts.year}-${parts.month}-${parts.day}`, weekday };
}

export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A day named in the message ("zaterdag", "i morgen", "besok", "tomorrow") as a local date. */
export function extractDate(text: string, now: Date, timeZone: string): string | undefined {
  const t = text.toLowerCase();
  const today = localToday(now, timeZone);
  if (/\b(overmorgen|i overmorgen|übermorgen|day after tomorrow|lusa)\b/.test(t)) return addDaysIso(today.iso, 2);
  if (/\b(vandaag|i dag|heute|today|hari ini|vanmiddag|vanavond|tonight|this afternoon)\b/.test(t)) return today.iso;
  if (/(?<!goede|guten |god )\b(morgen|i morgen|tomorrow|besok|bsk)\b/.test(t)) return addDaysIso(today.iso, 1);
  for (const [name, day] of Object.entries(weekdays)) {
    if (new RegExp(`\\b${name}\\b`).test(t)) {
      const ahead = (day - today.weekday + 7) % 7 || 7;
      return addDaysIso(today.iso, ahead);
    }
  }
  const explicit = /\b(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2,4}))?\b/.exec(t);
  if (explicit) {
    const [y] = today.iso.split("-").map(Number);
    const day = Number(explicit[1]);
    const month = Number(explicit[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
      const year = explicit[3] ? Number(explicit[3].length === 2 ? `20${explicit[3]}` : explicit[3]) : y;
      return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    }
  }
  return undefined;
}

/** "om 14:00", "kl 14", "at 3pm", "jam 2 siang" → "14:00". */
export function extractTime(text: string): string | undefined {
  const t = text.toLowerCase();
  const m = /\b(?:om|kl\.?|klokken|um|at|jam|pukul|rond)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(uur|u|h|pm|am|siang|sore|pagi|malam)?\b/.exec(t) ?? /\b(\d{1,2})[:.](\d{2})\s*(pm|am)?\b/.exec(t);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const suffix = m[3];
  if ((suffix === "pm" || suffix === "sore" || suffix === "malam" || (suffix === "siang" && hour < 6)) && hour < 12) hour += 12;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
