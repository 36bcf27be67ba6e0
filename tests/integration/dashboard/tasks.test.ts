import { describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant";
import { tasks } from "@/db/schema";
import { completeTask, openTasksFor } from "@/lib/inbox/tasks";
import { notifyReps } from "@/lib/leads/signals";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { seedLead } from "./seed";

useTestDatabase();

describe("tasks on Today", () => {
  it("lists a person's own open alerts and tasks with the shopper and the summary; managers also see those nobody has", async () => {
    const t = await createTestTenant();
    const sam = { userId: t.sales1.id, role: "sales" as const };
    const sara = { userId: t.sales2.id, role: "sales" as const };
    const manager = { userId: t.manager.id, role: "manager" as const };
    const anna = await seedLead(t.tenant.id, t.channelId, { name: "Anna", phone: "31611111111", assignedUserId: t.sales1.id });
    const bram = await seedLead(t.tenant.id, t.channelId, { name: "Bram", phone: "31622222222", assignedUserId: null });
    // The assistant's hand-over alert goes to the lead's rep, with its summary.
    await withTenant(t.tenant.id, (tx) => notifyReps(tx, t.tenant.id, anna.leadId, "Hand-over: Anna", "Reason: price negotiation\nShopper: Wat is uw laatste prijs?"));
    // A follow-up's task step on a lead without a rep belongs to nobody.
    await withTenant(t.tenant.id, (tx) => tx.insert(tasks).values({ tenantId: t.tenant.id, userId: null, leadId: bram.leadId, kind: "task", title: "Bel Bram terug", dueAt: new Date() }));

    const forSam = await openTasksFor(t.tenant.id, sam);
    expect(forSam.total).toBe(1);
    expect(forSam.tasks[0]).toMatchObject({
      kind: "notify", title: "Hand-over: Anna", body: "Reason: price negotiation\nShopper: Wat is uw laatste prijs?",
      contactName: "Anna", conversationId: anna.conversationId, forNobody: false,
    });
    expect((await openTasksFor(t.tenant.id, sara)).total).toBe(0);
    const forManager = await openTasksFor(t.tenant.id, manager);
    expect(forManager.tasks.map((x) => [x.title, x.forNobody])).toEqual([["Bel Bram terug", true]]);
  });

  it("ticks off only the viewer's own open task in their own dealership", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const sam = { userId: t.sales1.id, role: "sales" as const };
    const anna = await seedLead(t.tenant.id, t.channelId, { name: "Anna", phone: "31633333333", assignedUserId: t.sales1.id });
    await withTenant(t.tenant.id, (tx) => notifyReps(tx, t.tenant.id, anna.leadId, "Hot lead: Anna", "Reason: wants a test drive"));
    const [task] = (await openTasksFor(t.tenant.id, sam)).tasks;
    const refused = { ok: false, error: "This task is done already or not on your list." };

    expect(await completeTask(t.tenant.id, { userId: t.sales2.id, role: "sales" }, { taskId: task.id })).toEqual(refused);
    expect(await completeTask(other.tenant.id, { userId: other.owner.id, role: "owner" }, { taskId: task.id })).toEqual(refused);
    expect(await completeTask(t.tenant.id, sam, { taskId: "not-a-uuid" })).toEqual(refused);
    expect((await openTasksFor(t.tenant.id, sam)).total).toBe(1);

    expect(await completeTask(t.tenant.id, sam, { taskId: task.id })).toEqual({ ok: true });
    expect((await openTasksFor(t.tenant.id, sam)).total).toBe(0);
    expect(await completeTask(t.tenant.id, sam, { taskId: task.id })).toEqual(refused);
  });
});
