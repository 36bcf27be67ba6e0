import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { withTenant } from "@/db/tenant";
import { auditLog, conversations, messages, tenants } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { createVehicleFromForm, updateVehicle, vehicleFormSchema } from "@/lib/inventory/admin";
import { changePlan, getPlanUsage, PlanLimitError, QUOTA_HANDOVER_EVENT } from "@/lib/plans";
import { inviteMember } from "@/lib/settings";
import { recordUsage } from "@/lib/usage";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { useOfflineAssistant } from "../../helpers/offline-assistant";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";

useTestDatabase();
useOfflineAssistant();
afterEach(() => resetClock());

type T = Awaited<ReturnType<typeof createTestTenant>>;
const setLimits = (t: T, limits: Record<string, number>) => withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ limits }).where(eq(tenants.id, t.tenant.id)));

async function shopperSays(t: T, from: string, text: string) {
  expect((await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text })))).status).toBe(200);
  await drainJobs();
  advanceClock(5_000);
  await drainJobs();
}
const conversationOf = async (t: T) => {
  const all = await withTenant(t.tenant.id, (tx) => tx.select().from(conversations));
  const msgs = await withTenant(t.tenant.id, (tx) => tx.select().from(messages).orderBy(messages.createdAt));
  return all.map((c) => ({ ...c, messages: msgs.filter((m) => m.conversationId === c.id) }));
};

describe("plans and quotas", () => {
  it("refuses a vehicle over the plan's stock limit with a clear error; sold cars free a place", async () => {
    const t = await createTestTenant();
    await setLimits(t, { vehicles: 2 });
    const [first] = await addStock(t.tenant.id, [{ price: 10000 }, { price: 11000 }]);
    await expect(addStock(t.tenant.id, [{ price: 12000 }])).rejects.toThrow(PlanLimitError);
    const form = vehicleFormSchema.parse({ make: "Kia", model: "Ceed", year: "2020", mileageKm: "1000", price: "9000", fuel: "petrol", transmission: "manual", body: "hatchback", status: "available" });
    await expect(createVehicleFromForm(t.tenant.id, form, t.manager.id, "EUR")).rejects.toThrow(/plan allows 2 vehicles in stock and you have 2/);
    expect((await getPlanUsage(t.tenant.id)).vehicles).toMatchObject({ used: 2, limit: 2, level: "reached" });
    await updateVehicle(t.tenant.id, first.id, { status: "sold" }, t.manager.id);
    expect((await createVehicleFromForm(t.tenant.id, form, t.manager.id, "EUR")).model).toBe("Ceed");
  });

  it("refuses an invitation beyond the plan's seats", async () => {
    const t = await createTestTenant();
    await setLimits(t, { seats: 4 });
    const r = await inviteMember({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, { name: "Extra", email: `extra-${Date.now()}@test.local`, role: "sales" });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/plan allows 4 team members/) });
  });

  it("at the reply quota the assistant hands a new conversation to the team and says why in it", async () => {
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    await setLimits(t, { assistantRepliesPerMonth: 2 });
    await recordUsage(t.tenant.id, "assistant_replies", 2);
    await shopperSays(t, "31612349999", "Hebben jullie een automaat onder de 20.000 euro?");
    const [conv] = await conversationOf(t);
    expect(conv.mode).toBe("human");
    expect(conv.messages.filter((m) => m.senderKind === "assistant")).toHaveLength(0);
    const note = conv.messages.find((m) => m.senderKind === "system" && m.meta?.event === QUOTA_HANDOVER_EVENT);
    expect(note?.body).toMatch(/2 assistant replies on your plan are used up/);
    expect(note?.meta).toMatchObject({ used: 2, limit: 2 });
    expect((await getPlanUsage(t.tenant.id)).assistantReplies.level).toBe("reached");
  });

  it("below the quota the assistant answers and the reply is counted; 80 % is a warning", async () => {
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    await setLimits(t, { assistantRepliesPerMonth: 5 });
    await recordUsage(t.tenant.id, "assistant_replies", 3);
    await shopperSays(t, "31612348888", "Hebben jullie een automaat onder de 20.000 euro?");
    const [conv] = await conversationOf(t);
    expect(conv.mode).toBe("bot");
    expect(conv.messages.some((m) => m.senderKind === "assistant")).toBe(true);
    expect((await getPlanUsage(t.tenant.id)).assistantReplies).toMatchObject({ used: 4, level: "warning" });
    // The offline assistant spends no model tokens.
    expect((await getPlanUsage(t.tenant.id)).modelTokens).toEqual({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 });
  });

  it("only the owner changes the plan, and the change is audited", async () => {
    const t = await createTestTenant();
    expect(await changePlan({ tenantId: t.tenant.id, userId: t.manager.id, role: "admin" }, "scale")).toMatchObject({ ok: false });
    expect(await changePlan({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, "gold")).toMatchObject({ ok: false });
    expect(await changePlan({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, "starter")).toEqual({ ok: true, from: "growth" });
    expect((await getPlanUsage(t.tenant.id)).limits.vehicles).toBe(50);
    const log = await withTenant(t.tenant.id, (tx) => tx.select().from(auditLog));
    expect(log.find((l) => l.action === "plan.changed")?.data).toEqual({ from: "growth", to: "starter" });
  });
});
