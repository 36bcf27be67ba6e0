import type { DayPart } from "../types";
import { zonedParts } from "@/lib/scheduling/zoned";
import { clockWordsToDigits } from "./clock-words";

const weekdays: Record<string, number> = {
  zondag: 0, maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zat: 6, za: 6, zo: 0,
  søndag: 0, mandag: 1, tirsdag: 2, onsdag: 3, torsdag: 4, fredag: 5, lørdag: 6,
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sat: 6, sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5,
  minggu: 0, senin: 1, selasa: 2, rabu: 3, kamis: 4, jumat: 5, "jum'at": 5, sabtu: 6,
};

const months: Record<string, number> = {
  jan: 1, januari: 1, january: 1, januar: 1, feb: 2, februari: 2, february: 2, februar: 2, mar: 3, maart: 3, march: 3, mars: 3, märz: 3, maret: 3,
  apr: 4, april: 4, mei: 5, may: 5, mai: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, aug: 8, augustus: 8, august: 8, agustus: 8,
  sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10, october: 10, nov: 11, november: 11, nopember: 11, des: 12, dec: 12, december: 12, desember: 12, dezember: 12,
};

/** Today's date (yyyy-mm-dd) and weekday (0 = Sunday) as the wall clock in `timeZone` shows them. */
export function localToday(now: Date, timeZone: string): { iso: string; weekday: number } {
  const p = zonedParts(now, timeZone);
  return { iso: p.date, weekday: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"].indexOf(p.weekday) };
}

export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const nextWeek = /(volgende|komende|next|neste|kommende[nr]?|nächste[nr]?|depan)\s*$/;
// "volgende week zaterdag", "next week Saturday", "neste uke lørdag": that day of the coming calendar week (from Monday).
const inNextWeek = /(volgende|komende|next|neste|kommende|nächste[nr]?)\s+(week|uke|woche)\s*$/;

/** The first weekday the text names ("dinsdag", "zaterdagochtend", "za 11:00"), and where. */
function namedWeekday(t: string): { day: number; index: number; end: number } | undefined {
  for (const m of t.matchAll(/[\p{L}']+/gu)) {
    // "zaterdagochtend", "Samstagnachmittag": the weekday with a part of the day written onto it.
    const compound = /^(\p{L}{5,}?)(?:ochtend|middag|avond|morgen|vormittag|nachmittag|abend)$/u.exec(m[0])?.[1];
    const day = weekdays[m[0]] ?? (compound ? weekdays[compound] : undefined);
    if (day === undefined) continue;
    // Two-letter Dutch abbreviations only count in "za 11:00"-like use, never as ordinary words.
    if (m[0].length <= 3 && !/^\s*(\d|ochtend|middag|morgen)/.test(t.slice(m.index! + m[0].length))) continue;
    return { day, index: m.index!, end: m.index! + m[0].length };
  }
  return undefined;
}

function weekdayDate(t: string, today: { iso: string; weekday: number }): string | undefined {
  const named = namedWeekday(t);
  if (!named) return undefined;
  const { day, index, end } = named;
  if (inNextWeek.test(t.slice(0, index))) {
    const toMonday = (1 - today.weekday + 7) % 7 || 7;
    return addDaysIso(today.iso, toMonday + ((day + 6) % 7));
  }
  const explicitNext = nextWeek.test(t.slice(0, index)) || /^\s*depan/.test(t.slice(end));
  const ahead = (day - today.weekday + 7) % 7;
  return addDaysIso(today.iso, ahead === 0 && explicitNext ? 7 : ahead);
}

const weekCounts: Record<string, number> = {
  een: 1, één: 1, a: 1, one: 1, ein: 1, eine: 1, einer: 1, en: 1, ei: 1, ett: 1, satu: 1, se: 1,
  twee: 2, zwei: 2, two: 2, to: 2, dua: 2, drie: 3, drei: 3, three: 3, tre: 3, tiga: 3,
};
const weeksIn = (count: string) => weekCounts[count] ?? Number(count);
const weekCount = String.raw`(\d|${Object.keys(weekCounts).join("|")})`;
// "over twee weken", "in zwei Wochen", "om to uker", "in two weeks", "dua minggu lagi", "seminggu lagi".
const weeksOn = new RegExp(String.raw`(?<!\p{L})(?:(?:over|in|om)\s+${weekCount}\s+(?:weken|week|wochen|woche|weeks|uker|uke)|${weekCount}\s*minggu\s+lagi)(?!\p{L})`, "u");
// "a week from Tuesday", "two weeks from Friday": counted from that coming weekday.
const weeksFrom = new RegExp(String.raw`(?<!\p{L})${weekCount}\s+weeks?\s+from\s+(?:on\s+)?$`, "u");

/**
 * "over twee weken dinsdag", "Tuesday in two weeks", "dua minggu lagi hari selasa": the named weekday nearest the day
 * that many weeks on; "a week from Tuesday": a week after the coming Tuesday. `rest` is the text with the weeks (`on`)
 * blanked out. Weeks without a weekday name no day: "over twee weken geleverd" asks for no visit.
 */
function weeksOnDate(rest: string, on: RegExpExecArray | null, today: { iso: string; weekday: number }): string | undefined {
  const named = namedWeekday(rest);
  if (!named) return undefined;
  const from = weeksFrom.exec(rest.slice(0, named.index));
  if (from) return addDaysIso(today.iso, ((named.day - today.weekday + 7) % 7 || 7) + 7 * weeksIn(from[1]));
  if (!on) return undefined;
  const ahead = (named.day - today.weekday + 7) % 7;
  return addDaysIso(today.iso, 7 * weeksIn(on[1] ?? on[2]) + (ahead > 3 ? ahead - 7 : ahead));
}

function calendarDate(t: string, today: { iso: string }): string | undefined {
  const [year, month, day] = today.iso.split("-").map(Number);
  const pick = (d: number, m: number, y?: number) => {
    // "31 februari" is no day: no date rather than 3 March.
    if (d < 1 || m < 1 || m > 12 || d > new Date(Date.UTC(y ?? year, m, 0)).getUTCDate()) return undefined;
    const candidate = iso(y ?? year, m, d);
    return y || candidate >= iso(year, month, day) ? candidate : iso(year + 1, m, d);
  };
  const named = /\b(\d{1,2})\.?\s*([\p{L}]{3,9})\b(?:\s+(\d{4}))?/u.exec(t);
  if (named && months[named[2]]) return pick(Number(named[1]), months[named[2]], named[3] ? Number(named[3]) : undefined);
  const english = /\b([\p{L}]{3,9})\s+(\d{1,2})(?:st|nd|rd|th)?\b/u.exec(t);
  if (english && months[english[1]]) return pick(Number(english[2]), months[english[1]]);
  // "15-3", "15/03", "15.03.2026"; a lone "2.0" is an engine size, not the second of January.
  const numeric = /(?<![\d.,:])(\d{1,2})(?:[-/](\d{1,2})(?:[-/](\d{4}|\d{2}))?|\.(\d{1,2})\.(\d{4}|\d{2}))(?![\d.,:])/.exec(t);
  if (numeric && !/^\s*(uur|u\b|h\b|am|pm|jt|juta|k\b)/.test(t.slice(numeric.index + numeric[0].length))) {
    const rawYear = numeric[3] ?? numeric[5];
    const y = rawYear ? Number(rawYear.length === 2 ? `20${rawYear}` : rawYear) : undefined;
    return pick(Number(numeric[1]), Number(numeric[2] ?? numeric[4]), y);
  }
  return undefined;
}

const todayWords = /(^|[^\p{L}])(vandaag|vanmiddag|vanavond|vanochtend|i dag|i kveld|heute|heute nachmittag|today|tonight|this (afternoon|evening|morning)|hari ini|nanti (siang|sore|malam))([^\p{L}]|$)/u;

/** A day named in the message ("zaterdag", "i morgen", "besok", "15 maart") as a date in the tenant's time zone. */
export function extractDate(text: string, now: Date, timeZone: string): string | undefined {
  const t = text.toLowerCase();
  const today = localToday(now, timeZone);
  if (/(^|[^\p{L}])(overmorgen|übermorgen|day after tomorrow|lusa)([^\p{L}]|$)/u.test(t)) return addDaysIso(today.iso, 2);
  if (todayWords.test(t)) return today.iso;
  if (/(^|[^\p{L}])(morgen(?:ochtend|middag|avond|vroeg)?|i morgen|imorgen|tomorrow|tmrw|tmr|besok|bsk|esok)([^\p{L}]|$)/u.test(t) && !/(goede|guten|good|god)\s*morgen/.test(t)) {
    return addDaysIso(today.iso, 1);
  }
  if (/\b(dit weekend|this weekend|weekend|i helgen|helgen|am wochenende|wochenende|akhir pekan|weekend ini)\b/.test(t)) return addDaysIso(today.iso, (6 - today.weekday + 7) % 7);
  // "dua minggu lagi": "minggu" is the week there, not Sunday.
  const on = weeksOn.exec(t);
  const rest = on ? `${t.slice(0, on.index)}${" ".repeat(on[0].length)}${t.slice(on.index + on[0].length)}` : t;
  return weeksOnDate(rest, on, today) ?? weekdayDate(rest, today) ?? calendarDate(rest, today);
}

/**
 * The same weekday a week on, when `date` is today and the message named it by its weekday alone ("zaterdag" said on a
 * Saturday): once today's times are gone, that is the day the shopper means. Undefined for any other date or wording.
 */
export function sameWeekdayNextWeek(text: string, date: string, now: Date, timeZone: string): string | undefined {
  const t = text.toLowerCase();
  const today = localToday(now, timeZone);
  if (date !== today.iso || todayWords.test(t) || weekdayDate(t, today) !== today.iso) return undefined;
  return addDaysIso(date, 7);
}

const dayparts: Record<string, "am" | "pm"> = { pm: "pm", am: "am", siang: "pm", sore: "pm", malam: "pm", pagi: "am", "'s middags": "pm", "s middags": "pm", "'s ochtends": "am", nachmittags: "pm", "om middagen": "pm", "på ettermiddagen": "pm" };

// Figures that count something else: "om 2 uker", "na 5 jaar", "at 20k".
const notClock = String.raw`(?:k\b|jt|juta|rb|ribu|mille|euro|eur|€|kr|km|tkm|(?:weken|weeks?|wochen|woche|uker?|minggu|dagen|dager|days?|tage?n?|min|minuten|minutes|jaar|years?|jahren?|år|tahun|maanden|months?|monate?n?|måneder|bulan)(?!\p{L}))`;
const clockAfterWord = new RegExp(String.raw`(?:^|[^\p{L}])(?:om|kl\.?|klokka|klokken|um|at|jam|pukul|rond|tegen|around|ca\.?|omstreeks|ab)\s*(\d{1,2})(?:[:.](\d{2}))?(?!\d|[.,]\d|\s*${notClock})\s*(uur|u\b|h\b|uhr|pm|am|siang|sore|pagi|malam|'s middags|s middags|'s ochtends|nachmittags)?`, "u");
const afterClock = new RegExp(String.raw`(?<!\p{L})(?:na|nach|after|etter|setelah|sesudah)\s+(?:kl\.?\s*|klokka\s+|klokken\s+|jam\s+)?(\d{1,2})(?:[:.]00)?(?![\d.,:]|\s*${notClock})\s*(uur|u\b|uhr|h\b|o'?clock|pm|am|pagi|siang|sore|malam)?`, "u");

/** "om 14:00", "kl 14", "at 3pm", "jam 2 siang", "um 10 Uhr", "Viertel nach zwei" → "HH:MM"; a bare small hour is taken inside opening hours. */
export function extractTime(text: string): string | undefined {
  const t = clockWordsToDigits(text.toLowerCase());
  const m =
    clockAfterWord.exec(t) ??
    /(?<![\d.,])(\d{1,2})[:.](\d{2})(?![\d.,])\s*(pm|am)?/.exec(t) ??
    /(?<![\d.,])(\d{1,2})\s*(pm|am|uur|uhr)\b/.exec(t);
  if (!m) return undefined;
  const hasMinutes = m[2] !== undefined && /^\d{2}$/.test(m[2]);
  const minute = hasMinutes ? Number(m[2]) : 0;
  const suffix = (hasMinutes ? m[3] : (m[3] ?? m[2]))?.trim();
  const hour = dealerHour(Number(m[1]), suffix);
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** "na vijven", "after 5pm", "nach 17 Uhr", "etter klokka fem", "setelah jam 5": the local hour from which the shopper can come. */
export function extractAfterHour(text: string): number | undefined {
  const t = clockWordsToDigits(text.toLowerCase());
  const m = afterClock.exec(t);
  const hour = m ? dealerHour(Number(m[1]), m[2]) : undefined;
  return hour !== undefined && hour <= 23 ? hour : undefined;
}

/** The hour on the 24-hour clock: "2 pm" and, at a car dealer, "om 2 uur" are the afternoon. */
function dealerHour(hour: number, suffix: string | undefined): number {
  const part = suffix ? dayparts[suffix] : undefined;
  if (part === "pm" && hour < 12) return hour + 12;
  if (part === "am" && hour === 12) return 0;
  return !part && hour >= 1 && hour <= 6 ? hour + 12 : hour;
}

/** The local hours a part of the day spans, [from, to). */
export const dayPartHours: Record<DayPart, [number, number]> = { morning: [0, 12], afternoon: [12, 17], evening: [17, 24] };

// "'s middags", "tomorrow afternoon", "zaterdagmiddag", "am Nachmittag", "i ettermiddag", "besok sore". Not "morgen"
// (tomorrow in Dutch and German), and not Dutch "middag" alone, which is as often lunchtime ("tussen de middag").
const dayCompound = String.raw`(?:dag|tag|morgen|heute|vandaag)\s?`;
const dayPartWords: [DayPart, RegExp][] = [
  ["morning", new RegExp(String.raw`${dayCompound}(?:ochtend|vormittag)|(?:dag|tag)morgen|(?<!\p{L})(?:'?s ochtends|vanochtend|ochtend|morning|vormittags?|morgens|früh|formiddag(?:en)?|i morges|pagi)(?!\p{L})`, "iu")],
  ["afternoon", new RegExp(String.raw`${dayCompound}(?:middag|nachmittag)|(?<!\p{L})(?:'?s middags|vanmiddag|middag(?= (?:om|rond|na)\b)|afternoon|nachmittags?|ettermiddag(?:en)?|siang|sore)(?!\p{L})`, "iu")],
  ["evening", new RegExp(String.raw`${dayCompound}(?:avond|abend)|(?<!\p{L})(?:'?s avonds|vanavond|avond|evening|tonight|abends?|kveld(?:en)?|malam|petang)(?!\p{L})`, "iu")],
];

/** The part of the day a shopper asks for ("tomorrow afternoon", "zaterdagochtend", "besok sore"), or undefined. */
export function extractDayPart(text: string): DayPart | undefined {
  const unGreeted = text.replace(greetings, " ");
  return dayPartWords.find(([, words]) => words.test(unGreeted))?.[0];
}

// "Selamat pagi", "good evening", "goedemiddag": a greeting names no time to come by.
const greetings = /(?<!\p{L})(?:selamat|good|guten|god|goede[nr]?)\s?(?:pagi|siang|sore|malam|morning|afternoon|evening|morgen|middag|avond|abend|kveld|ettermiddag)(?!\p{L})/giu;
