import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainJobs } from "@/inngest/local/runner";
import { queueOutboundMessage } from "@/lib/conversations/outbound";
import { isInsideCustomerServiceWindow } from "@/lib/channels/whatsapp-cloud";
import { reloadEnv } from "@/lib/env";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { startFakeGraph, type FakeGraph } from "../../fakes/graph-server";
import { conversationOn, messageById, uniquePhone } from "./channel-fixtures";

useTestDatabase();
let graph: FakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
  process.env.META_GRAPH_URL = graph.url;
  reloadEnv();
});
afterAll(() => graph.close());

const hour = 3600_000;
const template = { name: "follow_up_day1", language: "nl", variables: ["Kim"] };

describe("WhatsApp 24-hour customer-service window (enforced when sending, whoever queued the message)", () => {
  it("is open for 24 hours after the shopper's last message and closed from then on", () => {
    const now = new Date("2026-05-04T12:00:00Z");
    expect(isInsideCustomerServiceWindow(new Date(now.getTime() - 24 * hour + 1000), now)).toBe(true);
    expect(isInsideCustomerServiceWindow(new Date(now.getTime() - 24 * hour), now)).toBe(false);
    expect(isInsideCustomerServiceWindow(null, now)).toBe(false);
    expect(isInsideCustomerServiceWindow("2026-05-04T11:00:00.000Z", now)).toBe(true);
  });

  it("refuses buttons and free text to a shopper who never wrote or wrote over 24 h ago, and never calls Meta", async () => {
    const t = await createTestTenant({ graphToken: "tok-window" });
    const before = graph.requests.length;
    for (const lastInboundAt of [null, new Date(Date.now() - 30 * hour)]) {
      const c = await conversationOn(t.tenant.id, t.channelId, uniquePhone(), lastInboundAt);
      const text = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "assistant", body: "Nog interesse?" });
      const buttons = await queueOutboundMessage(t.tenant.id, {
        conversationId: c.id, senderKind: "staff", body: "Proefrit?", meta: { buttons: { type: "buttons", text: "Proefrit?", buttons: [{ id: "yes", title: "Ja" }] } },
      });
      await drainJobs();
      for (const m of [text, buttons]) expect(await messageById(t.tenant.id, m.id)).toMatchObject({ status: "failed", error: { code: 131047 } });
    }
    expect(graph.requests.length).toBe(before);
  });

  it("our own template does not reopen the window; the shopper's answer does", async () => {
    const t = await createTestTenant({ graphToken: "tok-window-2" });
    const phone = uniquePhone();
    const c = await conversationOn(t.tenant.id, t.channelId, phone, new Date(Date.now() - 48 * hour));
    const tpl = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Hoi Kim, nog interesse?", meta: { template } });
    await drainJobs();
    expect((await messageById(t.tenant.id, tpl.id)).status).toBe("sent");
    const after = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Hallo?" });
    await drainJobs();
    expect((await messageById(t.tenant.id, after.id)).status).toBe("failed");

    await conversationOn(t.tenant.id, t.channelId, phone, new Date());
    const reply = await queueOutboundMessage(t.tenant.id, { conversationId: c.id, senderKind: "staff", body: "Fijn dat u reageert!" });
    await drainJobs();
    expect((await messageById(t.tenant.id, reply.id)).status).toBe("sent");
    expect(graph.sent.filter((s) => s.body.to === phone).map((s) => s.body.type)).toEqual(["template", "text"]);
  });
});
