import { describe, expect, it } from "vitest";
import type { BusinessHoursJson } from "@/db/schema";
import { upcomingExceptions, withDealerExceptions } from "@/lib/scheduling/exceptions";
import { formatOpeningHours } from "@/lib/scheduling/format-hours";
import { intervalsOn } from "@/lib/scheduling/hours";

const timeZone = "Europe/Amsterdam";
const branch: BusinessHoursJson = {
  mon: [{ open: "10:00", close: "18:00" }], thu: [{ open: "10:00", close: "18:00" }], fri: [{ open: "10:00", close: "18:00" }], sun: [],
};
const clock = (hours: BusinessHoursJson, date: string) =>
  intervalsOn(hours, date, timeZone).map((i) => `${i.start.toLocaleTimeString("nl-NL", { timeZone, hour: "2-digit", minute: "2-digit" })}–${i.end.toLocaleTimeString("nl-NL", { timeZone, hour: "2-digit", minute: "2-digit" })}`);

describe("dealer-wide exceptions", () => {
  it("lists those from today on, by date, within the days asked for", () => {
    const hours = { exceptions: [{ date: "2026-12-31", closed: true }, { date: "2026-11-30", closed: true }, { date: "2026-12-24", open: "09:00", close: "16:00" }] } as BusinessHoursJson;
    expect(upcomingExceptions(hours, "2026-12-01").map((e) => e.date)).toEqual(["2026-12-24", "2026-12-31"]);
    expect(upcomingExceptions(hours, "2026-12-11", 14).map((e) => e.date)).toEqual(["2026-12-24"]);
    expect(upcomingExceptions(hours, "2026-12-10", 14)).toEqual([]);
  });

  it("close a branch with its own hours on a holiday, and narrow its day to the special hours without opening it earlier", () => {
    const hours = withDealerExceptions(branch, [
      { date: "2026-12-25", closed: true, label: "Christmas Day" },
      { date: "2026-12-24", open: "09:00", close: "16:00" },
      { date: "2026-12-27", open: "11:00", close: "15:00" },
    ]);
    // Thursday 24 December: the branch opens at 10:00 as always and closes at 16:00 like the main showroom.
    expect(clock(hours, "2026-12-24")).toEqual(["10:00–16:00"]);
    expect(clock(hours, "2026-12-25")).toEqual([]);
    // A Sunday the branch is always closed stays closed.
    expect(clock(hours, "2026-12-27")).toEqual([]);
    expect(clock(hours, "2026-12-28")).toEqual(["10:00–18:00"]);
    expect(hours.exceptions?.[0]).toEqual({ date: "2026-12-25", closed: true, label: "Christmas Day" });
  });
});

describe("opening hours as text", () => {
  const hours = {
    mon: [{ open: "09:00", close: "18:00" }], tue: [{ open: "09:00", close: "18:00" }], sun: [],
    exceptions: [{ date: "2026-12-24", open: "09:00", close: "16:00" }, { date: "2026-12-25", closed: true, label: "Eerste kerstdag" }, { date: "2027-01-01", closed: true }],
  } as BusinessHoursJson;

  it("name the closed days and special hours of the next two weeks after the weekly hours, in the shopper's language", () => {
    expect(formatOpeningHours(hours, "nl", "2026-12-20")).toBe("ma–di 09:00–18:00, wo–zo gesloten; 24 dec 09:00–16:00, 25 dec gesloten, 1 jan gesloten");
    expect(formatOpeningHours(hours, "en", "2026-12-25")).toBe("Mon–Tue 09:00–18:00, Wed–Sun closed; 25 Dec closed, 1 Jan closed");
    expect(formatOpeningHours(hours, "nb", "2026-12-01")).toBe("man–tir 09:00–18:00, ons–søn stengt");
    expect(formatOpeningHours(hours, "nl")).toBe("ma–di 09:00–18:00, wo–zo gesloten");
  });
});
