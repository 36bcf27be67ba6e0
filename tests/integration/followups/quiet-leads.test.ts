import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { and, eq, gt } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, leads, messages } from "@/db/schema";
import { advanceClock, clock, resetClock, setClock } from "@/inngest/local/clock";
import { drainJobs, useLocalFunctions } from "@/inngest/local/runner";
import { enrollFollowups } from "@/inngest/functions/enroll-followups";
import { runFollowup } from "@/inngest/functions/run-followup";
import { stopFollowupsFn } from "@/inngest/functions/stop-followups";
import { recordOutboundMessage } from "@/lib/conversations";
import { enrollQuietLeads, tenantsWithNoReplySequences } from "@/lib/followups/quiet";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { enrollmentOf, followupMessages, hours, sequenceFor, shopperWrites, twoNudges, whatsAppLead, type World } from "./world";

useTestDatabase();

let w: World;
beforeEach(async () => {
  useLocalFunctions([enrollFollowups, runFollowup, stopFollowupsFn]);
  setClock(new Date("2026-03-02T09:00:00Z"));
  w = await createTestTenant();
});
afterEach(() => resetClock());
afterAll(() => useLocalFunctions(null));

/** The assistant answers on the lead's conversation, stamped with the test clock. */
async function assistantAnswers(world: World, leadId: string) {
  await withTenant(world.tenant.id, async (tx) => {
    const [conv] = await tx.select().from(conversations).where(eq(conversations.leadId, leadId));
    const { message } = await recordOutboundMessage(tx, world.tenant.id, { conversationId: conv.id, senderKind: "assistant", body: "Ja, de Golf is er nog." });
    await tx.update(messages).set({ createdAt: clock.now() }).where(eq(messages.id, message.id));
  });
}

/** Inbound messages are stamped by the database's clock; put them on the test clock so "last message" is ordered as in life. */
async function stampToClock(world: World) {
  await withTenant(world.tenant.id, (tx) => tx.update(messages).set({ createdAt: clock.now() }).where(gt(messages.createdAt, clock.now())));
}

/** A WhatsApp lead that arrived before any no_reply sequence existed, answered by the assistant. */
async function answeredLead(world: World) {
  const l = await whatsAppLead(world);
  await stampToClock(world);
  advanceClock(60_000);
  await assistantAnswers(world, l.lead.id);
  return l;
}

async function scan() {
  const ids: string[] = [];
  for (const t of await tenantsWithNoReplySequences()) ids.push(...await enrollQuietLeads(t, clock.now()));
  await drainJobs();
  return ids;
}

const nudge = twoNudges[1];

describe("quiet leads scan (no_reply after our last message)", () => {
  it("enrolls a lead whose last message is ours from 25 hours ago, once, and runs the first step", async () => {
    const { lead } = await answeredLead(w);
    await sequenceFor(w, [nudge], { type: "no_reply", hours: 24 });
    advanceClock(hours(23));
    expect(await scan()).toHaveLength(0);
    advanceClock(hours(2));
    expect(await scan()).toHaveLength(1);
    expect(await scan()).toHaveLength(0);
    const sent = await followupMessages(w, lead.id);
    expect(sent).toHaveLength(2);
    expect(sent[1].body).toContain("Eva");
    expect(await enrollmentOf(w, lead.id)).toMatchObject({ status: "completed" });
  });

  it("skips a lead whose shopper wrote last, a won lead and an opted-out contact", async () => {
    const shopperLast = await answeredLead(w);
    advanceClock(60_000);
    await shopperWrites(w, shopperLast.contact.id, shopperLast.lead.id, "Ok, ik denk erover na");
    await stampToClock(w);
    const won = await answeredLead(w);
    await withTenant(w.tenant.id, (tx) => tx.update(leads).set({ stage: "won" }).where(eq(leads.id, won.lead.id)));
    const optedOut = await answeredLead(w);
    await withTenant(w.tenant.id, (tx) => tx.update(contacts).set({ optedOutAt: clock.now() }).where(eq(contacts.id, optedOut.contact.id)));
    await sequenceFor(w, [nudge], { type: "no_reply", hours: 24 });
    advanceClock(hours(25));
    expect(await scan()).toHaveLength(0);
    for (const l of [shopperLast, won, optedOut]) expect(await enrollmentOf(w, l.lead.id)).toBeUndefined();
  });

  it("a shopper reply after enrollment stops the rest of the sequence", async () => {
    const { lead, contact } = await answeredLead(w);
    await sequenceFor(w, [nudge, { type: "wait", hours: 24 }, nudge], { type: "no_reply", hours: 24 });
    advanceClock(hours(25));
    expect(await scan()).toHaveLength(1);
    expect(await followupMessages(w, lead.id)).toHaveLength(2);
    advanceClock(hours(1));
    await shopperWrites(w, contact.id, lead.id, "Ja, nog steeds interesse");
    expect(await enrollmentOf(w, lead.id)).toMatchObject({ status: "cancelled", cancelReason: "replied" });
    advanceClock(hours(48));
    await drainJobs();
    expect(await followupMessages(w, lead.id)).toHaveLength(2);
    expect(await scan()).toHaveLength(0);
  });

  it("a lead that replied and went quiet again is followed up again, once per quiet spell", async () => {
    const { lead, contact } = await answeredLead(w);
    await sequenceFor(w, [nudge, { type: "wait", hours: 24 }, nudge], { type: "no_reply", hours: 24 });
    advanceClock(hours(25));
    expect(await scan()).toHaveLength(1);
    advanceClock(hours(1));
    await shopperWrites(w, contact.id, lead.id, "Is hij nog te koop?");
    await stampToClock(w);
    advanceClock(60_000);
    await assistantAnswers(w, lead.id);
    const before = (await followupMessages(w, lead.id)).length;
    advanceClock(hours(23));
    expect(await scan()).toHaveLength(0);
    advanceClock(hours(2));
    expect(await scan()).toHaveLength(1);
    expect(await scan()).toHaveLength(0);
    expect(await followupMessages(w, lead.id)).toHaveLength(before + 1);
  });

  it("does not touch another tenant's quiet leads", async () => {
    const other = await createTestTenant();
    const { lead: otherLead } = await answeredLead(other);
    const { lead } = await answeredLead(w);
    await sequenceFor(w, [nudge], { type: "no_reply", hours: 24 });
    advanceClock(hours(25));
    expect(await scan()).toHaveLength(1);
    expect(await enrollmentOf(w, lead.id)).toBeDefined();
    expect(await enrollmentOf(other, otherLead.id)).toBeUndefined();
    expect(await enrollQuietLeads(other.tenant.id, clock.now())).toHaveLength(0);
    const otherSent = await withTenant(other.tenant.id, (tx) => tx.select().from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(conversations.leadId, otherLead.id), eq(messages.direction, "outbound"))));
    expect(otherSent).toHaveLength(1);
  });
});
