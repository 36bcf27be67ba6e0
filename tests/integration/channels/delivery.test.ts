import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { conversations, messages } from "@/db/schema";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, clock, resetClock } from "@/inngest/local/clock";
import { queueOutboundMessage, redispatchStuckOutbound } from "@/lib/conversations/outbound";
import { findOrCreateConversation, recordOutboundMessage } from "@/lib/conversations";
import { upsertContact } from "@/lib/leads/contacts";
import { findOrCreateOpenLead } from "@/lib/leads/leads";
import { reloadEnv } from "@/lib/env";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";

const database = useTestDatabase();
let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());
afterEach(() => resetClock());

async function conversationWith(tenant: Awaited<ReturnType<typeof createTestTenant>>, lastInboundAt: Date | null) {
  return withTenant(tenant.tenant.id, async (tx) => {
    const contact = await upsertContact(tx, tenant.tenant.id, { phone: `3161${Math.floor(Math.random() * 1e7)}`, name: "Kim" });
    const { lead } = await findOrCreateOpenLead(tx, tenant.tenant.id, contact.id, { source: "whatsapp" });
    const c = await findOrCreateConversation(tx, tenant.tenant.id, { contactId: contact.id, leadId: lead.id, channelId: tenant.channelId, medium: "whatsapp" });
    await tx.update(conversations).set({ lastInboundAt }).where(eq(conversations.id, c.id));
    return c;
  });
}
const statusOf = async (tenantId: string, id: string) => (await withTenant(tenantId, (tx) => tx.select().from(messages).where(eq(messages.id, id))))[0];

describe("outbound delivery", () => {
  it("sends a staff reply through the Graph API and records the wamid", async () => {
    const t = await createTestTenant({ graphToken: "tok-1" });
    const c = await conversationWith(t, new Date());
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", senderUserId: t.sales1.id, body: "Welkom! De auto staat klaar." });
    await drainJobs();
    const sent = graph.sent.filter((s) => s.phoneNumberId === t.phoneNumberId);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({ messaging_product: "whatsapp", type: "text", text: { body: "Welkom! De auto staat klaar." } });
    const row = await statusOf(t.tenant.id, msg.id);
    expect(row.status).toBe("sent");
    expect(row.providerMessageId).toBe(sent[0].id);
  });

  it("retries when the Graph API fails twice, then delivers exactly once", async () => {
    const t = await createTestTenant({ graphToken: "tok-2" });
    const c = await conversationWith(t, new Date());
    graph.failNext(1, 500);
    graph.failNext(1, 429, 130429);
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "assistant", body: "Hier zijn drie opties." });
    for (let i = 0; i < 5; i++) {
      await drainJobs();
      advanceClock(10_000);
    }
    expect(graph.sent.filter((s) => s.phoneNumberId === t.phoneNumberId)).toHaveLength(1);
    expect((await statusOf(t.tenant.id, msg.id)).status).toBe("sent");
  });

  it("rides out an outage that answers 429 with Retry-After: 1, backing off instead of spending every attempt at once", async () => {
    const t = await createTestTenant({ graphToken: "tok-3" });
    const c = await conversationWith(t, new Date());
    graph.failNext(6, 429, 130429, 1);
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "assistant", body: "Nog even geduld." });
    const attempts: number[] = [];
    for (let i = 0; i < 12; i++) {
      await drainJobs();
      attempts.push(graph.requests.filter((r) => r.method === "POST" && r.path.includes(t.phoneNumberId)).length);
      advanceClock(70_000);
    }
    expect(graph.sent.filter((s) => s.phoneNumberId === t.phoneNumberId)).toHaveLength(1);
    expect((await statusOf(t.tenant.id, msg.id)).status).toBe("sent");
    // Not all in the first round: the second and later attempts waited for the backoff.
    expect(attempts[0]).toBeLessThan(3);
  });

  it("a reply stored while its delivery request was lost is sent once by the sweeper; one still retrying is not sent twice", async () => {
    const t = await createTestTenant({ graphToken: "tok-4" });
    const c = await conversationWith(t, new Date());
    const sentTo = () => graph.sent.filter((s) => s.phoneNumberId === t.phoneNumberId).length;
    // Stored, but the database or queue failed before "message/send.requested" went out.
    const { message: orphan } = await withTenant(t.tenant.id, (tx) => recordOutboundMessage(tx, t.tenant.id, { conversationId: c.id, senderKind: "assistant", body: "Dit antwoord bleef hangen." }));
    // Requested normally, but Meta keeps answering 429 so it is still queued when the sweeper looks.
    graph.failNext(2, 429, 130429, 1);
    const retrying = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "assistant", body: "Nog even geduld." });
    await drainJobs();
    expect(sentTo()).toBe(0);

    expect(await redispatchStuckOutbound(clock.now())).toBe(0); // younger than a minute
    advanceClock(90_000);
    expect(await redispatchStuckOutbound(clock.now())).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 6; i++) {
      await drainJobs();
      advanceClock(30_000);
    }
    expect((await statusOf(t.tenant.id, orphan.id)).status).toBe("sent");
    expect((await statusOf(t.tenant.id, retrying.id)).status).toBe("sent");
    expect(sentTo()).toBe(2);
    // Sent is sent: a later sweep asks for nothing.
    advanceClock(90_000);
    await redispatchStuckOutbound(clock.now());
    await drainJobs();
    expect(sentTo()).toBe(2);
  });

  it("a send whose record the database refused at first (a restart) is recorded once it is back, never sent twice", async () => {
    const t = await createTestTenant({ graphToken: "tok-6" });
    const c = await conversationWith(t, new Date());
    const sentTo = () => graph.sent.filter((s) => s.phoneNumberId === t.phoneNumberId);
    const { db } = database();
    await db.execute(sql`create function refuse_sent() returns trigger language plpgsql as $$ begin raise exception 'the database is restarting'; end $$`);
    await db.execute(sql`create trigger refuse_sent before update on messages for each row when (new.status = 'sent') execute function refuse_sent()`);
    try {
      const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "assistant", body: "Twee opties voor u." });
      const draining = drainJobs();
      for (let i = 0; i < 100 && sentTo().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(sentTo()).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 700)); // a few refused writes
      expect((await statusOf(t.tenant.id, msg.id)).status).toBe("queued");
      await db.execute(sql`drop trigger refuse_sent on messages`);
      await draining;
      for (let i = 0; i < 3; i++) {
        advanceClock(90_000);
        await redispatchStuckOutbound(clock.now());
        await drainJobs();
      }
      const row = await statusOf(t.tenant.id, msg.id);
      expect(row.status).toBe("sent");
      expect(row.providerMessageId).toBe(sentTo()[0].id);
      expect(sentTo()).toHaveLength(1);
    } finally {
      await db.execute(sql`drop trigger if exists refuse_sent on messages`);
      await db.execute(sql`drop function if exists refuse_sent()`);
    }
  });

  it("refuses free text outside the 24-hour window without calling Meta", async () => {
    const t = await createTestTenant({ graphToken: "tok-3" });
    const c = await conversationWith(t, new Date(Date.now() - 25 * 3600_000));
    const before = graph.requests.length;
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Nog interesse?" });
    await drainJobs();
    const row = await statusOf(t.tenant.id, msg.id);
    expect(row.status).toBe("failed");
    expect(row.error?.title).toMatch(/24-hour/);
    expect(graph.requests.length).toBe(before);
  });

  it("sends an approved template outside the window", async () => {
    const t = await createTestTenant({ graphToken: "tok-4" });
    const c = await conversationWith(t, null);
    await queueOutboundMessage(t.tenant.id, {
      conversationId: c.id, senderKind: "staff", body: "Nog interesse in de Golf?",
      meta: { template: { name: "follow_up_day1", language: "nl", variables: ["Kim", "Volkswagen Golf"] } },
    });
    await drainJobs();
    const [sent] = graph.sent.filter((s) => s.phoneNumberId === t.phoneNumberId);
    expect(sent.body).toMatchObject({ type: "template", template: { name: "follow_up_day1", language: { code: "nl" } } });
  });

  it("marks a message 'not delivered: channel not connected' when the channel has no token", async () => {
    const t = await createTestTenant();
    const c = await conversationWith(t, new Date());
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Hallo" });
    await drainJobs();
    const row = await statusOf(t.tenant.id, msg.id);
    expect(row.status).toBe("not_delivered");
    expect(row.error?.title).toBe("not delivered: channel not connected");
  });

  it("records a permanent Graph error on the message", async () => {
    const t = await createTestTenant({ graphToken: "tok-5" });
    const c = await conversationWith(t, new Date());
    graph.failNext(1, 400, 131026);
    const msg = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Hallo" });
    await drainJobs();
    const row = await statusOf(t.tenant.id, msg.id);
    expect(row.status).toBe("failed");
    expect(row.error?.code).toBe(131026);
  });
});
