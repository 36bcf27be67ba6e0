import { describe, expect, it } from "vitest";
import { exceptionProblems, exceptionRowsFromFields, exceptionsFromRows, rowsFromExceptions, type ExceptionRow } from "@/lib/scheduling/exceptions-form";
import { profileSchema } from "@/lib/settings";

const today = "2026-12-01";
const row = (key: string, r: Partial<ExceptionRow>): ExceptionRow => ({ key, date: "", kind: "closed", open: "", close: "", label: "", ...r });

describe("closed days and special hours in a form", () => {
  it("gathers each row's fields by its key, in form order, and ignores a row left blank", () => {
    const rows = exceptionRowsFromFields({
      name: "Autohuis", "exceptions.7.date": "2026-12-25", "exceptions.7.kind": "closed", "exceptions.7.label": " Christmas Day ",
      "exceptions.2.date": "2026-12-24", "exceptions.2.kind": "hours", "exceptions.2.open": "09:00", "exceptions.2.close": "16:00", "exceptions.2.label": "",
      "exceptions.9.date": "", "exceptions.9.kind": "closed", "exceptions.9.label": "",
      "exceptions.x.date": "2026-12-26", "exceptions.3.weekday": "mon",
    });
    expect(rows).toEqual([
      { key: "7", date: "2026-12-25", kind: "closed", open: "", close: "", label: "Christmas Day" },
      { key: "2", date: "2026-12-24", kind: "hours", open: "09:00", close: "16:00", label: "" },
    ]);
  });

  it("stores valid rows by date, closed or with their hours, and reads them back as rows", () => {
    const stored = exceptionsFromRows([
      row("0", { date: "2026-12-25", label: "Christmas Day" }),
      row("1", { date: "2026-12-24", kind: "hours", open: "09:00", close: "16:00" }),
    ]);
    expect(stored).toEqual([{ date: "2026-12-24", open: "09:00", close: "16:00" }, { date: "2026-12-25", closed: true, label: "Christmas Day" }]);
    expect(rowsFromExceptions(stored).map((r) => [r.key, r.date, r.kind, r.open, r.close, r.label])).toEqual([
      ["0", "2026-12-24", "hours", "09:00", "16:00", ""], ["1", "2026-12-25", "closed", "", "", "Christmas Day"],
    ]);
  });

  it("names the field of each bad row: missing, unreal, past or duplicate dates, and hours that are missing or backwards", () => {
    const problems = exceptionProblems([
      row("0", { date: "2026-12-25" }),
      row("1", { date: "2026-12-25", label: "again" }),
      row("2", { date: "2026-02-30" }),
      row("3", { date: "2026-11-30" }),
      row("4", { label: "Koningsdag" }),
      row("5", { date: "2026-12-24", kind: "hours", open: "16:00", close: "09:00" }),
      row("6", { date: "2026-12-31", kind: "hours", open: "", close: "4pm" }),
      row("7", { date: "2031-01-01" }),
      row("8", { date: today, label: "x".repeat(61) }),
    ], today);
    expect(problems).toEqual({
      "exceptions.1.date": "This date is already in the list.",
      "exceptions.2.date": "Enter a real date.",
      "exceptions.3.date": "This date has passed: remove the row.",
      "exceptions.4.date": "Enter a date.",
      "exceptions.5.close": "Closing time must be after opening time.",
      "exceptions.6.open": "Enter the opening time, or mark the day closed.",
      "exceptions.6.close": "Use HH:MM.",
      "exceptions.7.date": "Pick a date within the next three years.",
      "exceptions.8.label": "Keep the name under 60 characters.",
    });
  });

  it("accepts at most 60 dates", () => {
    const rows = Array.from({ length: 61 }, (_, i) => row(String(i), { date: `2027-${String(1 + Math.floor(i / 28)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}` }));
    expect(exceptionProblems(rows.slice(0, 60), today)).toEqual({});
    expect(exceptionProblems(rows, today)).toEqual({ exceptions: "At most 60 dates: remove some of those furthest ahead." });
  });

  it("the profile schema reports them next to the other fields, and leaves the list alone when the form does not show it", () => {
    const base = { name: "Autohuis", locale: "nl-NL", currency: "EUR", timeZone: "Europe/Amsterdam", primaryColor: "#0b4f8a" };
    const bad = profileSchema.safeParse({ ...base, exceptionsListed: "true", "exceptions.4.date": "2030-13-01", "exceptions.4.kind": "closed" });
    expect(bad.success ? null : bad.error.flatten().fieldErrors).toEqual({ "exceptions.4.date": ["Enter a real date."] });
    const unlisted = profileSchema.safeParse({ ...base, "exceptions.4.date": "2030-13-01" });
    expect(unlisted.success && unlisted.data.exceptionsListed).toBe(undefined);
  });
});
