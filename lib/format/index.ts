import { dateTimeFormat, numberFormat as formatter } from "./intl";

// Plain spaces so the same text works in WhatsApp, HTML and tests.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

/** € 23.950 · kr 249 900 · Rp 185.000.000 — the way dealers in each market write prices. */
export function formatPrice(amount: number, currency: string, locale: string): string {
  if (currency === "NOK") return `kr ${plain(formatter("nb-NO", { maximumFractionDigits: 0 }).format(amount))}`;
  return plain(formatter(locale, { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(amount));
}

export function formatNumber(n: number, locale: string): string {
  return plain(formatter(locale, { maximumFractionDigits: 0 }).format(n));
}

/** A chart's figure: 1.234 · 1 234 · 0,5, and large ones short (123K, 123k, 123 rb) so axis labels stay narrow. */
export function formatChartNumber(n: number, locale: string): string {
  return plain(formatter(locale, { maximumFractionDigits: 1, notation: Math.abs(n) >= 100_000 ? "compact" : "standard" }).format(n));
}

/** A large count in short: 2M · 1,8 mln. · 150k · 12,3 rb, for usage figures where the exact number does not matter. */
export function formatCompactNumber(n: number, locale: string): string {
  return plain(formatter(locale, { notation: "compact", maximumFractionDigits: 1 }).format(n));
}

/** A share as a whole percentage: 45% · 45 % · 45%. */
export function formatPercent(share: number, locale: string): string {
  return plain(formatter(locale, { style: "percent", maximumFractionDigits: 0 }).format(share));
}

export function formatMileage(km: number, locale: string): string {
  return `${formatNumber(km, locale)} km`;
}

export function formatDateTime(at: Date, locale: string, timeZone: string): string {
  return plain(dateTimeFormat(locale, { timeZone, weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }).format(at));
}

/** A moment with its year, for staff: "8 dec 2026, 11:45" · "8. des. 2026, 11:45" · "8 Des 2026, 11.45". */
export function formatDateTimeShort(at: Date, locale: string, timeZone: string): string {
  return plain(dateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(at));
}

export function formatDate(at: Date, locale: string, timeZone: string): string {
  return plain(dateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year: "numeric" }).format(at));
}

/** A calendar day (a YYYY-MM-DD read as UTC midnight) without its year: "2 mei", "2. mai", "2 Mei", for chart axes. */
export function formatDayMonth(day: Date, locale: string): string {
  return plain(dateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(day));
}

/**
 * A calendar month (its first day read as UTC midnight): "december 2026", "desember 2026", "Desember 2026" — with its
 * year, never "dec 26", which reads as a day; short, without the year, under a chart's bar: "dec", "des", "Des".
 */
export function formatMonth(month: Date, locale: string, length: "long" | "short" = "long"): string {
  return plain(dateTimeFormat(locale, { month: length, ...(length === "long" ? { year: "numeric" } : {}), timeZone: "UTC" }).format(month));
}
