import type { BusinessHoursJson, HoursException } from "@/db/schema";
import type { Lang } from "@/lib/assistant/types";
import { dateTimeFormat } from "@/lib/format/intl";
import { upcomingExceptions } from "./exceptions";

const dayNames: Record<Lang, string[]> = {
  nl: ["ma", "di", "wo", "do", "vr", "za", "zo"], nb: ["man", "tir", "ons", "tor", "fre", "lør", "søn"],
  de: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"], en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], id: ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
};
const closed: Record<Lang, string> = { nl: "gesloten", nb: "stengt", de: "geschlossen", en: "closed", id: "tutup" };
const locales: Record<Lang, string> = { nl: "nl-NL", nb: "nb-NO", de: "de-DE", en: "en-GB", id: "id-ID" };
const keys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

// How far ahead a closed day or special hours are worth mentioning next to the weekly hours.
export const UPCOMING_DAYS = 14;

/**
 * "ma–vr 09:00–18:00, za 10:00–17:00, zo gesloten": consecutive days with the same hours grouped. With `today` (the
 * dealer's local date) the closed days and special hours of the next two weeks follow: "…; 24 dec 09:00–16:00, 25 dec gesloten".
 */
export function formatOpeningHours(hours: BusinessHoursJson, lang: Lang, today?: string): string {
  const text = keys.map((k) => (hours[k] ?? []).map((i) => `${i.open}–${i.close}`).join(", ") || closed[lang]);
  const groups: { from: number; to: number; text: string }[] = [];
  text.forEach((t, i) => {
    const last = groups.at(-1);
    if (last && last.text === t) last.to = i;
    else groups.push({ from: i, to: i, text: t });
  });
  const names = dayNames[lang];
  const weekly = groups.map((g) => `${names[g.from]}${g.to > g.from ? `–${names[g.to]}` : ""} ${g.text}`).join(", ");
  const soon = today ? upcomingExceptions(hours, today, UPCOMING_DAYS) : [];
  return soon.length ? `${weekly}; ${soon.map((e) => `${exceptionDate(e.date, lang)} ${exceptionHours(e, lang)}`).join(", ")}` : weekly;
}

/** "24 dec", "24. des.", "24 Dec": a local date as the shopper's language writes it, without the year. */
export function exceptionDate(dateIso: string, lang: Lang, withWeekday = false): string {
  const f = dateTimeFormat(locales[lang], { timeZone: "UTC", day: "numeric", month: "short", ...(withWeekday ? { weekday: "short" } : {}) });
  return f.format(new Date(`${dateIso}T12:00:00Z`));
}

/** "09:00–16:00", or closed in the shopper's language. */
export function exceptionHours(e: HoursException, lang: Lang): string {
  return e.closed || !e.open || !e.close ? closed[lang] : `${e.open}–${e.close}`;
}
