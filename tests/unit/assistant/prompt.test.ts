import { describe, expect, it } from "vitest";
import { buildSystemPrompt, nowNote, toolDefinitions } from "@/lib/assistant/prompt";
import type { ReplyTenant } from "@/lib/assistant/context";
import type { Tenant } from "@/lib/tenancy";

describe("the moment Claude answers at", () => {
  it("is the dealer's local date, weekday, time and offset", () => {
    // Saturday 5 December 2026, 21:15 UTC: 22:15 in Amsterdam, already Sunday 04:15 in Jakarta.
    const now = new Date("2026-12-05T21:15:00Z");
    expect(nowNote(now, "Europe/Amsterdam")).toMatch(/^Now at the dealer: Saturday,? 5 December 2026, 22:15 \(2026-12-05T22:15:00\+01:00, time zone Europe\/Amsterdam\)\./);
    expect(nowNote(now, "Asia/Jakarta")).toMatch(/^Now at the dealer: Sunday,? 6 December 2026, 04:15 \(2026-12-06T04:15:00\+07:00/);
  });
});

describe("cancelling in Claude's prompt and tools", () => {
  const tenant = { name: "Autohuis Van Dijk", locale: "nl-NL", currency: "EUR", settings: {} } as Tenant;
  const facts: ReplyTenant = {
    name: "Autohuis Van Dijk", locale: "nl-NL", currency: "EUR", timeZone: "Europe/Amsterdam", address: "Stationsweg 12, Utrecht", mapsUrl: "https://maps.example",
    openingHoursText: "ma–vr 9–18", tone: "friendly", greeting: null,
  };

  it("tells the model to cancel with cancel_booking, to hand over when nothing is booked and to move a booking by booking again", () => {
    const prompt = buildSystemPrompt(tenant, facts);
    expect(prompt).toMatch(/asks to cancel their test drive or visit, call cancel_booking .* confirm what it cancelled: the car and the time it gives/);
    // "Cancel my subscription" is an opt-out: the appointment stays.
    expect(prompt).toMatch(/Cancelling a subscription, the messages or the offers is an opt-out, never a reason to call cancel_booking/);
    expect(prompt).toMatch(/nothing booked, say so and use hand_over/);
    expect(prompt).toMatch(/To move a booking, book the new time instead/);
  });

  it("offers cancel_booking with no way to name an appointment, only the shopper's own car or the kind", () => {
    const tool = toolDefinitions.find((t) => t.name === "cancel_booking");
    expect(tool?.description).toMatch(/shopper's own next upcoming test drive or visit/);
    expect(Object.keys(tool!.input_schema.properties).sort()).toEqual(["code", "kind"]);
    expect(tool!.input_schema.properties).toMatchObject({ kind: { enum: ["test_drive", "visit"] } });
    expect("required" in tool!.input_schema).toBe(false);
  });
});
