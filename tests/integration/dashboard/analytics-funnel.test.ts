import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { leads, type LeadStage } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { getAnalytics } from "@/lib/analytics";
import { changeLeadStage } from "@/lib/leads/leads";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { seedLead } from "./seed";

useTestDatabase();

const range = () => ({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) });

describe("analytics funnel", () => {
  it("counts a lost lead at the furthest stage it reached before it was lost", async () => {
    const t = await createTestTenant();
    const [driven, backAgain, byAssistant, never, open] = await Promise.all([
      ["Anna", "31611111111"], ["Bram", "31622222222"], ["Cees", "31633333333"], ["Dirk", "31644444444"], ["Eva", "31655555555"],
    ].map(([name, phone]) => seedLead(t.tenant.id, t.channelId, { name, phone })));
    await withTenant(t.tenant.id, async (tx) => {
      const move = async (leadId: string, stages: LeadStage[]) => {
        for (const stage of stages) await changeLeadStage(tx, t.tenant.id, leadId, stage, stage === "lost" ? { lostReason: "bought elsewhere" } : {});
      };
      await move(driven.leadId, ["contacted", "qualified", "test_drive", "lost"]);
      // Moved back a stage before it was lost: it had still reached negotiation.
      await move(backAgain.leadId, ["contacted", "negotiation", "contacted", "lost"]);
      // The assistant moves a lead on without a stage_changed activity; the lost change names where it stood.
      await tx.update(leads).set({ stage: "test_drive" }).where(eq(leads.id, byAssistant.leadId));
      await move(byAssistant.leadId, ["lost"]);
      await move(never.leadId, ["lost"]);
      await move(open.leadId, ["qualified"]);
    });

    const a = await getAnalytics(t.tenant.id, t.tenant.timeZone, range());
    expect(Object.fromEntries(a.funnel.map((f) => [f.label, f.value]))).toEqual({ new: 5, contacted: 4, qualified: 4, test_drive: 3, negotiation: 1, won: 0 });
    expect(a.lost).toBe(4);
  });
});
