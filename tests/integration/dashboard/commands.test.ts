import { describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations, leadActivities, leads, messages, messageTemplates, tenants } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { addLeadNote, assignLeadAsStaff, changeStageAsStaff, replyAsStaff, sendTemplateAsStaff, setModeAsStaff } from "@/lib/inbox/commands";
import { getPipelineBoard } from "@/lib/leads/board";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { seedLead, seedVehicle } from "./seed";

useTestDatabase();

async function dealership() {
  const t = await createTestTenant();
  const manager = { userId: t.manager.id, role: "manager" as const, name: "Manon Manager" };
  const sam = { userId: t.sales1.id, role: "sales" as const, name: "Sam Sales" };
  const sara = { userId: t.sales2.id, role: "sales" as const, name: "Sara Sales" };
  return { t, manager, sam, sara };
}
const timeline = (tenantId: string, conversationId: string) =>
  withTenant(tenantId, (tx) => tx.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(messages.createdAt));

describe("staff actions on a conversation", () => {
  it("take over, reply and hand back: the reply is stored and reported not delivered without a token", async () => {
    const { t, sam } = await dealership();
    const lead = await seedLead(t.tenant.id, t.channelId, { name: "Anna", phone: "31611111111" });
    expect(await setModeAsStaff(t.tenant.id, sam, { conversationId: lead.conversationId, mode: "human" })).toEqual({ ok: true });
    expect(await replyAsStaff(t.tenant.id, sam, { conversationId: lead.conversationId, body: "Goedemiddag, ik help u verder." })).toEqual({ ok: true });
    await drainJobs();
    expect(await setModeAsStaff(t.tenant.id, sam, { conversationId: lead.conversationId, mode: "bot" })).toEqual({ ok: true });
    const rows = await timeline(t.tenant.id, lead.conversationId);
    expect(rows.filter((m) => m.senderKind === "system").map((m) => m.body)).toEqual(["Taken over by Sam Sales", "Handed back to the assistant by Sam Sales"]);
    const reply = rows.find((m) => m.senderKind === "staff");
    expect(reply).toMatchObject({ body: "Goedemiddag, ik help u verder.", senderUserId: t.sales1.id, status: "not_delivered" });
    expect(reply?.error?.title).toBe("not delivered: channel not connected");
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, lead.leadId)));
    expect(row.assignedUserId).toBe(t.sales1.id);
  });

  it("refuses free text outside the 24-hour window but sends an approved template with its variables", async () => {
    const { t, manager } = await dealership();
    const lead = await seedLead(t.tenant.id, t.channelId, { name: "Bram", phone: "31622222222", at: new Date(Date.now() - 30 * 3600_000) });
    await withTenant(t.tenant.id, (tx) => tx.update(conversations).set({ lastInboundAt: new Date(Date.now() - 30 * 3600_000) }).where(eq(conversations.id, lead.conversationId)));
    const [tpl] = await withTenant(t.tenant.id, (tx) => tx.insert(messageTemplates).values({ tenantId: t.tenant.id, name: "follow_up", language: "nl", body: "Hoi {{1}}, is de {{2}} nog interessant?", variables: ["name", "car"] }).returning());
    const refused = await replyAsStaff(t.tenant.id, manager, { conversationId: lead.conversationId, body: "Nog interesse?" });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/24-hour window/) });
    expect(await sendTemplateAsStaff(t.tenant.id, manager, { conversationId: lead.conversationId, templateId: tpl.id, variables: ["Bram"] })).toMatchObject({ ok: false });
    expect(await sendTemplateAsStaff(t.tenant.id, manager, { conversationId: lead.conversationId, templateId: tpl.id, variables: ["Bram", "Golf"] })).toEqual({ ok: true });
    const sent = (await timeline(t.tenant.id, lead.conversationId)).find((m) => m.senderKind === "staff");
    expect(sent).toMatchObject({ type: "template", body: "Hoi Bram, is de Golf nog interessant?", meta: { template: { name: "follow_up", language: "nl", variables: ["Bram", "Golf"] } } });
  });

  it("a rep cannot act on another rep's lead, nor assign to someone else", async () => {
    const { t, sam, sara } = await dealership();
    const saras = await seedLead(t.tenant.id, t.channelId, { name: "Cees", phone: "31633333333", assignedUserId: t.sales2.id });
    expect(await replyAsStaff(t.tenant.id, sam, { conversationId: saras.conversationId, body: "hoi" })).toMatchObject({ ok: false });
    expect(await setModeAsStaff(t.tenant.id, sam, { conversationId: saras.conversationId, mode: "human" })).toMatchObject({ ok: false });
    expect(await changeStageAsStaff(t.tenant.id, sam, { leadId: saras.leadId, stage: "qualified" })).toMatchObject({ ok: false });
    expect(await addLeadNote(t.tenant.id, sam, { leadId: saras.leadId, text: "mine now" })).toMatchObject({ ok: false });
    expect(await assignLeadAsStaff(t.tenant.id, sam, { leadId: saras.leadId, userId: t.sales1.id })).toMatchObject({ ok: false });
    const open = await seedLead(t.tenant.id, t.channelId, { name: "Dirk", phone: "31644444444" });
    expect(await assignLeadAsStaff(t.tenant.id, sam, { leadId: open.leadId, userId: t.sales2.id })).toMatchObject({ ok: false, error: /managers/ });
    expect(await assignLeadAsStaff(t.tenant.id, sam, { leadId: open.leadId, userId: t.sales1.id })).toEqual({ ok: true });
    expect(await replyAsStaff(t.tenant.id, sara, { conversationId: open.conversationId, body: "hoi" })).toMatchObject({ ok: false });
  });

  it("a manager assigns to a team member only, and another tenant's lead is not found", async () => {
    const { t, manager } = await dealership();
    const other = await createTestTenant();
    const lead = await seedLead(t.tenant.id, t.channelId, { name: "Eva", phone: "31655555555" });
    expect(await assignLeadAsStaff(t.tenant.id, manager, { leadId: lead.leadId, userId: other.sales1.id })).toMatchObject({ ok: false, error: /team/ });
    expect(await assignLeadAsStaff(t.tenant.id, manager, { leadId: lead.leadId, userId: t.sales2.id })).toEqual({ ok: true });
    expect((await timeline(t.tenant.id, lead.conversationId)).at(-1)?.body).toBe("Assigned to Sara Sales by Manon Manager");
    const foreign = { userId: other.manager.id, role: "manager" as const, name: "x" };
    expect(await changeStageAsStaff(other.tenant.id, foreign, { leadId: lead.leadId, stage: "won" })).toMatchObject({ ok: false });
  });
});

describe("stage changes and the board", () => {
  it("writes lead_activities, needs a reason for lost, and the board totals follow", async () => {
    const { t, manager, sam } = await dealership();
    const golf = await seedVehicle(t.tenant.id, { make: "Volkswagen", model: "Golf", price: 18000 });
    const polo = await seedVehicle(t.tenant.id, { make: "Volkswagen", model: "Polo", price: 12000 });
    const a = await seedLead(t.tenant.id, t.channelId, { name: "Anna", phone: "31611111111", vehicleId: golf.id, hot: true });
    const b = await seedLead(t.tenant.id, t.channelId, { name: "Bram", phone: "31622222222", vehicleId: polo.id, assignedUserId: t.sales2.id });
    const c = await seedLead(t.tenant.id, t.channelId, { name: "Cees", phone: "31633333333", vehicleId: polo.id });

    expect(await changeStageAsStaff(t.tenant.id, manager, { leadId: a.leadId, stage: "test_drive" })).toEqual({ ok: true });
    expect(await changeStageAsStaff(t.tenant.id, manager, { leadId: b.leadId, stage: "won", wonAmount: 11500 })).toEqual({ ok: true });
    expect(await changeStageAsStaff(t.tenant.id, manager, { leadId: c.leadId, stage: "lost" })).toMatchObject({ ok: false, error: /why/ });
    expect(await changeStageAsStaff(t.tenant.id, manager, { leadId: c.leadId, stage: "lost", lostReason: "Bought elsewhere" })).toEqual({ ok: true });

    const activities = await withTenant(t.tenant.id, (tx) => tx.select().from(leadActivities).where(and(eq(leadActivities.leadId, c.leadId), eq(leadActivities.type, "stage_changed"))));
    expect(activities).toMatchObject([{ actorUserId: t.manager.id, data: { from: "new", to: "lost", reason: "Bought elsewhere" } }]);
    expect((await timeline(t.tenant.id, a.conversationId)).at(-1)?.body).toBe("Stage: New → Test drive by Manon Manager");

    const board = await getPipelineBoard(t.tenant.id, { userId: t.manager.id, role: "manager" });
    const col = (s: string) => board.find((x) => x.stage === s)!;
    expect(board.map((x) => x.stage)).toEqual(["new", "contacted", "qualified", "test_drive", "negotiation", "won", "lost"]);
    expect(col("test_drive")).toMatchObject({ count: 1, value: 18000, cards: [{ contactName: "Anna", hot: true, conversationId: a.conversationId }] });
    expect(col("won")).toMatchObject({ count: 1, value: 11500 });
    expect(col("lost")).toMatchObject({ count: 1, value: 12000, cards: [{ lostReason: "Bought elsewhere" }] });
    expect(col("new").count).toBe(0);

    const samsBoard = await getPipelineBoard(t.tenant.id, { userId: sam.userId, role: "sales" });
    expect(samsBoard.find((x) => x.stage === "won")).toMatchObject({ count: 0, value: 0, cards: [] });
    expect(samsBoard.find((x) => x.stage === "test_drive")?.count).toBe(1);

    // Won without an amount: the car's asking price is the sale's, so analytics does not count € 0.
    expect(await changeStageAsStaff(t.tenant.id, manager, { leadId: a.leadId, stage: "won" })).toEqual({ ok: true });
    const [wonA] = await withTenant(t.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, a.leadId)));
    expect(wonA.wonAmount).toBe(18000);
  });

  it("adds a note to the lead and its activity log", async () => {
    const { t, sam } = await dealership();
    const a = await seedLead(t.tenant.id, t.channelId, { name: "Anna", phone: "31611111111" });
    expect(await addLeadNote(t.tenant.id, sam, { leadId: a.leadId, text: "  " })).toMatchObject({ ok: false });
    expect(await addLeadNote(t.tenant.id, sam, { leadId: a.leadId, text: "Wants a tow bar" })).toEqual({ ok: true });
    const [lead] = await withTenant(t.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, a.leadId)));
    expect(lead.notes).toMatch(/Sam Sales: Wants a tow bar$/);
  });

  it("dates a note in the dealer's calendar: just after midnight in Jakarta it is already the next day there", async () => {
    const { t, sam } = await dealership();
    await withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ timeZone: "Asia/Jakarta" }).where(eq(tenants.id, t.tenant.id)));
    const a = await seedLead(t.tenant.id, t.channelId, { name: "Ayu", phone: "6281200000002" });
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-10T17:30:00Z") });
    try {
      expect(await addLeadNote(t.tenant.id, sam, { leadId: a.leadId, text: "Calls back tomorrow" })).toEqual({ ok: true });
    } finally {
      vi.useRealTimers();
    }
    const [lead] = await withTenant(t.tenant.id, (tx) => tx.select().from(leads).where(eq(leads.id, a.leadId)));
    expect(lead.notes).toBe("2026-03-11 Sam Sales: Calls back tomorrow");
  });
});
