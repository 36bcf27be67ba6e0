import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { contacts, followupEnrollments, followupSequences, leadActivities, leads, type SequenceTrigger } from "@/db/schema";
import { sendEvent } from "@/inngest/dispatch";
import { clock } from "@/inngest/local/clock";
import { audienceMatches, NEW_LEAD_TRIGGERS, STAGE_CHANGE_TRIGGERS, triggerMatches, type TriggerEvent } from "./rules";

/** The dealer's enabled sequences a new lead may enter (before its source and audience are checked): a condition. */
export const newLeadSequences = (tenantId: string) => and(
  eq(followupSequences.tenantId, tenantId), eq(followupSequences.enabled, true),
  inArray(sql`${followupSequences.trigger}->>'type'`, [...NEW_LEAD_TRIGGERS]),
);

/**
 * The dealer's enabled sequences this stage change may start (before the audience and a lost reason are checked): a
 * condition. Which trigger types fire is `triggerMatches`' answer; a stage_changed trigger also names its stage.
 */
export const stageChangeSequences = (tenantId: string, change: { from: string; to: string }) => {
  const evt = { kind: "stage_changed" as const, ...change };
  const types = STAGE_CHANGE_TRIGGERS.filter((type) => triggerMatches({ type, stage: change.to } as SequenceTrigger, evt));
  const type = sql`${followupSequences.trigger}->>'type'`;
  return and(
    eq(followupSequences.tenantId, tenantId), eq(followupSequences.enabled, true),
    types.length ? inArray(type, types) : sql`false`,
    or(ne(type, "stage_changed"), eq(sql`${followupSequences.trigger}->>'stage'`, change.to)),
  );
};

/**
 * Enrolls a lead in every enabled sequence whose trigger and audience fit the event (never twice at
 * the same time: one active enrollment per sequence and lead) and starts one run per new enrollment.
 * Opted-out contacts are never enrolled.
 */
export async function enrollLead(tenantId: string, leadId: string, evt: TriggerEvent): Promise<string[]> {
  const now = clock.now();
  const created = await withTenant(tenantId, async (tx) => {
    const [row] = await tx
      .select({ lead: leads, optedOutAt: contacts.optedOutAt, language: contacts.language })
      .from(leads)
      .innerJoin(contacts, eq(contacts.id, leads.contactId))
      .where(and(eq(leads.tenantId, tenantId), eq(leads.id, leadId)));
    if (!row || row.optedOutAt) return [];
    const facts = { source: row.lead.source, stage: row.lead.stage, vehicleId: row.lead.vehicleId, language: row.language };
    const sequences = await tx.select().from(followupSequences)
      .where(and(eq(followupSequences.tenantId, tenantId), eq(followupSequences.enabled, true)));
    const fitting = sequences.filter((s) => triggerMatches(s.trigger, evt) && (evt.kind !== "quiet" || s.id === evt.sequenceId) && audienceMatches(s.audience, facts));
    const ids: { id: string; sequenceId: string }[] = [];
    for (const s of fitting) {
      const [e] = await tx.insert(followupEnrollments)
        .values({ tenantId, sequenceId: s.id, leadId, contactId: row.lead.contactId, nextStepAt: now, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning({ id: followupEnrollments.id, sequenceId: followupEnrollments.sequenceId });
      if (!e) continue;
      ids.push(e);
      await tx.insert(leadActivities).values({ tenantId, leadId, type: "sequence_enrolled", data: { sequenceId: s.id, sequenceName: s.name, enrollmentId: e.id } });
    }
    return ids;
  });
  if (created.length) {
    await sendEvent(created.map((e) => ({
      name: "followup/enroll.requested", id: `enroll-${e.id}`,
      data: { tenantId, sequenceId: e.sequenceId, leadId, enrollmentId: e.id },
    })));
  }
  return created.map((e) => e.id);
}
