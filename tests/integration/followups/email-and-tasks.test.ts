import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations, leads, memberships, messages, outboundEmails, tasks } from "@/db/schema";
import { advanceClock, resetClock, setClock } from "@/inngest/local/clock";
import { drainJobs, useLocalFunctions } from "@/inngest/local/runner";
import { enrollFollowups } from "@/inngest/functions/enroll-followups";
import { runFollowup } from "@/inngest/functions/run-followup";
import { stopFollowupsFn } from "@/inngest/functions/stop-followups";
import { reloadEnv } from "@/lib/env";
import { assignLead } from "@/lib/leads/leads";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { startSmtpSink } from "./smtp-sink";
import { formLead, hours, sequenceFor, whatsAppLead, type World } from "./world";

useTestDatabase();

const emailStep = { type: "email" as const, subject: "Still looking, {name}?", subjects: { nl: "Nog op zoek, {name}?" }, text: "Hi {name}", texts: { nl: "Hoi {name}, groet van {dealer}" } };
let w: World;
beforeEach(async () => {
  useLocalFunctions([enrollFollowups, runFollowup, stopFollowupsFn]);
  setClock(new Date("2026-03-02T09:00:00Z"));
  w = await createTestTenant();
});
afterEach(() => {
  resetClock();
  delete process.env.SMTP_URL;
  reloadEnv();
});
afterAll(() => useLocalFunctions(null));

const emailsOf = (leadId: string) => withTenant(w.tenant.id, (tx) => tx.select().from(outboundEmails).where(eq(outboundEmails.leadId, leadId)));

describe("e-mail and task steps", () => {
  it("without SMTP the e-mail is stored, in the shopper's language, and shown as not sent", async () => {
    await sequenceFor(w, [{ type: "wait", hours: 24 }, emailStep]);
    const { lead } = await formLead(w, { email: "eva@example.nl" });
    advanceClock(hours(24));
    await drainJobs();
    const [mail] = await emailsOf(lead.id);
    expect(mail).toMatchObject({ toAddress: "eva@example.nl", subject: "Nog op zoek, Eva?", text: `Hoi Eva, groet van ${w.tenant.name}`, status: "stored" });
  });

  it("with SMTP_URL the e-mail goes through SMTP once and is marked sent", async () => {
    const sink = await startSmtpSink();
    try {
      process.env.SMTP_URL = sink.url;
      reloadEnv();
      await sequenceFor(w, [{ type: "wait", hours: 24 }, emailStep]);
      const { lead } = await formLead(w, { email: "eva@example.nl" });
      advanceClock(hours(24));
      await drainJobs();
      advanceClock(hours(24));
      await drainJobs();
      expect(sink.mails).toHaveLength(1);
      expect(sink.mails[0].to).toEqual(["<eva@example.nl>"]);
      expect(sink.mails[0].data).toContain("Subject: Nog op zoek, Eva?");
      expect((await emailsOf(lead.id))[0].status).toBe("sent");
    } finally {
      await sink.close();
    }
  });

  it("a contact without an address skips the e-mail; the rep still gets the task", async () => {
    await sequenceFor(w, [{ type: "wait", hours: 24 }, emailStep, { type: "task", title: "Call {name}" }]);
    const { lead } = await formLead(w);
    await withTenant(w.tenant.id, (tx) => assignLead(tx, w.tenant.id, lead.id, w.sales1.id, null));
    advanceClock(hours(24));
    await drainJobs();
    expect(await emailsOf(lead.id)).toHaveLength(0);
    const list = await withTenant(w.tenant.id, (tx) => tx.select().from(tasks).where(eq(tasks.leadId, lead.id)));
    expect(list).toMatchObject([{ title: "Call Eva", userId: w.sales1.id, kind: "task" }]);
  });

  it("round robin takes turns as automatic assignment does, skips whoever is off duty and moves the lead on", async () => {
    await sequenceFor(w, [{ type: "wait", hours: 1 }, { type: "assign", strategy: "round_robin" }, { type: "stage", stage: "contacted" }]);
    const busy = await formLead(w);
    await withTenant(w.tenant.id, (tx) => assignLead(tx, w.tenant.id, busy.lead.id, w.sales1.id, null));
    const first = await formLead(w);
    const second = await formLead(w);
    advanceClock(hours(1));
    await drainJobs();
    const holders = await withTenant(w.tenant.id, (tx) => tx.select({ id: leads.id, userId: leads.assignedUserId, stage: leads.stage }).from(leads));
    const holderOf = (id: string) => holders.find((h) => h.id === id);
    // One lead each, never the manager while a rep is on duty.
    expect([holderOf(first.lead.id)?.userId, holderOf(second.lead.id)?.userId].sort()).toEqual([w.sales1.id, w.sales2.id].sort());
    expect(holderOf(first.lead.id)?.stage).toBe("contacted");
    // Round robin never takes a lead away from the colleague who has it.
    expect(holderOf(busy.lead.id)?.userId).toBe(w.sales1.id);

    await withTenant(w.tenant.id, (tx) => tx.update(memberships).set({ onDuty: false }).where(and(eq(memberships.tenantId, w.tenant.id), eq(memberships.userId, w.sales2.id))));
    const third = await formLead(w);
    const fourth = await formLead(w);
    advanceClock(hours(1));
    await drainJobs();
    const later = await withTenant(w.tenant.id, (tx) => tx.select({ id: leads.id, userId: leads.assignedUserId }).from(leads));
    expect(later.filter((l) => l.id === third.lead.id || l.id === fourth.lead.id).map((l) => l.userId)).toEqual([w.sales1.id, w.sales1.id]);
  });

  it("round robin with nobody on duty leaves the lead unassigned", async () => {
    await sequenceFor(w, [{ type: "wait", hours: 1 }, { type: "assign", strategy: "round_robin" }]);
    await withTenant(w.tenant.id, (tx) => tx.update(memberships).set({ onDuty: false }).where(eq(memberships.tenantId, w.tenant.id)));
    const { lead } = await formLead(w);
    advanceClock(hours(1));
    await drainJobs();
    const [row] = await withTenant(w.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, lead.id)));
    expect(row.assignedUserId).toBeNull();
  });

  it("an assign step hands a WhatsApp lead over as a colleague would: its conversation and timeline say so", async () => {
    const seq = await sequenceFor(w, [{ type: "wait", hours: 1 }, { type: "assign", userId: w.manager.id }]);
    const { lead } = await whatsAppLead(w);
    await withTenant(w.tenant.id, (tx) => assignLead(tx, w.tenant.id, lead.id, w.sales1.id, null));
    advanceClock(hours(1));
    await drainJobs();
    const [conv] = await withTenant(w.tenant.id, (tx) => tx.select().from(conversations).where(eq(conversations.leadId, lead.id)));
    expect(conv.assignedUserId).toBe(w.manager.id);
    const notes = await withTenant(w.tenant.id, (tx) => tx.select({ body: messages.body }).from(messages).where(and(eq(messages.conversationId, conv.id), eq(messages.senderKind, "system"))));
    expect(notes.map((n) => n.body)).toContain(`Assigned to Manon Manager by the follow-up "${seq.name}"`);
  });

  it("a step naming someone who has left the team falls back to round robin", async () => {
    await sequenceFor(w, [{ type: "wait", hours: 1 }, { type: "assign", userId: w.manager.id }]);
    await withTenant(w.tenant.id, (tx) => tx.update(memberships).set({ active: false }).where(and(eq(memberships.tenantId, w.tenant.id), eq(memberships.userId, w.manager.id))));
    const busy = await formLead(w);
    await withTenant(w.tenant.id, (tx) => assignLead(tx, w.tenant.id, busy.lead.id, w.sales2.id, null));
    const { lead } = await formLead(w);
    advanceClock(hours(1));
    await drainJobs();
    const [row] = await withTenant(w.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, lead.id)));
    // Reps of the same standing take turns in an order of their own: either may be first.
    expect([w.sales1.id, w.sales2.id]).toContain(row.assignedUserId);
    // The fallback is round robin: the lead that already had a rep keeps her.
    const [kept] = await withTenant(w.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, busy.lead.id)));
    expect(kept.assignedUserId).toBe(w.sales2.id);
  });
});
