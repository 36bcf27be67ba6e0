import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { advanceClock, resetClock, setClock } from "@/inngest/local/clock";
import { drainJobs, useLocalFunctions } from "@/inngest/local/runner";
import { enrollFollowups } from "@/inngest/functions/enroll-followups";
import { runFollowup } from "@/inngest/functions/run-followup";
import { stopFollowupsFn } from "@/inngest/functions/stop-followups";
import { getLeadFollowups, listSequencesWithStats } from "@/lib/followups";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { enrollmentOf, followupMessages, formLead, hours, sequenceFor, shopperWrites, twoNudges, whatsAppLead, type World } from "./world";

useTestDatabase();

let w: World;
beforeEach(async () => {
  useLocalFunctions([enrollFollowups, runFollowup, stopFollowupsFn]);
  // Monday 10:00 in Amsterdam: inside business hours.
  setClock(new Date("2026-03-02T09:00:00Z"));
  w = await createTestTenant();
});
afterEach(() => resetClock());
afterAll(() => useLocalFunctions(null));

describe("follow-up sequence runs", () => {
  it("a new unanswered form lead gets the day-1 template after the delay, step 2 later, then completes", async () => {
    const seq = await sequenceFor(w, twoNudges);
    const { lead } = await formLead(w);
    const [view] = await getLeadFollowups(w.tenant.id, lead.id);
    expect(view).toMatchObject({ sequenceName: seq.name, status: "active", nextStep: { type: "whatsapp" } });
    expect(view.nextStepAt?.toISOString()).toBe("2026-03-03T09:00:00.000Z");
    advanceClock(hours(23));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(0);
    advanceClock(hours(1));
    await drainJobs();
    const first = await followupMessages(w, lead.id);
    expect(first).toHaveLength(1);
    // Never wrote on WhatsApp: outside the 24-hour window, so the approved template in the shopper's language.
    expect(first[0].type).toBe("template");
    expect(first[0].meta.template).toEqual({ name: "check_in", language: "nl", variables: ["Eva", w.tenant.name] });
    expect(first[0].body).toContain("Hoi Eva");
    advanceClock(hours(47));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(1);
    advanceClock(hours(1));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(2);
    expect((await enrollmentOf(w, lead.id)).status).toBe("completed");
    const [stats] = (await listSequencesWithStats(w.tenant.id)).map((s) => s.stats);
    expect(stats).toMatchObject({ enrolled: 1, completed: 1, active: 0, replied: 0 });
  });

  it("a reply after step 1 cancels the rest and counts as a reply produced by step 1", async () => {
    await sequenceFor(w, twoNudges);
    const { lead, contact } = await formLead(w);
    advanceClock(hours(24));
    await drainJobs();
    advanceClock(hours(1));
    await shopperWrites(w, contact.id, lead.id, "Ja, is de auto er nog?");
    expect(await enrollmentOf(w, lead.id)).toMatchObject({ status: "cancelled", cancelReason: "replied", repliesAfter: 1 });
    advanceClock(hours(72));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(1);
    const [stats] = (await listSequencesWithStats(w.tenant.id)).map((s) => s.stats);
    expect(stats).toMatchObject({ enrolled: 1, cancelled: 1, replied: 1, repliedAfterStep: { 1: 1 } });
  });

  it("inside the 24-hour window the free text in the shopper's language goes out, and the first message does not cancel", async () => {
    await sequenceFor(w, [{ type: "wait", hours: 2 }, twoNudges[1]], { type: "no_reply", hours: 2 });
    const { lead } = await whatsAppLead(w);
    advanceClock(hours(2));
    await drainJobs();
    const [msg] = await followupMessages(w, lead.id);
    expect(msg).toMatchObject({ type: "text", body: "Hoi Eva, nog op zoek?" });
    expect(msg.meta.template).toBeUndefined();
  });

  it("quiet hours shift an evening send to the next morning in the tenant's time zone", async () => {
    const tokyo = await createTestTenant({ timeZone: "Asia/Tokyo" });
    await sequenceFor(tokyo, [{ type: "wait", hours: 12 }, twoNudges[1]]);
    // 09:00Z is 18:00 in Tokyo; twelve hours later it is 06:00 there, before quiet hours end at 08:00 and before opening at 09:00.
    const { lead } = await formLead(tokyo);
    advanceClock(hours(12));
    await drainJobs();
    expect(await followupMessages(tokyo, lead.id)).toHaveLength(0);
    expect((await enrollmentOf(tokyo, lead.id)).nextStepAt?.toISOString()).toBe("2026-03-03T00:00:00.000Z");
    advanceClock(hours(3) - 60_000);
    await drainJobs();
    expect(await followupMessages(tokyo, lead.id)).toHaveLength(0);
    advanceClock(60_000);
    await drainJobs();
    expect(await followupMessages(tokyo, lead.id)).toHaveLength(1);
  });
});
