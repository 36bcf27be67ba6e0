import { z } from "zod";
import type { HoursException } from "@/db/schema";
import { addDaysIso } from "@/lib/assistant/dates";
import { zonedParts } from "./zoned";

// The "closed days and special hours" rows of a form: `exceptions.{key}.date|kind|open|close|label`, where `key` is
// the row's own number (stable while rows are added and removed, so an error stays on the row it is about).
export const MAX_EXCEPTIONS = 60;
// Far enough for next year's holidays; a typo like 2206 is caught.
const MAX_DAYS_AHEAD = 3 * 366;

export type ExceptionRow = { key: string; date: string; kind: "closed" | "hours"; open: string; close: string; label: string };

const fieldName = /^exceptions\.(\d{1,4})\.(date|kind|open|close|label)$/;
const time = /^([01]\d|2[0-3]):[0-5]\d$/;

export const exceptionFieldShape = {
  /** Present when the form lists the exceptions; without it the stored ones are kept as they are. */
  exceptionsListed: z.literal("true").optional(),
  exceptionRows: z.array(z.object({
    key: z.string(), date: z.string(), kind: z.enum(["closed", "hours"]), open: z.string(), close: z.string(), label: z.string(),
  })).default([]),
};

/** The rows of a form's fields in form order; a row left entirely blank (just added, never filled in) is no row. */
export function exceptionRowsFromFields(f: Record<string, unknown>): ExceptionRow[] {
  const rows = new Map<string, Record<string, string>>();
  for (const [name, value] of Object.entries(f)) {
    const m = fieldName.exec(name);
    if (!m) continue;
    rows.set(m[1], { ...rows.get(m[1]), [m[2]]: typeof value === "string" ? value.trim() : "" });
  }
  return [...rows].map(([key, r]): ExceptionRow => ({
    key, date: r.date ?? "", kind: r.kind === "hours" ? "hours" : "closed", open: r.open ?? "", close: r.close ?? "", label: r.label ?? "",
  })).filter((r) => r.date || r.label || (r.kind === "hours" && (r.open || r.close)));
}

/** For a schema's preprocess: the raw form fields with their rows gathered into `exceptionRows`. */
export function withExceptionRows(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  return { ...raw, exceptionRows: exceptionRowsFromFields(raw as Record<string, unknown>) };
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Field errors by field name (`exceptions.{key}.date`, …; `exceptions` for the list as a whole). `today` is the
 * dealer's local date: a date before it has passed, and is refused rather than stored.
 */
export function exceptionProblems(rows: ExceptionRow[], today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (rows.length > MAX_EXCEPTIONS) problems.exceptions = `At most ${MAX_EXCEPTIONS} dates: remove some of those furthest ahead.`;
  const seen = new Set<string>();
  for (const r of rows) {
    const at = (field: string) => `exceptions.${r.key}.${field}`;
    if (!r.date) problems[at("date")] = "Enter a date.";
    else if (!isCalendarDate(r.date)) problems[at("date")] = "Enter a real date.";
    else if (r.date < today) problems[at("date")] = "This date has passed: remove the row.";
    else if (r.date > addDaysIso(today, MAX_DAYS_AHEAD)) problems[at("date")] = "Pick a date within the next three years.";
    else if (seen.has(r.date)) problems[at("date")] = "This date is already in the list.";
    seen.add(r.date);
    if (r.kind === "hours") {
      if (!time.test(r.open)) problems[at("open")] = r.open ? "Use HH:MM." : "Enter the opening time, or mark the day closed.";
      if (!time.test(r.close)) problems[at("close")] = r.close ? "Use HH:MM." : "Enter the closing time, or mark the day closed.";
      else if (time.test(r.open) && r.close <= r.open) problems[at("close")] = "Closing time must be after opening time.";
    }
    if (r.label.length > 60) problems[at("label")] = "Keep the name under 60 characters.";
  }
  return problems;
}

/** The problems of a parsed profile-like form, checked against today in its time zone. */
export function exceptionFieldProblems(v: { exceptionsListed?: string; exceptionRows: ExceptionRow[]; timeZone: string }, now = new Date()): Record<string, string> {
  if (!v.exceptionsListed) return {};
  let today: string;
  try { today = zonedParts(now, v.timeZone).date; } catch { today = now.toISOString().slice(0, 10); }
  return exceptionProblems(v.exceptionRows, today);
}

/** Valid rows as stored: by date, closed or with their hours, the name only when given. */
export function exceptionsFromRows(rows: ExceptionRow[]): HoursException[] {
  return rows
    .map((r): HoursException => ({ date: r.date, ...(r.kind === "hours" ? { open: r.open, close: r.close } : { closed: true }), ...(r.label ? { label: r.label } : {}) }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Stored exceptions as the form's rows, numbered from 0. */
export function rowsFromExceptions(list: HoursException[]): ExceptionRow[] {
  return list.map((e, i) => ({
    key: String(i), date: e.date, kind: e.closed || !e.open || !e.close ? "closed" : "hours", open: e.open ?? "", close: e.close ?? "", label: e.label ?? "",
  }));
}
