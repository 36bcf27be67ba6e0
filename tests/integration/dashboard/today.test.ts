import { describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant";
import { appointments } from "@/db/schema";
import { replyAsStaff } from "@/lib/inbox/commands";
import { getTodayNumbers, todayBounds } from "@/lib/inbox/today";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { seedLead } from "./seed";

useTestDatabase();

describe("today's numbers", () => {
  it("midnight to midnight in the dealership's zone, 23 hours on the spring DST day", () => {
    const { start, end } = todayBounds(new Date("2026-06-02T10:00:00Z"), "Europe/Amsterdam");
    expect([start.toISOString(), end.toISOString()]).toEqual(["2026-06-01T22:00:00.000Z", "2026-06-02T22:00:00.000Z"]);
    const dst = todayBounds(new Date("2026-03-29T12:00:00Z"), "Europe/Amsterdam");
    expect((dst.end.getTime() - dst.start.getTime()) / 3600_000).toBe(23);
  });

  it("counts new leads, unanswered shoppers and today's test drives, scoped for reps", async () => {
    const t = await createTestTenant();
    const manager = { userId: t.manager.id, role: "manager" as const, name: "Manon Manager" };
    const anna = await seedLead(t.tenant.id, t.channelId, { name: "Anna", phone: "31611111111" });
    await seedLead(t.tenant.id, t.channelId, { name: "Bram", phone: "31622222222", assignedUserId: t.sales2.id });
    const now = new Date();
    await withTenant(t.tenant.id, (tx) => tx.insert(appointments).values([
      { tenantId: t.tenant.id, leadId: anna.leadId, contactId: anna.contactId, kind: "test_drive", startsAt: now, endsAt: new Date(now.getTime() + 3600_000), assignedUserId: t.sales2.id },
      { tenantId: t.tenant.id, leadId: anna.leadId, contactId: anna.contactId, kind: "test_drive", startsAt: now, endsAt: now, status: "cancelled" },
      { tenantId: t.tenant.id, leadId: anna.leadId, contactId: anna.contactId, kind: "test_drive", startsAt: new Date(now.getTime() + 3 * 86_400_000), endsAt: now },
    ]));

    const all = await getTodayNumbers(t.tenant.id, manager, "UTC", now);
    expect(all).toMatchObject({ newLeads: 2, unanswered: 2, testDrives: [{ contactName: "Anna" }] });

    expect(await replyAsStaff(t.tenant.id, manager, { conversationId: anna.conversationId, body: "Welkom!" })).toEqual({ ok: true });
    expect((await getTodayNumbers(t.tenant.id, manager, "UTC", now)).unanswered).toBe(1);

    const sam = await getTodayNumbers(t.tenant.id, { userId: t.sales1.id, role: "sales" }, "UTC", now);
    expect(sam).toMatchObject({ newLeads: 1, unanswered: 0, testDrives: [] });
  });

  it("asks about test drives of the past week that started but nobody marked, with the conversation to open; not about decided or future ones", async () => {
    const t = await createTestTenant();
    const manager = { userId: t.manager.id, role: "manager" as const };
    const cas = await seedLead(t.tenant.id, t.channelId, { name: "Cas", phone: "31633333333" });
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    await withTenant(t.tenant.id, (tx) => tx.insert(appointments).values([
      { tenantId: t.tenant.id, leadId: cas.leadId, contactId: cas.contactId, kind: "test_drive", startsAt: hoursAgo(26), endsAt: hoursAgo(25), assignedUserId: t.sales2.id },
      { tenantId: t.tenant.id, leadId: cas.leadId, contactId: cas.contactId, kind: "visit", startsAt: hoursAgo(3), endsAt: hoursAgo(2), status: "confirmed" },
      { tenantId: t.tenant.id, leadId: cas.leadId, contactId: cas.contactId, kind: "test_drive", startsAt: hoursAgo(50), endsAt: hoursAgo(49), status: "completed" },
      { tenantId: t.tenant.id, leadId: cas.leadId, contactId: cas.contactId, kind: "test_drive", startsAt: hoursAgo(30), endsAt: hoursAgo(29), status: "no_show" },
      { tenantId: t.tenant.id, leadId: cas.leadId, contactId: cas.contactId, kind: "test_drive", startsAt: hoursAgo(9 * 24), endsAt: hoursAgo(9 * 24 - 1) },
      { tenantId: t.tenant.id, leadId: cas.leadId, contactId: cas.contactId, kind: "test_drive", startsAt: hoursAgo(-5), endsAt: hoursAgo(-6) },
    ]));
    const all = await getTodayNumbers(t.tenant.id, manager, "UTC", now);
    expect(all.awaitingOutcome.map((a) => [a.kind, a.contactName, a.conversationId])).toEqual([
      ["test_drive", "Cas", cas.conversationId],
      ["visit", "Cas", cas.conversationId],
    ]);
    // A rep sees their own and unassigned ones, not a colleague's.
    const sam = await getTodayNumbers(t.tenant.id, { userId: t.sales1.id, role: "sales" }, "UTC", now);
    expect(sam.awaitingOutcome.map((a) => a.kind)).toEqual(["visit"]);
  });
});
