import { dateTimeFormat } from "@/lib/format/intl";
import { zonedParts } from "@/lib/scheduling/zoned";

/**
 * The time beside a conversation in the inbox list: the clock time for today, else the day ("6 Dec").
 * "Today" is the dealership's calendar day, as in the conversation view, not the server's: near midnight,
 * or for a dealer far from the server's zone, the two disagree.
 */
export function inboxListTime(at: Date, now: Date, locale: string, timeZone: string): string {
  const today = zonedParts(at, timeZone).date === zonedParts(now, timeZone).date;
  return dateTimeFormat(locale, today ? { timeZone, hour: "2-digit", minute: "2-digit" } : { timeZone, day: "numeric", month: "short" }).format(at);
}
