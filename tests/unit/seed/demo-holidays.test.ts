import { describe, expect, it } from "vitest";
import { buildDemoDataset, DEMO_SLUGS } from "@/db/seed/data";
import { demoHolidays, easterSunday } from "@/db/seed/data/holidays";
import { MAX_EXCEPTIONS } from "@/lib/scheduling/exceptions-form";
import { intervalsOn } from "@/lib/scheduling/hours";

const now = new Date("2026-12-06T09:30:00Z");
const brief = (slug: (typeof DEMO_SLUGS)[number], at = now) => {
  const t = buildDemoDataset(slug, at).tenant;
  return demoHolidays(slug, t, at).map((e) => `${e.date} ${e.closed ? "closed" : `${e.open}–${e.close}`} ${e.label}`);
};

describe("the demo dealers' holidays", () => {
  it("Easter Sunday by the Gregorian computus", () => {
    expect([2024, 2025, 2026, 2027, 2028, 2038, 2285].map(easterSunday)).toEqual(["2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2028-04-16", "2038-04-25", "2285-03-22"]);
  });

  it("Autohuis Van Dijk: closed at Christmas, New Year and on Koningsdag, open until 16:00 on 24 and 31 December", () => {
    expect(brief("demo-nl")).toEqual([
      "2026-12-24 09:00–16:00 Kerstavond", "2026-12-25 closed Eerste kerstdag", "2026-12-26 closed Tweede kerstdag", "2026-12-31 09:00–16:00 Oudejaarsdag",
      "2027-01-01 closed Nieuwjaarsdag", "2027-04-27 closed Koningsdag",
      // 24 December 2027 is a Friday; 26 December and 31 December fall on a Sunday and a Friday.
      "2027-12-24 09:00–16:00 Kerstavond", "2027-12-25 closed Eerste kerstdag", "2027-12-26 closed Tweede kerstdag", "2027-12-31 09:00–16:00 Oudejaarsdag",
    ]);
    // 27 April 2025 was a Sunday: Koningsdag on the Saturday before.
    expect(brief("demo-nl", new Date("2025-01-02T12:00:00Z"))).toContain("2025-04-26 closed Koningsdag");
  });

  it("Fjord Bil: closed on 17 May, from Christmas Eve to 26 December and from Maundy Thursday to Easter Monday", () => {
    expect(brief("demo-no")).toEqual([
      "2026-12-24 closed Julaften", "2026-12-25 closed Første juledag", "2026-12-26 closed Andre juledag",
      "2027-03-25 closed Skjærtorsdag", "2027-03-26 closed Langfredag", "2027-03-27 closed Påskeaften", "2027-03-28 closed Første påskedag", "2027-03-29 closed Andre påskedag",
      "2027-05-17 closed 17. mai",
      "2027-12-24 closed Julaften", "2027-12-25 closed Første juledag", "2027-12-26 closed Andre juledag",
    ]);
  });

  it("Showroom Mobil Surabaya: closed on the two days of Idul Fitri, 10:00–15:00 the week after", () => {
    const list = brief("demo-id");
    expect(list.slice(0, 3)).toEqual(["2027-03-09 closed Idul Fitri", "2027-03-10 closed Idul Fitri hari kedua", "2027-03-11 10:00–15:00 Seminggu setelah Lebaran"]);
    expect(list.filter((l) => l.includes("Lebaran"))).toHaveLength(7);
    expect(list).toHaveLength(9);
  });

  it("are the same for the same day, leave out days already past, and fit the profile form", () => {
    for (const slug of DEMO_SLUGS) {
      expect(brief(slug)).toEqual(brief(slug));
      for (const at of [new Date("2026-01-01T00:00:00Z"), new Date("2027-06-30T12:00:00Z")]) {
        const list = demoHolidays(slug, buildDemoDataset(slug, at).tenant, at);
        expect(list.length).toBeLessThanOrEqual(MAX_EXCEPTIONS);
        expect(list.every((e) => e.date >= at.toISOString().slice(0, 10))).toBe(true);
      }
    }
    expect(brief("demo-nl", new Date("2026-12-25T10:00:00Z"))[0]).toBe("2026-12-25 closed Eerste kerstdag");
  });

  it("book no demo test drive on a day the dealer is closed", () => {
    for (const slug of DEMO_SLUGS) {
      const { tenant, appointments } = buildDemoDataset(slug, new Date("2026-12-22T09:00:00Z"));
      for (const a of appointments) {
        const date = a.startsAt.toLocaleDateString("sv-SE", { timeZone: tenant.timeZone });
        expect(intervalsOn(tenant.businessHours, date, tenant.timeZone).some((i) => a.startsAt >= i.start && a.endsAt <= i.end), `${slug} ${date}`).toBe(true);
      }
    }
  });
});
