import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, jobRuns, leadActivities, leads, memberships, messages, tenants, vehicles } from "@/db/schema";
import { getSystemDb } from "@/db/client";
import { drainJobs } from "@/inngest/local/runner";
import { createBranch, type BranchInput } from "@/lib/branches";
import { assignNewLeadInTurn } from "@/lib/leads/assign-in-turn";
import { findOrCreateOpenLead } from "@/lib/leads/leads";
import { upsertContact } from "@/lib/leads/contacts";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { shopperWrites } from "../../helpers/inbound";

useTestDatabase();

type T = Awaited<ReturnType<typeof createTestTenant>>;
const autoAssign = (t: T, on: boolean) =>
  withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ settings: { leads: { autoAssign: on } } }).where(eq(tenants.id, t.tenant.id)));
const onDuty = (t: T, userId: string, on: boolean) =>
  withTenant(t.tenant.id, (tx) => tx.update(memberships).set({ onDuty: on }).where(and(eq(memberships.tenantId, t.tenant.id), eq(memberships.userId, userId))));
const leadOf = async (t: T, phone: string) => withTenant(t.tenant.id, async (tx) => {
  const [row] = await tx.select({ lead: leads, conversation: conversations }).from(leads)
    .innerJoin(contacts, eq(contacts.id, leads.contactId)).leftJoin(conversations, eq(conversations.leadId, leads.id))
    .where(eq(contacts.phone, phone));
  return row;
});
const assignRuns = async () => (await (await getSystemDb()).select().from(jobRuns).where(eq(jobRuns.functionId, "assign-new-lead"))).length;

/** A lead created the way a form or an import creates one (no conversation yet), optionally about a car. */
async function newLead(t: T, phone: string, vehicleId: string | null = null) {
  return withTenant(t.tenant.id, async (tx) => {
    const contact = await upsertContact(tx, t.tenant.id, { phone });
    return (await findOrCreateOpenLead(tx, t.tenant.id, contact.id, { source: "website", vehicleId })).lead;
  });
}

describe("automatic lead assignment", () => {
  it("is off by default: a new WhatsApp lead stays unassigned and no assignment run starts", async () => {
    const t = await createTestTenant();
    await shopperWrites(t, "Hebben jullie een Golf?", "31690000001");
    await drainJobs();
    expect((await leadOf(t, "31690000001")).lead.assignedUserId).toBeNull();
    expect(await assignRuns()).toBe(0);
  });

  it("gives new leads to the reps on duty in turn, on the lead and its conversation, and says so in the timeline", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    await autoAssign(t, true);
    await autoAssign(other, true);
    for (const phone of ["31690000011", "31690000012", "31690000013"]) {
      await shopperWrites(t, "Hebben jullie een automaat?", phone);
      await drainJobs();
    }
    const got = await Promise.all(["31690000011", "31690000012", "31690000013"].map((p) => leadOf(t, p)));
    // Neither rep had a lead yet, so either may be first (they joined together); then whoever waited longest.
    const [first, second, third] = got.map((g) => g.lead.assignedUserId);
    expect([first, second].sort()).toEqual([t.sales1.id, t.sales2.id].sort());
    expect(third).toBe(first);
    for (const g of got) expect(g.conversation?.assignedUserId).toBe(g.lead.assignedUserId);
    const notes = await withTenant(t.tenant.id, (tx) => tx.select().from(messages).where(and(eq(messages.conversationId, got[1].conversation!.id), eq(messages.senderKind, "system"))));
    expect(notes.map((n) => n.body)).toContain(`Assigned to ${second === t.sales2.id ? "Sara" : "Sam"} Sales automatically (next on duty)`);
    const logged = await withTenant(t.tenant.id, (tx) => tx.select().from(leadActivities).where(and(eq(leadActivities.leadId, got[0].lead.id), eq(leadActivities.type, "assigned"))));
    expect(logged).toEqual([expect.objectContaining({ actorUserId: null, data: { userId: first } })]);

    // A returning shopper's message starts no new assignment; the other dealership's reps were never in the running.
    await shopperWrites(t, "En een diesel?", "31690000011");
    await drainJobs();
    expect((await leadOf(t, "31690000011")).lead.assignedUserId).toBe(first);
    expect(await assignRuns()).toBe(3);
    const otherMemberships = await withTenant(other.tenant.id, (tx) => tx.select().from(memberships));
    expect(otherMemberships.every((m) => m.lastLeadAt === null)).toBe(true);
  });

  it("prefers a rep placed in the lead's showroom, falls back to managers on duty, and leaves a lead alone when nobody is on duty", async () => {
    const t = await createTestTenant();
    await autoAssign(t, true);
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    const zuid = (await createBranch({ tenantId: t.tenant.id, userId: t.owner.id }, t.tenant, { name: "Showroom Zuid", street: "Zuidweg 1", city: "Den Bosch", phone: "+31730000000", postalCode: null, mapUrl: null } as BranchInput)).id;
    await withTenant(t.tenant.id, async (tx) => {
      await tx.update(vehicles).set({ branchId: zuid }).where(eq(vehicles.id, golf.id));
      await tx.update(memberships).set({ branchId: zuid }).where(and(eq(memberships.tenantId, t.tenant.id), eq(memberships.userId, t.sales2.id)));
    });
    // Twice in a row: the Golf stands at Zuid, where Sara works, although Sam has waited longer the second time.
    for (const phone of ["31690000021", "31690000022"]) expect(await assignNewLeadInTurn(t.tenant.id, (await newLead(t, phone, golf.id)).id)).toBe(t.sales2.id);
    expect(await assignNewLeadInTurn(t.tenant.id, (await newLead(t, "31690000023")).id)).toBe(t.sales1.id);

    await onDuty(t, t.sales1.id, false);
    await onDuty(t, t.sales2.id, false);
    await onDuty(t, t.manager.id, true);
    expect(await assignNewLeadInTurn(t.tenant.id, (await newLead(t, "31690000024")).id)).toBe(t.manager.id);
    await onDuty(t, t.manager.id, false);
    const orphan = await newLead(t, "31690000025");
    expect(await assignNewLeadInTurn(t.tenant.id, orphan.id)).toBeNull();
    expect((await leadOf(t, "31690000025")).lead.assignedUserId).toBeNull();
  });

  it("spreads leads that arrive together over the colleagues on duty, and gives them all to the only one", async () => {
    const t = await createTestTenant();
    await autoAssign(t, true);
    const four = await Promise.all(["31690000041", "31690000042", "31690000043", "31690000044"].map((p) => newLead(t, p)));
    const got = await Promise.all(four.map((l) => assignNewLeadInTurn(t.tenant.id, l.id)));
    expect(got.filter((u) => u === t.sales1.id)).toHaveLength(2);
    expect(got.filter((u) => u === t.sales2.id)).toHaveLength(2);

    await onDuty(t, t.sales2.id, false);
    const three = await Promise.all(["31690000045", "31690000046", "31690000047"].map((p) => newLead(t, p)));
    expect(await Promise.all(three.map((l) => assignNewLeadInTurn(t.tenant.id, l.id)))).toEqual([t.sales1.id, t.sales1.id, t.sales1.id]);
  });

  it("with fewest open leads first, gives the next lead to the rep holding fewer leads not yet won or lost, and in turn on a tie", async () => {
    const t = await createTestTenant();
    const give = async (phone: string, userId: string, stage: "new" | "won" | "lost") => {
      const l = await newLead(t, phone);
      await withTenant(t.tenant.id, (tx) => tx.update(leads).set({ assignedUserId: userId, stage }).where(eq(leads.id, l.id)));
    };
    await give("31690000051", t.sales1.id, "new");
    await give("31690000052", t.sales1.id, "new");
    for (const [phone, stage] of [["31690000053", "won"], ["31690000054", "lost"], ["31690000055", "won"], ["31690000056", "new"]] as const) await give(phone, t.sales2.id, stage);
    // sales2 was given a lead last, so in turn sales1 would be next.
    const stamp = (userId: string, at: Date) => withTenant(t.tenant.id, (tx) => tx.update(memberships).set({ lastLeadAt: at }).where(and(eq(memberships.tenantId, t.tenant.id), eq(memberships.userId, userId))));
    await stamp(t.sales1.id, new Date(Date.now() - 2 * 86_400_000));
    await stamp(t.sales2.id, new Date());
    const assignBy = (by: "turn" | "fewestOpen") =>
      withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ settings: { leads: { autoAssign: true, assignBy: by } } }).where(eq(tenants.id, t.tenant.id)));

    await assignBy("fewestOpen");
    expect(await assignNewLeadInTurn(t.tenant.id, (await newLead(t, "31690000057")).id)).toBe(t.sales2.id);
    // Two open leads each now: whoever was given one longest ago.
    expect(await assignNewLeadInTurn(t.tenant.id, (await newLead(t, "31690000058")).id)).toBe(t.sales1.id);

    await stamp(t.sales1.id, new Date(Date.now() - 2 * 86_400_000));
    await assignBy("turn");
    expect(await assignNewLeadInTurn(t.tenant.id, (await newLead(t, "31690000059")).id)).toBe(t.sales1.id);
  });

  it("leaves alone a lead already assigned, one of another dealership, and every lead when the setting is off", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    await autoAssign(t, true);
    const taken = await newLead(t, "31690000031");
    await withTenant(t.tenant.id, (tx) => tx.update(leads).set({ assignedUserId: t.manager.id }).where(eq(leads.id, taken.id)));
    expect(await assignNewLeadInTurn(t.tenant.id, taken.id)).toBeNull();
    expect((await leadOf(t, "31690000031")).lead.assignedUserId).toBe(t.manager.id);

    const theirs = await newLead(t, "31690000032");
    expect(await assignNewLeadInTurn(other.tenant.id, theirs.id)).toBeNull();
    expect((await leadOf(t, "31690000032")).lead.assignedUserId).toBeNull();

    await autoAssign(t, false);
    expect(await assignNewLeadInTurn(t.tenant.id, theirs.id)).toBeNull();
    const stamped = await withTenant(t.tenant.id, (tx) => tx.select().from(memberships).where(eq(memberships.tenantId, t.tenant.id)));
    expect(stamped.every((m) => m.lastLeadAt === null)).toBe(true);
  });
});
