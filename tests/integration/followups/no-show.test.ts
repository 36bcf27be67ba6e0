import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { appointments, followupEnrollments } from "@/db/schema";
import { resetClock, setClock } from "@/inngest/local/clock";
import { drainJobs, useLocalFunctions } from "@/inngest/local/runner";
import { enrollFollowups } from "@/inngest/functions/enroll-followups";
import { runFollowup } from "@/inngest/functions/run-followup";
import { stopFollowupsFn } from "@/inngest/functions/stop-followups";
import { recordAppointmentOutcome } from "@/lib/inbox/commands";
import { assignLead } from "@/lib/leads/leads";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { formLead, sequenceFor, type World } from "./world";

useTestDatabase();

const start = new Date("2026-03-07T10:00:00Z");
let w: World;
beforeEach(async () => {
  useLocalFunctions([enrollFollowups, runFollowup, stopFollowupsFn]);
  setClock(new Date("2026-03-02T09:00:00Z"));
  w = await createTestTenant();
});
afterEach(() => resetClock());
afterAll(() => useLocalFunctions(null));

const nudge = [{ type: "task" as const, title: "Call {name}: missed the test drive" }];
const viewer = (u: { id: string; name: string }, role: "manager" | "sales") => ({ userId: u.id, name: u.name, role });

async function bookedDrive(tenant: World, leadId: string, contactId: string, kind: "test_drive" | "visit" = "test_drive") {
  const [a] = await withTenant(tenant.tenant.id, (tx) => tx.insert(appointments).values({
    tenantId: tenant.tenant.id, leadId, contactId, kind, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000),
  }).returning());
  return a;
}
const enrollmentsIn = (sequenceId: string) =>
  withTenant(w.tenant.id, (tx) => tx.select().from(followupEnrollments).where(and(eq(followupEnrollments.tenantId, w.tenant.id), eq(followupEnrollments.sequenceId, sequenceId))));
const statusOf = async (id: string) => (await withTenant(w.tenant.id, (tx) => tx.select().from(appointments).where(eq(appointments.id, id))))[0].status;

describe("a missed test drive", () => {
  it("marked as a no-show starts the no-show sequence once; marked done it starts the test-drive-done one instead", async () => {
    const noShow = await sequenceFor(w, nudge, { type: "no_show" });
    const done = await sequenceFor(w, nudge, { type: "test_drive_done" });
    const anna = await formLead(w);
    const bob = await formLead(w);
    const missed = await bookedDrive(w, anna.lead.id, anna.contact.id);
    const came = await bookedDrive(w, bob.lead.id, bob.contact.id);
    const after = new Date(start.getTime() + 2 * 3_600_000);

    expect(await recordAppointmentOutcome(w.tenant.id, viewer(w.manager, "manager"), { appointmentId: missed.id, outcome: "no_show" }, after)).toEqual({ ok: true });
    expect(await recordAppointmentOutcome(w.tenant.id, viewer(w.manager, "manager"), { appointmentId: came.id, outcome: "completed" }, after)).toEqual({ ok: true });
    await drainJobs();

    expect(await statusOf(missed.id)).toBe("no_show");
    expect(await statusOf(came.id)).toBe("completed");
    expect((await enrollmentsIn(noShow.id)).map((e) => e.leadId)).toEqual([anna.lead.id]);
    expect((await enrollmentsIn(done.id)).map((e) => e.leadId)).toEqual([bob.lead.id]);

    // Marked twice: refused, nothing new.
    expect(await recordAppointmentOutcome(w.tenant.id, viewer(w.manager, "manager"), { appointmentId: missed.id, outcome: "no_show" }, after))
      .toEqual({ ok: false, error: "This appointment is already marked no-show." });
    await drainJobs();
    expect(await enrollmentsIn(noShow.id)).toHaveLength(1);
  });

  it("cannot be marked before it starts, by a rep on another rep's lead, or through another dealer", async () => {
    const noShow = await sequenceFor(w, nudge, { type: "no_show" });
    const anna = await formLead(w);
    await withTenant(w.tenant.id, (tx) => assignLead(tx, w.tenant.id, anna.lead.id, w.sales1.id));
    const drive = await bookedDrive(w, anna.lead.id, anna.contact.id);
    const other = await createTestTenant();
    const before = new Date(start.getTime() - 60_000);
    const after = new Date(start.getTime() + 60_000);

    expect(await recordAppointmentOutcome(w.tenant.id, viewer(w.manager, "manager"), { appointmentId: drive.id, outcome: "no_show" }, before))
      .toEqual({ ok: false, error: "This appointment has not started yet." });
    expect(await recordAppointmentOutcome(w.tenant.id, viewer(w.sales2, "sales"), { appointmentId: drive.id, outcome: "no_show" }, after))
      .toMatchObject({ ok: false, error: expect.stringMatching(/does not exist or is not yours/) });
    expect(await recordAppointmentOutcome(other.tenant.id, viewer(other.manager, "manager"), { appointmentId: drive.id, outcome: "no_show" }, after))
      .toMatchObject({ ok: false, error: expect.stringMatching(/does not exist or is not yours/) });
    expect(await recordAppointmentOutcome(w.tenant.id, viewer(w.manager, "manager"), { appointmentId: "not-a-uuid", outcome: "no_show" }, after)).toMatchObject({ ok: false });
    await drainJobs();
    expect(await statusOf(drive.id)).toBe("booked");
    expect(await enrollmentsIn(noShow.id)).toHaveLength(0);

    // The rep who has the lead may.
    expect(await recordAppointmentOutcome(w.tenant.id, viewer(w.sales1, "sales"), { appointmentId: drive.id, outcome: "no_show" }, after)).toEqual({ ok: true });
    await drainJobs();
    expect(await enrollmentsIn(noShow.id)).toHaveLength(1);
  });
});
