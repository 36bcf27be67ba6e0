import { afterEach, describe, expect, it } from "vitest";
import { inboxListTime } from "@/lib/inbox/list-time";

// The server's own zone must not matter; Node applies a change to process.env.TZ at once.
const serverZones = ["UTC", "America/Los_Angeles", "Europe/Amsterdam", "Asia/Jakarta"];
const startZone = process.env.TZ;
afterEach(() => {
  if (startZone === undefined) delete process.env.TZ;
  else process.env.TZ = startZone;
});

describe("inboxListTime", () => {
  it.each(serverZones)("shows only the time for a message sent just after the dealership's midnight (server in %s)", (zone) => {
    process.env.TZ = zone;
    // 23:56 UTC on 6 December is 00:56 on 7 December in Amsterdam, where the conversation says "Today 00:56".
    const now = new Date("2026-12-07T10:00:00Z");
    expect(inboxListTime(new Date("2026-12-06T23:56:00Z"), now, "nl-NL", "Europe/Amsterdam")).toBe("00:56");
  });

  it.each(serverZones)("shows the date for yesterday evening's message in a zone ahead of UTC (server in %s)", (zone) => {
    process.env.TZ = zone;
    // 16:30 UTC is 23:30 on 1 June in Jakarta (UTC+7); at 18:00 UTC it is already 2 June there.
    const now = new Date("2026-06-01T18:00:00Z");
    expect(inboxListTime(new Date("2026-06-01T16:30:00Z"), now, "en-GB", "Asia/Jakarta")).toBe("1 Jun");
    expect(inboxListTime(new Date("2026-06-01T17:30:00Z"), now, "en-GB", "Asia/Jakarta")).toBe("00:30");
  });

  it("writes older days as day and month in the dealer's language", () => {
    const now = new Date("2026-12-07T10:00:00Z");
    expect(inboxListTime(new Date("2026-12-06T10:00:00Z"), now, "nl-NL", "Europe/Amsterdam")).toBe("6 dec");
  });
});
