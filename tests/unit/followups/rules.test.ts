import { describe, expect, it } from "vitest";
import type { SequenceStep, SequenceTrigger } from "@/db/schema";
import { audienceMatches, chooseWhatsAppForm, followupLanguage, isOptOutText, NEW_LEAD_TRIGGERS, STAGE_CHANGE_TRIGGERS, stopReason, triggerMatches } from "@/lib/followups/rules";
import { defaultSequences } from "@/lib/followups/defaults";
import { sequenceInput } from "@/lib/followups/schema";
import { frequencyCapUntil, proactiveSendAt, quietHoursEnd, waitEndsAt } from "@/lib/followups/timing";

const weekdays = { mon: [{ open: "09:00", close: "18:00" }], tue: [{ open: "09:00", close: "18:00" }], sat: [{ open: "10:00", close: "16:00" }] };
const nudge: Extract<SequenceStep, { type: "whatsapp" }> = { type: "whatsapp", text: "Hi {name}, still looking?", texts: { nb: "Hei {name}, fortsatt på utkikk?" }, templateName: "check_in" };
const facts = { status: "active", sequenceEnabled: true, trigger: { type: "lead_created" as const }, stage: "new", optedOut: false, repliedSinceEnrolled: false, humanMode: false };

describe("follow-up rules", () => {
  it("NEW_LEAD_TRIGGERS names exactly the triggers a new lead can start (the inbound pipeline skips the run otherwise)", () => {
    const every: SequenceTrigger[] = [
      { type: "lead_created" }, { type: "no_reply", hours: 24 }, { type: "stage_changed", stage: "new" }, { type: "test_drive_done" }, { type: "no_show" }, { type: "lead_lost" },
    ];
    const startedByNewLead = every.filter((t) => ["whatsapp", "website", "facebook", "email", "api"].some((source) => triggerMatches(t, { kind: "lead_created", source })));
    expect(startedByNewLead.map((t) => t.type).sort()).toEqual([...NEW_LEAD_TRIGGERS].sort());
  });

  it("STAGE_CHANGE_TRIGGERS names exactly the triggers a stage change can start (the assistant skips the run otherwise)", () => {
    const stages = ["new", "contacted", "qualified", "test_drive", "negotiation", "won", "lost"];
    const every: SequenceTrigger[] = [
      { type: "lead_created" }, { type: "no_reply", hours: 24 }, ...stages.map((stage) => ({ type: "stage_changed" as const, stage })), { type: "test_drive_done" }, { type: "no_show" }, { type: "lead_lost" },
    ];
    const startedByStage = every.filter((t) => stages.some((from) => stages.some((to) => triggerMatches(t, { kind: "stage_changed", from, to }))));
    expect([...new Set(startedByStage.map((t) => t.type))].sort()).toEqual([...STAGE_CHANGE_TRIGGERS].sort());
  });

  it("matches triggers to lead events", () => {
    expect(triggerMatches({ type: "lead_created", sources: ["website"] }, { kind: "lead_created", source: "website" })).toBe(true);
    expect(triggerMatches({ type: "lead_created", sources: ["website"] }, { kind: "lead_created", source: "whatsapp" })).toBe(false);
    expect(triggerMatches({ type: "test_drive_done" }, { kind: "stage_changed", from: "test_drive", to: "negotiation" })).toBe(true);
    expect(triggerMatches({ type: "test_drive_done" }, { kind: "stage_changed", from: "test_drive", to: "lost" })).toBe(false);
    expect(triggerMatches({ type: "lead_lost", reasons: ["budget"] }, { kind: "stage_changed", from: "new", to: "lost", reason: "bought elsewhere" })).toBe(false);
    expect(triggerMatches({ type: "stage_changed", stage: "negotiation" }, { kind: "lead_created", source: "website" })).toBe(false);
  });

  it("filters the audience by source and language", () => {
    const lead = { source: "website", stage: "new", vehicleId: null, language: "nb-NO" };
    expect(audienceMatches({}, lead)).toBe(true);
    expect(audienceMatches({ languages: ["nb"], sources: ["website"] }, lead)).toBe(true);
    expect(audienceMatches({ languages: ["nl"] }, lead)).toBe(false);
    expect(audienceMatches({ vehicleIds: ["x"] }, lead)).toBe(false);
  });

  it("says why a run must stop, keeping a lost lead's reactivation alive", () => {
    expect(stopReason(facts)).toBeNull();
    expect(stopReason({ ...facts, optedOut: true, repliedSinceEnrolled: true })).toBe("opted_out");
    expect(stopReason({ ...facts, stage: "won" })).toBe("stage_won");
    expect(stopReason({ ...facts, stage: "lost", trigger: { type: "lead_lost" } })).toBeNull();
    expect(stopReason({ ...facts, humanMode: true })).toBe("human_takeover");
    expect(stopReason({ ...facts, sequenceEnabled: false })).toBe("sequence_disabled");
  });

  it("recognises opting out in the four markets as the assistant does, not sentences that merely contain a stop word", () => {
    for (const t of ["STOP", "Stopp!", "berhenti", "Afmelden.", "unsubscribe", "meld av", "stop berichten", "berhenti langganan"]) expect(isOptOutText(t)).toBe(true);
    for (const t of ["stop sending me promotions", "Stuur me geen aanbiedingen meer", "jangan kirim promo lagi", "keine Werbung mehr", "ingen flere tilbud"]) expect(isOptOutText(t)).toBe(true);
    for (const t of ["stop the car at the garage please", "Kan ik stoppen bij jullie?", "", null]) expect(isOptOutText(t)).toBe(false);
  });

  it("uses free text inside the window and the template outside it, or skips without one", () => {
    const placeholders = { name: "Kari", dealer: "Fjord Bil", car: "bilen" };
    const lang = followupLanguage("no", "nl-NL");
    expect(lang).toBe("nb");
    expect(chooseWhatsAppForm({ step: nudge, lang, insideWindow: true, placeholders, template: null })).toEqual({ kind: "text", body: "Hei Kari, fortsatt på utkikk?" });
    const tpl = { name: "check_in", language: "nb", body: "Hei {{1}}, dette er {{2}}." };
    expect(chooseWhatsAppForm({ step: nudge, lang, insideWindow: false, placeholders, template: tpl }))
      .toEqual({ kind: "template", name: "check_in", language: "nb", variables: ["Kari", "Fjord Bil"], body: "Hei Kari, dette er Fjord Bil." });
    expect(chooseWhatsAppForm({ step: { ...nudge, templateName: undefined }, lang, insideWindow: false, placeholders, template: null }).kind).toBe("skip");
  });
});

describe("follow-up timing", () => {
  const tz = "Europe/Amsterdam";
  it("ends a wait after the delay, then at the next local time of day", () => {
    const from = new Date("2026-03-02T15:00:00Z");
    expect(waitEndsAt({ type: "wait", hours: 24 }, from, tz).toISOString()).toBe("2026-03-03T15:00:00.000Z");
    expect(waitEndsAt({ type: "wait", days: 1, atLocalTime: "10:00" }, from, tz).toISOString()).toBe("2026-03-04T09:00:00.000Z");
  });

  it("moves sends out of quiet hours and into business hours", () => {
    expect(quietHoursEnd(new Date("2026-03-02T21:30:00Z"), { start: "21:00", end: "08:00" }, tz)?.toISOString()).toBe("2026-03-03T07:00:00.000Z");
    expect(quietHoursEnd(new Date("2026-03-02T12:00:00Z"), { start: "21:00", end: "08:00" }, tz)).toBeNull();
    // Saturday 20:00 local: closed Sunday, so Monday 09:00.
    expect(proactiveSendAt(new Date("2026-03-07T19:00:00Z"), { timeZone: tz, businessHours: weekdays }).toISOString()).toBe("2026-03-09T08:00:00.000Z");
    // No business hours set: only quiet hours apply.
    expect(proactiveSendAt(new Date("2026-03-07T23:00:00Z"), { timeZone: tz, businessHours: {} }).toISOString()).toBe("2026-03-08T07:00:00.000Z");
  });

  it("caps proactive messages per contact", () => {
    const last = new Date("2026-03-02T09:00:00Z");
    expect(frequencyCapUntil(last, new Date("2026-03-02T20:00:00Z"))?.toISOString()).toBe("2026-03-03T05:00:00.000Z");
    expect(frequencyCapUntil(last, new Date("2026-03-03T06:00:00Z"))).toBeNull();
    expect(frequencyCapUntil(null, last)).toBeNull();
  });
});

describe("sequence input", () => {
  it("rejects a sequence that only waits and a wait of nothing", () => {
    expect(sequenceInput.safeParse({ name: "x y", trigger: { type: "lead_created" }, steps: [{ type: "wait", days: 1 }] }).success).toBe(false);
    expect(sequenceInput.safeParse({ name: "x y", trigger: { type: "lead_created" }, steps: [{ type: "wait" }, { type: "task", title: "Call" }] }).success).toBe(false);
    expect(sequenceInput.safeParse({ name: "x y", trigger: { type: "no_reply", hours: 24 }, steps: [{ type: "wait", days: 1 }, { type: "task", title: "Call" }] }).success).toBe(true);
  });

  it("says what is wrong in words a manager reads, not the validator's", () => {
    const r = sequenceInput.safeParse({ name: "x", trigger: { type: "no_reply", hours: 0 }, steps: [{ type: "task", title: "" }] });
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(["Give the sequence a name (at least 2 characters).", "At least 1 hour.", "Say what the task is."]));
    for (const m of messages) expect(m).not.toMatch(/Too small|expected/);
  });

  it("accepts every built-in sequence, each with text in all five languages", () => {
    for (const d of defaultSequences) {
      expect(sequenceInput.safeParse({ ...d, audience: {} }).success).toBe(true);
      for (const step of d.steps) if (step.type === "whatsapp") expect(Object.keys(step.texts ?? {}).sort()).toEqual(["de", "en", "id", "nb", "nl"]);
    }
  });
});

describe("appointment outcomes as triggers", () => {
  it("a no-show starts no_show sequences; a completed test drive (not a visit) starts test_drive_done ones", () => {
    const noShow = { kind: "appointment" as const, outcome: "no_show" as const, appointmentKind: "test_drive" as const };
    const drove = { kind: "appointment" as const, outcome: "completed" as const, appointmentKind: "test_drive" as const };
    const visited = { kind: "appointment" as const, outcome: "completed" as const, appointmentKind: "visit" as const };
    expect(triggerMatches({ type: "no_show" }, noShow)).toBe(true);
    expect(triggerMatches({ type: "no_show" }, drove)).toBe(false);
    expect(triggerMatches({ type: "test_drive_done" }, drove)).toBe(true);
    expect(triggerMatches({ type: "test_drive_done" }, visited)).toBe(false);
    expect(triggerMatches({ type: "test_drive_done" }, noShow)).toBe(false);
    expect(triggerMatches({ type: "no_show" }, { kind: "stage_changed", from: "test_drive", to: "negotiation" })).toBe(false);
  });
});
