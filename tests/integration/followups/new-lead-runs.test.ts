import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { resetClock, setClock } from "@/inngest/local/clock";
import { drainJobs, useLocalFunctions } from "@/inngest/local/runner";
import { enrollFollowups } from "@/inngest/functions/enroll-followups";
import { runFollowup } from "@/inngest/functions/run-followup";
import { useTestDatabase } from "../../helpers/db";
import { shopperWrites } from "../../helpers/inbound";
import { createTestTenant } from "../../helpers/factory";
import { enrollmentOf, sequenceFor, twoNudges, type World } from "./world";

useTestDatabase();

beforeEach(() => {
  useLocalFunctions([enrollFollowups, runFollowup]);
  setClock(new Date("2026-03-02T09:00:00Z"));
});
afterEach(() => resetClock());
afterAll(() => useLocalFunctions(null));

/** A new shopper's first WhatsApp message through the inbound pipeline; returns the lead it created and what it announced. */
async function firstMessage(w: World) {
  const events = await shopperWrites(w, "Is de Golf er nog?", "31612345678");
  await drainJobs();
  const created = events.find((e) => e.name === "lead/created")!;
  const leadId = created.data.leadId as string;
  const db = await getSystemDb();
  const enrollRuns = await db.select({ id: jobRuns.id }).from(jobRuns)
    .where(and(eq(jobRuns.functionId, "enroll-followups"), sql`${jobRuns.event}->'data'->>'leadId' = ${leadId}`));
  return { leadId, announced: created.data, enrollRuns: enrollRuns.length };
}

describe("a new WhatsApp lead and the follow-up sequences", () => {
  it("starts enrollment where a sequence can take a new lead (new-lead and no-reply triggers), and no run where none can", async () => {
    const onNewLead = await createTestTenant();
    await sequenceFor(onNewLead, twoNudges);
    const onNoReply = await createTestTenant();
    await sequenceFor(onNoReply, twoNudges, { type: "no_reply", hours: 24 });
    const onWon = await createTestTenant();
    await sequenceFor(onWon, twoNudges, { type: "stage_changed", stage: "won" });
    const none = await createTestTenant();

    const a = await firstMessage(onNewLead);
    expect(a).toMatchObject({ announced: { sequences: true, webhooks: false }, enrollRuns: 1 });
    expect(await enrollmentOf(onNewLead, a.leadId)).toMatchObject({ status: "active" });

    const b = await firstMessage(onNoReply);
    expect(b).toMatchObject({ announced: { sequences: true }, enrollRuns: 1 });
    expect(await enrollmentOf(onNoReply, b.leadId)).toMatchObject({ status: "active" });

    for (const w of [onWon, none]) {
      const r = await firstMessage(w);
      expect(r).toMatchObject({ announced: { sequences: false }, enrollRuns: 0 });
      expect(await enrollmentOf(w, r.leadId)).toBeUndefined();
    }
  });

  it("a disabled new-lead sequence, or another dealer's, starts nothing", async () => {
    const other = await createTestTenant();
    await sequenceFor(other, twoNudges);
    const disabled = await createTestTenant();
    const seq = await sequenceFor(disabled, twoNudges);
    const db = await getSystemDb();
    await db.execute(sql`update followup_sequences set enabled = false where id = ${seq.id}`);
    const r = await firstMessage(disabled);
    expect(r).toMatchObject({ announced: { sequences: false }, enrollRuns: 0 });
  });
});
