import { describe, expect, it } from "vitest";
import { atLocal, fromZonedWallClock, localIso, readStart, zonedClock, zonedParts } from "@/lib/scheduling/zoned";
import { dateTimeFormat, numberFormat } from "@/lib/format/intl";

describe("wall clocks in a dealer's time zone", () => {
  it("turns a local date and time into the instant, on both sides of a daylight-saving change", () => {
    expect(atLocal("2026-03-28", "09:00", "Europe/Amsterdam").toISOString()).toBe("2026-03-28T08:00:00.000Z");
    expect(atLocal("2026-03-30", "09:00", "Europe/Amsterdam").toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(atLocal("2026-11-01", "12:00", "America/New_York").toISOString()).toBe("2026-11-01T17:00:00.000Z");
    expect(atLocal("2026-12-04", "10:00", "Asia/Jakarta").toISOString()).toBe("2026-12-04T03:00:00.000Z");
    expect(atLocal("2026-12-04", "10:00", "Asia/Kolkata").toISOString()).toBe("2026-12-04T04:30:00.000Z");
  });

  it("takes the date as the zone sees it: late evening in UTC is already tomorrow in Jakarta", () => {
    expect(fromZonedWallClock(new Date("2026-12-04T23:30:00Z"), 9, 0, "Asia/Jakarta").toISOString()).toBe("2026-12-05T02:00:00.000Z");
    expect(zonedParts(new Date("2026-12-04T23:30:00Z"), "Asia/Jakarta")).toEqual({ date: "2026-12-05", hour: 6, minute: 30, weekday: "sat" });
    expect(zonedClock(new Date("2026-07-01T10:05:00Z"), "Europe/Oslo")).toBe("12:05");
  });

  it("writes an instant on the zone's wall clock with its offset, and reads a time back with or without one", () => {
    expect(localIso(new Date("2026-12-12T09:00:00Z"), "Europe/Amsterdam")).toBe("2026-12-12T10:00:00+01:00");
    expect(localIso(new Date("2026-07-01T08:30:00Z"), "Europe/Oslo")).toBe("2026-07-01T10:30:00+02:00");
    expect(localIso(new Date("2026-12-04T04:30:00Z"), "Asia/Kolkata")).toBe("2026-12-04T10:00:00+05:30");
    expect(localIso(new Date("2026-11-01T17:00:00Z"), "America/New_York")).toBe("2026-11-01T12:00:00-05:00");
    expect(readStart("2026-12-12T10:00:00+01:00", "Asia/Jakarta").toISOString()).toBe("2026-12-12T09:00:00.000Z");
    expect(readStart("2026-12-12T09:00:00.000Z", "Asia/Jakarta").toISOString()).toBe("2026-12-12T09:00:00.000Z");
    // Without an offset it is the dealer's clock, not the server's.
    expect(readStart("2026-12-12T10:00", "Europe/Amsterdam").toISOString()).toBe("2026-12-12T09:00:00.000Z");
    expect(readStart("2026-12-12 10:00:00", "Asia/Jakarta").toISOString()).toBe("2026-12-12T03:00:00.000Z");
    expect(Number.isNaN(readStart("Saturday at ten", "Europe/Amsterdam").getTime())).toBe(true);
    // A wall-clock time off the minute is no slot, and is not read on the server's clock either.
    expect(Number.isNaN(readStart("2026-12-12T10:00:30", "Europe/Amsterdam").getTime())).toBe(true);
  });

  it("round-trips every hour of a year in zones with and without daylight saving", () => {
    for (const tz of ["Europe/Amsterdam", "Europe/Oslo", "Asia/Jakarta", "Australia/Adelaide"]) {
      for (let t = Date.UTC(2026, 0, 1, 0, 15); t < Date.UTC(2027, 0, 1); t += 5 * 3_600_000) {
        const at = new Date(t);
        const p = zonedParts(at, tz);
        const back = fromZonedWallClock(at, p.hour, p.minute, tz);
        // The same wall clock; the hour that happens twice in autumn is read as its first occurrence.
        expect(zonedParts(back, tz), `${tz} ${at.toISOString()}`).toEqual(p);
        expect(t - back.getTime(), `${tz} ${at.toISOString()}`).toBeOneOf([0, 3_600_000]);
      }
    }
  });

  it("reads a time that happens twice as its first occurrence, and a skipped one with the offset before the change", () => {
    expect(atLocal("2026-10-25", "02:30", "Europe/Amsterdam").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(atLocal("2026-03-29", "02:30", "Europe/Amsterdam").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(atLocal("2026-03-29", "01:15", "Europe/Amsterdam").toISOString()).toBe("2026-03-29T00:15:00.000Z");
    expect(atLocal("2026-03-29", "03:15", "Europe/Amsterdam").toISOString()).toBe("2026-03-29T01:15:00.000Z");
  });
});

describe("shared Intl formatters", () => {
  it("are made once per locale and options, and format as a new one would", () => {
    expect(numberFormat("nl-NL", { maximumFractionDigits: 0 })).toBe(numberFormat("nl-NL", { maximumFractionDigits: 0 }));
    expect(numberFormat("nl-NL", { maximumFractionDigits: 0 })).not.toBe(numberFormat("nb-NO", { maximumFractionDigits: 0 }));
    expect(numberFormat("nl-NL", { maximumFractionDigits: 0 }).format(23950)).toBe(new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 }).format(23950));
    const opts = { timeZone: "Europe/Oslo", hour: "2-digit", minute: "2-digit" } as const;
    expect(dateTimeFormat("nb-NO", opts)).toBe(dateTimeFormat("nb-NO", { ...opts }));
    expect(dateTimeFormat("nb-NO", opts).format(new Date("2026-07-01T10:05:00Z"))).toBe("12:05");
  });
});
