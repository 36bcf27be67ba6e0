import type { DayPart } from "../types";
import { zonedParts } from "@/lib/scheduling/zoned";

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

function weekdayDate(t: string, today: { iso: string; weekday: number }): string | undefined {
  for (const m of t.matchAll(/[\p{L}']+/gu)) {
    // "zaterdagochtend", "Samstagnachmittag": the weekday with a part of the day written onto it.
    const compound = /^(\p{L}{5,}?)(?:ochtend|middag|avond|morgen|vormittag|nachmittag|abend)$/u.exec(m[0])?.[1];
    const day = weekdays[m[0]] ?? (compound ? weekdays[compound] : undefined);
    if (day === undefined) continue;
    // Two-letter Dutch abbreviations only count in "za 11:00"-like use, never as ordinary words.
    if (m[0].length <= 3 && !/^\s*(\d|ochtend|middag|morgen)/.test(t.slice(m.index! + m[0].length))) continue;
    if (inNextWeek.test(t.slice(0, m.index))) {
      const toMonday = (1 - today.weekday + 7) % 7 || 7;
      return addDaysIso(today.iso, toMonday + ((day + 6) % 7));
    }
    const explicitNext = nextWeek.test(t.slice(0, m.index)) || /^\s*depan/.test(t.slice(m.index! + m[0].length));
    const ahead = (day - today.weekday + 7) % 7;
    return addDaysIso(today.iso, ahead === 0 && explicitNext ? 7 : ahead);
  }
  return undefined;
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
  return weekdayDate(t, today) ?? calendarDate(t, today);
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

/** "om 14:00", "kl 14", "at 3pm", "jam 2 siang", "um 10 Uhr" → "HH:MM"; a bare small hour is taken inside opening hours. */
export function extractTime(text: string): string | undefined {
  const t = text.toLowerCase();
  const m =
    /(?:^|[^\p{L}])(?:om|kl\.?|klokka|klokken|um|at|jam|pukul|rond|tegen|around|ca\.?|omstreeks|ab)\s*(\d{1,2})(?:[:.](\d{2}))?(?!\d|[.,]\d|\s*(?:k\b|jt|juta|rb|ribu|mille|euro|eur|€|kr|km|tkm))\s*(uur|u\b|h\b|uhr|pm|am|siang|sore|pagi|malam|'s middags|s middags|'s ochtends|nachmittags)?/u.exec(t) ??
    /(?<![\d.,])(\d{1,2})[:.](\d{2})(?![\d.,])\s*(pm|am)?/.exec(t) ??
    /(?<![\d.,])(\d{1,2})\s*(pm|am|uur|uhr)\b/.exec(t);
  // "om half 3" / "um halb 3" is half an hour before three.
  const half = /(?:^|[^\p{L}])(?:half|halb)\s+(\d{1,2})(?!\d)/u.exec(t);
  if (half && (!m || half.index <= m.index)) return extractTime(`${Number(half[1]) - 1}:30`);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const hasMinutes = m[2] !== undefined && /^\d{2}$/.test(m[2]);
  const minute = hasMinutes ? Number(m[2]) : 0;
  const suffix = (hasMinutes ? m[3] : (m[3] ?? m[2]))?.trim();
  const part = suffix ? dayparts[suffix] : undefined;
  if (part === "pm" && hour < 12) hour += 12;
  else if (part === "am" && hour === 12) hour = 0;
  // "om 2 uur" at a car dealer means the afternoon.
  else if (!part && hour >= 1 && hour <= 6) hour += 12;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
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
