import { describe, expect, it } from "vitest";
import { nowNote } from "@/lib/assistant/prompt";

describe("the moment Claude answers at", () => {
  it("is the dealer's local date, weekday, time and offset", () => {
    // Saturday 5 December 2026, 21:15 UTC: 22:15 in Amsterdam, already Sunday 04:15 in Jakarta.
    const now = new Date("2026-12-05T21:15:00Z");
    expect(nowNote(now, "Europe/Amsterdam")).toMatch(/^Now at the dealer: Saturday,? 5 December 2026, 22:15 \(2026-12-05T22:15:00\+01:00, time zone Europe\/Amsterdam\)\./);
    expect(nowNote(now, "Asia/Jakarta")).toMatch(/^Now at the dealer: Sunday,? 6 December 2026, 04:15 \(2026-12-06T04:15:00\+07:00/);
  });
});
