import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { resetClock, setClock } from "@/inngest/local/clock";
import { useLocalFunctions } from "@/inngest/local/runner";
import { runFollowup } from "@/inngest/functions/run-followup";
import { enrollLead } from "@/lib/followups";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { enrollmentOf, followupMessages, sequenceFor, twoNudges, type World } from "./world";
import { withTenant } from "@/db/tenant";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";

useTestDatabase();

let w: World;
beforeEach(async () => {
  // Nothing runs in-process: the Inngest SDK's own test engine executes the function.
  useLocalFunctions([]);
  setClock(new Date("2026-03-02T09:00:00Z"));
  w = await createTestTenant();
});
afterEach(() => resetClock());
afterAll(() => useLocalFunctions(null));

// The SDK engine does not sleep: the waits are marked as elapsed.
const sleepsDone = ["wait-0", "wait-2"].map((id) => ({ id, handler: () => undefined }));

async function enrolledLead() {
  const lead = await withTenant(w.tenant.id, async (tx) => {
    const contact = await upsertContact(tx, w.tenant.id, { phone: `3169${Date.now() % 1e7}`, name: "Eva" });
    return (await findOrCreateOpenLead(tx, w.tenant.id, contact.id, { source: "website" })).lead;
  });
  const [enrollmentId] = await enrollLead(w.tenant.id, lead.id, { kind: "lead_created", source: "website" });
  return { lead, enrollmentId };
}

describe("run-followup under @inngest/test", () => {
  it("runs the recipe end to end with the SDK: both messages, then completed", async () => {
    const seq = await sequenceFor(w, twoNudges);
    const { lead, enrollmentId } = await enrolledLead();
    const engine = new InngestTestEngine({ function: runFollowup as never });
    const { result } = await engine.execute({
      steps: sleepsDone,
      events: [{ name: "followup/enroll.requested", data: { tenantId: w.tenant.id, sequenceId: seq.id, leadId: lead.id, enrollmentId } }],
    });
    expect(result).toEqual({ completed: true });
    expect((await followupMessages(w, lead.id)).map((m) => m.type)).toEqual(["template", "template"]);
    expect((await enrollmentOf(w, lead.id)).status).toBe("completed");
  });
});
