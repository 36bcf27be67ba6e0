import { describe, expect, it } from "vitest";
import { dayLabel, deliveryMark, groupByDay, windowClosesAt } from "@/lib/inbox/timeline";

const at = (iso: string) => ({ createdAt: new Date(iso) });

describe("groupByDay", () => {
  it("splits on the dealership's midnight, not UTC's", () => {
    // 23:30 UTC on 1 June is already 2 June in Amsterdam (UTC+2) but still 1 June in UTC.
    const items = [at("2026-06-01T21:00:00Z"), at("2026-06-01T23:30:00Z"), at("2026-06-02T08:00:00Z")];
    expect(groupByDay(items, "Europe/Amsterdam").map((g) => [g.day, g.items.length])).toEqual([["2026-06-01", 1], ["2026-06-02", 2]]);
    expect(groupByDay(items, "UTC").map((g) => [g.day, g.items.length])).toEqual([["2026-06-01", 2], ["2026-06-02", 1]]);
  });

  it("is empty for no messages and keeps Jakarta's day apart", () => {
    expect(groupByDay([], "Asia/Jakarta")).toEqual([]);
    expect(groupByDay([at("2026-06-01T17:30:00Z")], "Asia/Jakarta")[0].day).toBe("2026-06-02");
  });
});

describe("dayLabel", () => {
  const now = new Date("2026-06-02T10:00:00Z");
  it("names today and yesterday in the tenant's zone", () => {
    expect(dayLabel("2026-06-02", now, "Europe/Amsterdam", "en-GB")).toBe("Today");
    expect(dayLabel("2026-06-01", now, "Europe/Amsterdam", "en-GB")).toBe("Yesterday");
  });
  it("writes older days in the tenant's locale, with the year only when it differs", () => {
    expect(dayLabel("2026-05-29", now, "Europe/Amsterdam", "nl-NL")).toBe("vrijdag 29 mei");
    expect(dayLabel("2025-12-24", now, "Europe/Amsterdam", "en-GB")).toMatch(/^Wednesday,? 24 December 2025$/);
  });
});

describe("deliveryMark", () => {
  it("ticks for sent, delivered and read; nothing for received", () => {
    expect(deliveryMark("sent")).toMatchObject({ symbol: "✓", text: "Sent" });
    expect(deliveryMark("delivered")).toMatchObject({ symbol: "✓✓", tone: "muted" });
    expect(deliveryMark("read")).toMatchObject({ symbol: "✓✓", tone: "read" });
    expect(deliveryMark("received")).toBeNull();
  });
  it("says why a message failed", () => {
    expect(deliveryMark("failed", "Re-engagement message")).toMatchObject({ text: "Failed: Re-engagement message", tone: "error" });
    expect(deliveryMark("not_delivered", "not delivered: channel not connected")?.text).toBe("Not delivered: channel not connected");
  });
});

describe("windowClosesAt", () => {
  const now = new Date("2026-06-02T10:00:00Z");
  it("is 24 hours after the shopper's last message while open", () => {
    expect(windowClosesAt(new Date("2026-06-01T12:00:00Z"), now)?.toISOString()).toBe("2026-06-02T12:00:00.000Z");
  });
  it("is null when closed or the shopper never wrote", () => {
    expect(windowClosesAt(new Date("2026-06-01T09:59:00Z"), now)).toBeNull();
    expect(windowClosesAt(null, now)).toBeNull();
  });
});
