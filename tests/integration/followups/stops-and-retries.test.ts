import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { contacts, conversations, jobRuns } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { sendEvent } from "@/inngest/dispatch";
import { advanceClock, clock, resetClock, setClock } from "@/inngest/local/clock";
import { drainJobs, useLocalFunctions } from "@/inngest/local/runner";
import { enrollFollowups } from "@/inngest/functions/enroll-followups";
import { runFollowup } from "@/inngest/functions/run-followup";
import { stopFollowupsFn } from "@/inngest/functions/stop-followups";
import { getLeadFollowups, setSequenceEnabled, stopFollowups } from "@/lib/followups";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { enrollmentOf, followupMessages, formLead, hours, sequenceFor, shopperWrites, twoNudges, type World } from "./world";

useTestDatabase();

const functions = [enrollFollowups, runFollowup, stopFollowupsFn];
let w: World;
beforeEach(async () => {
  useLocalFunctions(functions);
  setClock(new Date("2026-03-02T09:00:00Z"));
  w = await createTestTenant();
});
afterEach(() => resetClock());
afterAll(() => useLocalFunctions(null));

describe("follow-ups stop and never double-send", () => {
  it("an opted-out contact is never enrolled or messaged", async () => {
    await sequenceFor(w, twoNudges);
    const { lead } = await formLead(w, { optedOut: true });
    advanceClock(hours(100));
    await drainJobs();
    expect(await enrollmentOf(w, lead.id)).toBeUndefined();
    expect(await followupMessages(w, lead.id)).toHaveLength(0);
  });

  it("\"STOPP\" opts the contact out and ends every sequence", async () => {
    await sequenceFor(w, twoNudges);
    await sequenceFor(w, [{ type: "wait", days: 5 }, twoNudges[1]]);
    const { lead, contact } = await formLead(w);
    advanceClock(hours(24));
    await drainJobs();
    advanceClock(hours(1));
    await shopperWrites(w, contact.id, lead.id, "Stopp!");
    advanceClock(hours(200));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(1);
    const rows = await getSystemDb().then((db) => db.execute(`select status, cancel_reason from followup_enrollments where lead_id = '${lead.id}'` as never));
    const list = ((rows as { rows?: unknown[] }).rows ?? rows) as { status: string; cancel_reason: string }[];
    expect(list.map((r) => r.cancel_reason).sort()).toEqual(["opted_out", "opted_out"]);
  });

  it("an opt-out in words, written while the conversation is paused, opts the contact out and ends every sequence", async () => {
    await sequenceFor(w, twoNudges);
    const { lead, contact } = await formLead(w);
    advanceClock(hours(24));
    await drainJobs();
    const [sent] = await followupMessages(w, lead.id);
    await withTenant(w.tenant.id, (tx) => tx.update(conversations).set({ mode: "paused" }).where(eq(conversations.id, sent.conversationId)));
    advanceClock(hours(1));
    await shopperWrites(w, contact.id, lead.id, "Stuur me geen aanbiedingen meer");
    advanceClock(hours(200));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(1);
    expect(await enrollmentOf(w, lead.id)).toMatchObject({ status: "cancelled", cancelReason: "opted_out" });
    const [row] = await withTenant(w.tenant.id, (tx) => tx.select({ optedOutAt: contacts.optedOutAt }).from(contacts).where(eq(contacts.id, contact.id)));
    expect(row.optedOutAt).toBeInstanceOf(Date);
  });

  for (const stage of ["won", "lost"] as const) {
    it(`a lead marked ${stage} gets nothing more`, async () => {
      await sequenceFor(w, twoNudges);
      const { lead } = await formLead(w);
      await sendEvent({ name: "lead/stage.changed", data: { tenantId: w.tenant.id, leadId: lead.id, from: "new", to: stage } });
      await drainJobs();
      expect(await enrollmentOf(w, lead.id)).toMatchObject({ status: "cancelled", cancelReason: `stage_${stage}` });
      advanceClock(hours(100));
      await drainJobs();
      expect(await followupMessages(w, lead.id)).toHaveLength(0);
    });
  }

  it("a lost lead's reactivation sequence starts on lost and is not stopped by it", async () => {
    await sequenceFor(w, [{ type: "wait", days: 30 }, twoNudges[1]], { type: "lead_lost" });
    const { lead } = await formLead(w);
    await sendEvent({ name: "lead/stage.changed", data: { tenantId: w.tenant.id, leadId: lead.id, from: "new", to: "lost", reason: "budget" } });
    await drainJobs();
    advanceClock(hours(30 * 24));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(1);
  });

  it("a human taking over or pausing the sequence stops it", async () => {
    const seq = await sequenceFor(w, twoNudges);
    const a = await formLead(w);
    const b = await formLead(w);
    advanceClock(hours(24));
    await drainJobs();
    const [sent] = await followupMessages(w, a.lead.id);
    await sendEvent({ name: "conversation/mode.changed", data: { tenantId: w.tenant.id, conversationId: sent.conversationId, mode: "human" } });
    await drainJobs();
    expect(await enrollmentOf(w, a.lead.id)).toMatchObject({ status: "cancelled", cancelReason: "human_takeover" });
    await setSequenceEnabled(w.tenant.id, seq.id, false);
    await drainJobs();
    advanceClock(hours(100));
    await drainJobs();
    expect(await followupMessages(w, a.lead.id)).toHaveLength(1);
    expect(await followupMessages(w, b.lead.id)).toHaveLength(1);
    expect(await enrollmentOf(w, b.lead.id)).toMatchObject({ status: "cancelled", cancelReason: "sequence_disabled" });
  });

  it("a restart mid-wait and a replayed send step still send exactly once", async () => {
    await sequenceFor(w, twoNudges);
    const { lead } = await formLead(w);
    advanceClock(hours(12));
    await drainJobs();
    // Restart: the runner forgets everything in memory; the schedule is in the database.
    useLocalFunctions(null);
    useLocalFunctions(functions);
    advanceClock(hours(13));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(1);
    // A crash between the send and its memo: the run replays the send step.
    const db = await getSystemDb();
    const [run] = await db.select().from(jobRuns).where(and(eq(jobRuns.functionId, "run-followup"), eq(jobRuns.status, "sleeping")));
    const steps = { ...run.steps };
    delete steps["step-1-0"];
    await db.update(jobRuns).set({ steps, status: "queued", runAt: clock.now() }).where(eq(jobRuns.id, run.id));
    await drainJobs();
    // The enroll event delivered twice starts no second run.
    const e = await enrollmentOf(w, lead.id);
    await sendEvent({ name: "followup/enroll.requested", id: `enroll-${e.id}`, data: { tenantId: w.tenant.id, sequenceId: e.sequenceId, leadId: lead.id, enrollmentId: e.id } });
    await drainJobs();
    advanceClock(hours(48));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(2);
    expect((await enrollmentOf(w, lead.id)).status).toBe("completed");
  });

  it("the frequency cap keeps two sequences from messaging one contact on the same day", async () => {
    await sequenceFor(w, [{ type: "wait", hours: 24 }, twoNudges[1]]);
    await sequenceFor(w, [{ type: "wait", hours: 26 }, twoNudges[3]]);
    const { lead } = await formLead(w);
    advanceClock(hours(26));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(1);
    // Twenty hours after the first send it is 06:00 in Amsterdam: quiet, so the second waits for opening at 09:00.
    advanceClock(hours(20));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(1);
    advanceClock(hours(3));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(2);
  });

  it("staff stop one lead's sequence; the other lead in it carries on", async () => {
    await sequenceFor(w, twoNudges);
    const a = await formLead(w);
    const b = await formLead(w);
    const [view] = await getLeadFollowups(w.tenant.id, a.lead.id);
    expect(await stopFollowups(w.tenant.id, { enrollmentId: view.enrollmentId }, "stopped_by_staff")).toEqual([view.enrollmentId]);
    advanceClock(hours(24));
    await drainJobs();
    expect(await followupMessages(w, a.lead.id)).toHaveLength(0);
    expect(await followupMessages(w, b.lead.id)).toHaveLength(1);
    expect(await getLeadFollowups(w.tenant.id, a.lead.id)).toMatchObject([{ status: "cancelled", cancelReason: "stopped_by_staff", nextStepAt: null }]);
  });
});
