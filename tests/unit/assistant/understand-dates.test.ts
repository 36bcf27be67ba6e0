import { describe, expect, it } from "vitest";
import { understandMessage } from "@/lib/assistant/understand";
import { extractAfterHour, extractDate, extractDayPart, extractTime, sameWeekdayNextWeek } from "@/lib/assistant/understand/dates";

// Wednesday 11 March 2026, 10:00 in Amsterdam and 16:00 in Jakarta.
const now = new Date("2026-03-11T09:00:00Z");
const dateIn = (text: string, timeZone = "Europe/Amsterdam", at = now) =>
  understandMessage(text, { defaultLang: "nl", now: at, timeZone }).entities.date;

describe("dates relative to now in the tenant's time zone", () => {
  it.each([
    ["vandaag", "2026-03-11"], ["i dag", "2026-03-11"], ["heute", "2026-03-11"], ["today", "2026-03-11"], ["hari ini", "2026-03-11"],
    ["morgen", "2026-03-12"], ["i morgen", "2026-03-12"], ["tomorrow", "2026-03-12"], ["besok", "2026-03-12"],
    ["overmorgen", "2026-03-13"], ["lusa", "2026-03-13"], ["übermorgen", "2026-03-13"],
    ["zaterdag", "2026-03-14"], ["lørdag", "2026-03-14"], ["Samstag", "2026-03-14"], ["sabtu", "2026-03-14"], ["saturday", "2026-03-14"],
    ["maandag", "2026-03-16"], ["woensdag", "2026-03-11"], ["volgende woensdag", "2026-03-18"],
    ["15 maart", "2026-03-15"], ["20/3", "2026-03-20"], ["2 januari", "2027-01-02"],
  ])("%s → %s", (text, iso) => expect(dateIn(text)).toBe(iso));

  it("uses the tenant's wall clock, not UTC, around midnight", () => {
    const lateUtc = new Date("2026-03-11T20:00:00Z"); // 21:00 in Amsterdam, already 03:00 on the 12th in Jakarta
    expect(dateIn("morgen", "Europe/Amsterdam", lateUtc)).toBe("2026-03-12");
    expect(dateIn("besok", "Asia/Jakarta", lateUtc)).toBe("2026-03-13");
    expect(dateIn("hari ini", "Asia/Jakarta", lateUtc)).toBe("2026-03-12");
  });

  it("reads no date from a day the month does not have", () => {
    expect(dateIn("Kan ik op 31 februari komen?")).toBeUndefined();
    expect(dateIn("31/4")).toBeUndefined();
    expect(dateIn("30 april")).toBe("2026-04-30");
  });

  it("does not read a greeting or an engine size as a date", () => {
    expect(dateIn("Goedemorgen!")).toBeUndefined();
    expect(dateIn("Guten Morgen")).toBeUndefined();
    expect(dateIn("Golf 2.0 TDI")).toBeUndefined();
  });
});

describe("times", () => {
  it.each([
    ["om 14:00", "14:00"], ["kl 14", "14:00"], ["kl. 9.30", "09:30"], ["um 10 Uhr", "10:00"], ["at 3pm", "15:00"],
    ["jam 2 siang", "14:00"], ["jam 10 pagi", "10:00"], ["om 2 uur", "14:00"], ["om half 3", "14:30"], ["pukul 16.00", "16:00"],
  ])("%s → %s", (text, time) => expect(extractTime(text)).toBe(time));

  it("does not read prices or years as times", () => {
    expect(extractTime("ab 2018")).toBeUndefined();
    expect(extractTime("at 20k")).toBeUndefined();
    expect(extractTime("om 25 uur")).toBeUndefined();
  });

  // A spoken hour is placed inside opening hours as "om 3" is: "zwei" and "twee" o'clock are 14:00 at a car dealer.
  it.each([
    ["um Viertel nach zwei", "14:15"], ["um halb drei", "14:30"], ["Viertel vor drei", "14:45"], ["um drei Uhr", "15:00"], ["ab zehn Uhr", "10:00"],
    ["om kwart over twee", "14:15"], ["om half drie", "14:30"], ["kwart voor elf", "10:45"], ["om drie uur", "15:00"], ["om half 3", "14:30"],
    ["kvart over to", "14:15"], ["klokka halv tre", "14:30"], ["kvart på tre", "14:45"], ["klokka ti", "10:00"],
    ["jam dua seperempat", "14:15"], ["jam setengah tiga", "14:30"], ["jam tiga kurang seperempat", "14:45"], ["jam sepuluh pagi", "10:00"],
    ["at quarter past two", "14:15"], ["half past ten", "10:30"], ["tomorrow at half two", "14:30"], ["half eleven?", "11:30"], ["quarter to three", "14:45"], ["tomorrow at three?", "15:00"],
  ])("%s → %s", (text, time) => expect(extractTime(text)).toBe(time));

  it("does not read counted weeks, hours or things as a time", () => {
    expect(extractTime("om 2 uker på tirsdag")).toBeUndefined();
    expect(extractTime("om twee auto's te vergelijken")).toBeUndefined();
    expect(extractTime("I am looking at one of your cars")).toBeUndefined();
  });
});

describe("a time from which the shopper can come", () => {
  it.each([
    ["kan ik na vijven langskomen?", 17], ["na 5 uur", 17], ["na 17:00", 17], ["after 5pm", 17], ["after five?", 17],
    ["nach 17 Uhr", 17], ["etter klokka fem", 17], ["setelah jam 4 sore", 16],
  ])("%s → from %i:00", (text, hour) => expect(extractAfterHour(text)).toBe(hour));

  it.each(["na 5 jaar", "after 2 weeks", "na 17:30", "Viertel nach zwei", "nach Hause"])("is none in %s", (text) => expect(extractAfterHour(text)).toBeUndefined());

  it("asks for a visit as a time does", () => {
    expect(understandMessage("sesudah jam 5 sore bisa?", { defaultLang: "id", now, timeZone: "Asia/Jakarta" }).intents[0]).toBe("test_drive");
  });

  it("replaces the time it would otherwise read", () => {
    const e = understandMessage("Kan ik morgen na 5 uur langskomen?", { defaultLang: "nl", now, timeZone: "Europe/Amsterdam" }).entities;
    expect(e).toMatchObject({ date: "2026-03-12", afterHour: 17 });
    expect(e.time).toBeUndefined();
  });
});

describe("a weekday of next week", () => {
  it("is that day of the coming calendar week, not the coming day", () => {
    const friday = new Date("2026-12-04T09:00:00Z");
    const date = (text: string) => extractDate(text, friday, "Europe/Amsterdam");
    expect(date("Kan ik volgende week zaterdag komen?")).toBe("2026-12-12");
    expect(date("next week Saturday?")).toBe("2026-12-12");
    expect(date("neste uke lørdag")).toBe("2026-12-12");
    expect(date("nächste Woche Montag")).toBe("2026-12-07");
    // Without "week" the next such day is meant: tomorrow, on a Friday.
    expect(date("volgende zaterdag")).toBe("2026-12-05");
    expect(extractDate("volgende week zaterdag", new Date("2026-12-06T09:00:00Z"), "Europe/Amsterdam")).toBe("2026-12-12");
  });
});


describe("a weekday some weeks on", () => {
  // Wednesday 11 March 2026: the Tuesday nearest the 25th is the 24th.
  it.each([
    ["over twee weken dinsdag", "2026-03-24"], ["dinsdag over twee weken", "2026-03-24"], ["kan ik over 2 weken op vrijdag komen?", "2026-03-27"],
    ["om to uker på tirsdag", "2026-03-24"], ["Dienstag in zwei Wochen", "2026-03-24"], ["dua minggu lagi hari selasa", "2026-03-24"],
    ["Tuesday in two weeks", "2026-03-24"], ["a week from Tuesday", "2026-03-24"], ["two weeks from Thursday", "2026-03-26"],
    ["seminggu lagi hari jumat", "2026-03-20"],
  ])("%s → %s", (text, iso) => expect(dateIn(text)).toBe(iso));

  it("names no day without a weekday, so a delivery time asks for no visit", () => {
    for (const text of ["Kan de auto over twee weken geleverd worden?", "Can you deliver it in a week?", "mobilnya bisa dikirim dua minggu lagi?"]) {
      const u = understandMessage(text, { defaultLang: "nl", now, timeZone: "Europe/Amsterdam" });
      expect(u.entities.date).toBeUndefined();
      expect(u.intents).not.toContain("test_drive");
    }
  });

  it("counts from a Friday to the Tuesday of the week after next", () => {
    expect(extractDate("dinsdag over twee weken", new Date("2026-12-04T09:00:00Z"), "Europe/Amsterdam")).toBe("2026-12-15");
    expect(extractDate("a week from Tuesday", new Date("2026-12-04T09:00:00Z"), "Europe/Amsterdam")).toBe("2026-12-15");
  });

  it("keeps Indonesian Sunday apart from the week", () => {
    expect(dateIn("jam buka hari minggu?")).toBe("2026-03-15");
  });
});

describe("today's weekday named alone", () => {
  it("is next week's when today's times are gone: the offline assistant asks for it then", () => {
    // Wednesday: "woensdag" is today; "vandaag", another weekday or "volgende woensdag" are no second reading.
    expect(sameWeekdayNextWeek("kan het woensdag?", "2026-03-11", now, "Europe/Amsterdam")).toBe("2026-03-18");
    expect(sameWeekdayNextWeek("Mittwoch um 10", "2026-03-11", now, "Europe/Amsterdam")).toBe("2026-03-18");
    expect(sameWeekdayNextWeek("vandaag, woensdag", "2026-03-11", now, "Europe/Amsterdam")).toBeUndefined();
    expect(sameWeekdayNextWeek("volgende woensdag", "2026-03-18", now, "Europe/Amsterdam")).toBeUndefined();
    expect(sameWeekdayNextWeek("donderdag", "2026-03-12", now, "Europe/Amsterdam")).toBeUndefined();
    expect(sameWeekdayNextWeek("11 maart", "2026-03-11", now, "Europe/Amsterdam")).toBeUndefined();
  });
});

describe("a car's name with figures", () => {
  it("is no date or time", () => {
    expect(dateIn("Hebben jullie een Saab 9-5?")).toBeUndefined();
    expect(dateIn("Kan ik de Saab 9-3 op 14-3 proefrijden?")).toBe("2026-03-14");
  });
});

describe("a part of the day", () => {
  it.each([
    ["can I come see it tomorrow afternoon?", "afternoon"], ["Kan ik zaterdagmiddag langskomen?", "afternoon"], ["Kann ich morgen Nachmittag kommen?", "afternoon"],
    ["i morgen ettermiddag", "afternoon"], ["besok sore bisa?", "afternoon"], ["Kan het vanmiddag?", "afternoon"], ["zaterdagochtend?", "morning"],
    ["Samstagvormittag", "morning"], ["Kan ik zaterdagmorgen komen?", "morning"], ["Saturday morning", "morning"], ["morgenavond?", "evening"], ["i kveld?", "evening"],
  ])("%s → %s", (text, part) => expect(extractDayPart(text)).toBe(part));

  it.each(["morgen om 10", "tussen de middag", "Guten Morgen", "Goedemorgen, is de Golf er nog?", "Halo selamat pagi", "Good afternoon, is the Golf still there?"])("is none in %s", (text) => expect(extractDayPart(text)).toBeUndefined());

  it("keeps the weekday written together with it", () => {
    // Wednesday 11 March 2026: Saturday is the 14th, Sunday the 15th.
    expect(dateIn("Kan ik zaterdagochtend een proefrit maken?")).toBe("2026-03-14");
    expect(dateIn("Geht Sonntagabend?")).toBe("2026-03-15");
  });

  it("is left out when a time is given", () => {
    const e = understandMessage("morgen middag om 14:00", { defaultLang: "nl", now, timeZone: "Europe/Amsterdam" }).entities;
    expect(e).toMatchObject({ time: "14:00" });
    expect(e.dayPart).toBeUndefined();
  });
});
