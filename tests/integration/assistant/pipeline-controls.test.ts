import { afterEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { conversations, jobRuns, messages } from "@/db/schema";
import { registry } from "@/inngest/define";
import { replyToShopper } from "@/inngest/functions/reply-to-shopper";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, clock, resetClock } from "@/inngest/local/clock";
import { evaluateKey } from "@/inngest/local/expressions";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { useOfflineAssistant } from "../../helpers/offline-assistant";
import { signedRequest, whatsappText } from "../../fakes/whatsapp-payloads";
import { sequenceFor, twoNudges } from "../followups/world";

// The reply's stock search fails on demand, as a dropped connection would.
const hiccups = vi.hoisted(() => ({ left: 0 }));
vi.mock("@/lib/assistant/tools", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/assistant/tools")>();
  return {
    ...real,
    searchInventoryTool: async (...args: Parameters<typeof real.searchInventoryTool>) => {
      if (hiccups.left-- > 0) throw new Error("connection reset while searching stock");
      return real.searchInventoryTool(...args);
    },
  };
});

// The job queue takes its time on demand: sends naming a held event wait until the test lets them go.
const queue = vi.hoisted(() => ({ held: null as null | { name: string; release: Promise<void> } }));
vi.mock("@/inngest/dispatch", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/inngest/dispatch")>();
  return {
    ...real,
    sendEvent: async (payload: Parameters<typeof real.sendEvent>[0]) => {
      const held = queue.held;
      if (held && (Array.isArray(payload) ? payload : [payload]).some((e) => e.name === held.name)) await held.release;
      return real.sendEvent(payload);
    },
  };
});

useTestDatabase();
const graph = useOfflineAssistant();
afterEach(() => {
  resetClock();
  hiccups.left = 0;
  queue.held = null;
});

type T = Awaited<ReturnType<typeof createTestTenant>>;
async function say(t: T, from: string, text: string) {
  const res = await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text })));
  expect(res.status).toBe(200);
  await drainJobs();
  advanceClock(5_000);
  await drainJobs();
}
const assistantMessages = async (tenantId: string) =>
  (await withTenant(tenantId, (tx) => tx.select().from(messages))).filter((m) => m.senderKind === "assistant");

describe("reply pipeline controls", () => {
  it("throttles replies per tenant and answers one conversation at a time", () => {
    const { options } = registry.get(replyToShopper)!;
    const event = { name: "conversation/message.received", data: { tenantId: "tenant-a", conversationId: "conv-1", messageId: "m1" } };
    expect(options.throttle).toMatchObject({ limit: 300, period: "1m", burst: 20 });
    expect(evaluateKey(options.throttle!.key!, { event })).toBe("tenant-a");
    expect(evaluateKey(options.throttle!.key!, { event: { ...event, data: { ...event.data, tenantId: "tenant-b" } } })).toBe("tenant-b");
    const concurrency = Array.isArray(options.concurrency) ? options.concurrency[0] : options.concurrency!;
    expect(concurrency.limit).toBe(1);
    expect(evaluateKey(concurrency.key!, { event })).toBe("conv-1");
    expect(evaluateKey(options.debounce!.key!, { event })).toBe("conv-1");
    expect(options.retries).toBeGreaterThanOrEqual(2);
  });

  it("retries a reply that failed and still answers exactly once", async () => {
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    hiccups.left = 1;
    await say(t, "31612347001", "Hebben jullie een automaat onder de 20.000 euro?");
    expect(await assistantMessages(t.tenant.id)).toHaveLength(0);
    const db = await getSystemDb();
    const [failed] = await db.select().from(jobRuns).where(and(eq(jobRuns.functionId, "reply-to-shopper"), eq(jobRuns.status, "queued")));
    expect(failed.lastError).toMatch(/connection reset/);

    advanceClock(2_000);
    await drainJobs();
    const replies = await assistantMessages(t.tenant.id);
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toMatch(/Dit hebben we voor je/);
    expect(graph().sent.filter((s) => s.body.to === "31612347001")).toHaveLength(1);
  });

  const deliveryRuns = async (messageId: string) => {
    const db = await getSystemDb();
    return (await db.select().from(jobRuns).where(eq(jobRuns.functionId, "deliver-message"))).filter((r) => (r.event as { data: Record<string, unknown> }).data.messageId === messageId);
  };

  it("sends the answer from the run that wrote it: no delivery run when the send succeeds", async () => {
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    await say(t, "31612347004", "Is de Golf er nog?");
    const [reply] = await assistantMessages(t.tenant.id);
    expect(reply.status).toBe("sent");
    expect(graph().sent.filter((s) => s.body.to === "31612347004")).toHaveLength(1);
    expect(await deliveryRuns(reply.id)).toHaveLength(0);
  });

  it("sends the answer while the job queue is still taking the run's events", async () => {
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    // A sequence for the new stage, so the stage change has a run to start.
    await sequenceFor(t, twoNudges, { type: "stage_changed", stage: "contacted" });
    const from = "31612347005";
    const res = await POST(signedRequest("http://localhost/api/webhooks/whatsapp", whatsappText({ phoneNumberId: t.phoneNumberId, from, text: "Is de Golf er nog?" })));
    expect(res.status).toBe(200);
    await drainJobs();
    // The first answer moves the new lead to "contacted": that event waits in the queue's hands.
    let release!: () => void;
    queue.held = { name: "lead/stage.changed", release: new Promise<void>((r) => (release = r)) };
    advanceClock(5_000);
    const drained = drainJobs();
    const deadline = Date.now() + 10_000;
    while (!graph().sent.some((s) => s.body.to === from) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(graph().sent.filter((s) => s.body.to === from)).toHaveLength(1);
    release();
    await drained;
    const [reply] = await assistantMessages(t.tenant.id);
    expect(reply.status).toBe("sent");
    const db = await getSystemDb();
    const stageRuns = (await db.select().from(jobRuns).where(eq(jobRuns.eventName, "lead/stage.changed")))
      .filter((r) => (r.event as { data: Record<string, unknown> }).data.tenantId === t.tenant.id);
    expect(stageRuns.length).toBeGreaterThan(0);
  });

  it("retries the send when the Graph API fails for a moment, after the backoff and without a second copy", async () => {
    const t = await createTestTenant({ graphToken: "tok" });
    await addStock(t.tenant.id);
    graph().failNext(1, 500);
    await say(t, "31612347002", "Is de Golf er nog?");
    expect(graph().sent.filter((s) => s.body.to === "31612347002")).toHaveLength(0);
    // The reply run's own attempt failed; the delivery function takes over after the first backoff, not at once.
    const [queued] = await assistantMessages(t.tenant.id);
    expect(queued.status).toBe("queued");
    const [run] = await deliveryRuns(queued.id);
    expect(run.runAt.getTime()).toBeGreaterThan(clock.now().getTime());
    // Backoff doubles per attempt; a loopback keep-alive reset may cost one more attempt.
    for (let i = 0; i < 3; i++) {
      advanceClock(4_000);
      await drainJobs();
    }
    const [reply] = await assistantMessages(t.tenant.id);
    expect(reply.status).toBe("sent");
    expect(graph().sent.filter((s) => s.body.to === "31612347002")).toHaveLength(1);
  });

  it("stays silent in a paused conversation", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    await say(t, "31612347003", "Hallo");
    await withTenant(t.tenant.id, (tx) => tx.update(conversations).set({ mode: "paused" }));
    await say(t, "31612347003", "Hebben jullie een automaat?");
    await say(t, "31612347003", "Hallo??");
    const replies = await assistantMessages(t.tenant.id);
    expect(replies).toHaveLength(1);
    const inbound = (await withTenant(t.tenant.id, (tx) => tx.select().from(messages))).filter((m) => m.senderKind === "customer");
    expect(inbound).toHaveLength(3);
  });
});
