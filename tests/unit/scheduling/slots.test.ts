import { describe, expect, it } from "vitest";
import type { BusinessHoursJson } from "@/db/schema";
import { findSlots } from "@/lib/scheduling/hours";

const timeZone = "Europe/Amsterdam";
const weekdays: BusinessHoursJson = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat"].map((d) => [d, [{ open: "09:00", close: "18:00" }]]));
const local = (d: Date) => d.toLocaleString("nl-NL", { timeZone, weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

describe("test-drive slots", () => {
  it("start two hours ahead at the earliest, at most two a day, spread over the coming days", () => {
    // Wednesday 9 December 2026, 10:00 in Amsterdam.
    const slots = findSlots({ hours: weekdays, timeZone, from: new Date("2026-12-09T09:00:00Z"), busy: [], limit: 4 }).map(local);
    expect(slots).toEqual(["woensdag 9 december om 12:00", "woensdag 9 december om 14:30", "donderdag 10 december om 09:00", "donderdag 10 december om 11:30"]);
  });

  it("skip a time that overlaps a booking", () => {
    const busy = [{ start: new Date("2026-12-09T11:00:00Z"), end: new Date("2026-12-09T11:45:00Z") }];
    const [first] = findSlots({ hours: weekdays, timeZone, from: new Date("2026-12-09T09:00:00Z"), busy, limit: 1 }).map(local);
    // Booked 12:00–12:45: 12:30 would overlap it.
    expect(first).toBe("woensdag 9 december om 13:00");
  });

  it("still find times for a showroom open one day a week, asked on that day after its last time", () => {
    const sundays: BusinessHoursJson = { sun: [{ open: "11:00", close: "15:00" }] };
    // Sunday 6 December 2026, 12:20 in Amsterdam: today's last time (14:00) is less than two hours away.
    const slots = findSlots({ hours: sundays, timeZone, from: new Date("2026-12-06T11:20:00Z"), busy: [], limit: 4 }).map(local);
    expect(slots).toEqual(["zondag 13 december om 11:00", "zondag 13 december om 13:30"]);
  });

  it("on an asked day, only that day's times, 90 minutes apart", () => {
    const slots = findSlots({ hours: weekdays, timeZone, from: new Date("2026-12-09T09:00:00Z"), busy: [], onDate: "2026-12-12", limit: 4 }).map(local);
    expect(slots).toEqual(["zaterdag 12 december om 09:00", "zaterdag 12 december om 10:30", "zaterdag 12 december om 12:00", "zaterdag 12 december om 13:30"]);
  });

  it("in an asked part of the day, only times starting then, on the local clock", () => {
    const afternoon = findSlots({ hours: weekdays, timeZone, from: new Date("2026-12-09T09:00:00Z"), busy: [], onDate: "2026-12-12", limit: 4, withinHours: [12, 17] }).map(local);
    expect(afternoon).toEqual(["zaterdag 12 december om 12:00", "zaterdag 12 december om 13:30", "zaterdag 12 december om 15:00", "zaterdag 12 december om 16:30"]);
    // Open until 18:00, so the evening's last time starts at 17:00 (a 45-minute drive).
    expect(findSlots({ hours: weekdays, timeZone, from: new Date("2026-12-09T09:00:00Z"), busy: [], onDate: "2026-12-12", withinHours: [17, 24] }).map(local))
      .toEqual(["zaterdag 12 december om 17:00"]);
  });
});
