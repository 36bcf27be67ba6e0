import type { MessageStatus } from "@/db/schema";
import { zonedParts } from "@/lib/scheduling/zoned";
import { dateTimeFormat } from "@/lib/format/intl";

export type DayGroup<T> = { day: string; items: T[] };

/** Consecutive messages grouped by their calendar day in the dealership's time zone (not the server's). */
export function groupByDay<T extends { createdAt: Date }>(items: T[], timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const day = zonedParts(item.createdAt, timeZone).date;
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** "Today", "Yesterday", or the date in the tenant's locale, for a day key like 2026-03-29. */
export function dayLabel(day: string, now: Date, timeZone: string, locale: string): string {
  if (day === zonedParts(now, timeZone).date) return "Today";
  if (day === zonedParts(new Date(now.getTime() - 86_400_000), timeZone).date) return "Yesterday";
  const [y, m, d] = day.split("-").map(Number);
  const noonUtc = new Date(Date.UTC(y, m - 1, d, 12));
  const sameYear = y === Number(zonedParts(now, timeZone).date.slice(0, 4));
  return dateTimeFormat(locale, { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", ...(sameYear ? {} : { year: "numeric" }) }).format(noonUtc);
}

export type DeliveryMark = { symbol: string; text: string; tone: "muted" | "read" | "error" };

/** The tick shown under an outgoing message, with words for screen readers and the tooltip. */
export function deliveryMark(status: MessageStatus, errorTitle?: string | null): DeliveryMark | null {
  switch (status) {
    case "queued": return { symbol: "◷", text: "Sending", tone: "muted" };
    case "sent": return { symbol: "✓", text: "Sent", tone: "muted" };
    case "delivered": return { symbol: "✓✓", text: "Delivered", tone: "muted" };
    case "read": return { symbol: "✓✓", text: "Read", tone: "read" };
    case "failed": return { symbol: "!", text: `Failed${errorTitle ? `: ${errorTitle}` : ""}`, tone: "error" };
    case "not_delivered": return { symbol: "!", text: errorTitle ? capitalise(errorTitle) : "Not delivered", tone: "error" };
    default: return null;
  }
}

/** When WhatsApp's 24-hour customer service window closes, or null when it is closed already. */
export function windowClosesAt(lastInboundAt: Date | null, now = new Date()): Date | null {
  if (!lastInboundAt) return null;
  const closes = new Date(lastInboundAt.getTime() + 24 * 3600_000);
  return closes > now ? closes : null;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
