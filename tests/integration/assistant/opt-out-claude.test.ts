import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, jobRuns, messages, tasks } from "@/db/schema";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { useFakeClaude } from "../../helpers/fake-claude";
import { lastAssistantReply, optOutState, shopperSays } from "../../helpers/inbound";
import { addStock } from "../../helpers/stock";
import { lastToolCall, textReply, toolUse } from "../../fakes/anthropic-server";

useTestDatabase();
const claude = useFakeClaude();

type Dealer = Awaited<ReturnType<typeof createTestTenant>>;

const lastReply = lastAssistantReply;
const shopperState = (t: Dealer, phone: string) => optOutState(t.tenant.id, phone);

/** The events of `name` this dealer sent, as the runs they started record them. */
const eventsSent = async (tenantId: string, name: string) =>
  (await (await getSystemDb()).select({ event: jobRuns.event }).from(jobRuns)
    .where(and(eq(jobRuns.eventName, name), sql`${jobRuns.event}->'data'->>'tenantId' = ${tenantId}`))).map((r) => r.event.data);

describe("Claude answering a message that opts out (real SDK against a fake Messages API)", () => {
  it("a hand_over it calls hands nobody over: the model hears the shopper opted out, its answer goes out, and no rep is asked to contact them", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await shopperSays(t, "31612352001", "Hallo");
    const handOver: unknown[] = [];
    claude.use((req) => {
      const last = lastToolCall(req);
      if (last?.name !== "hand_over") return { body: toolUse("hand_over", { reason: "bought a car elsewhere" }) };
      handOver.push(last.result);
      return { body: textReply("Understood: you won't receive any more messages from us.") };
    });
    await shopperSays(t, "31612352001", "I bought a car elsewhere, stop sending me messages");
    const replies = await withTenant(t.tenant.id, (tx) => tx.select().from(messages).where(eq(messages.senderKind, "assistant")).orderBy(messages.createdAt));
    expect(replies.at(-1)).toMatchObject({ body: "Understood: you won't receive any more messages from us.", meta: expect.objectContaining({ engine: "claude" }) });
    const [shopper] = await withTenant(t.tenant.id, (tx) => tx.select({ optedOutAt: contacts.optedOutAt, mode: conversations.mode }).from(contacts)
      .innerJoin(conversations, eq(conversations.contactId, contacts.id)));
    expect(shopper.optedOutAt).toBeInstanceOf(Date);
    expect(shopper.mode).toBe("bot");
    const handOverAlerts = await withTenant(t.tenant.id, async (tx) => (await tx.select({ title: tasks.title }).from(tasks)).filter((x) => /^Hand-over: /.test(x.title)));
    expect(handOverAlerts).toEqual([]);
    expect(await eventsSent(t.tenant.id, "conversation/mode.changed")).toEqual([]);
    expect(await eventsSent(t.tenant.id, "lead/rep-alert.requested")).toEqual([]);
    // The model hears why, so its answer does not promise a colleague either.
    expect(handOver).toEqual([expect.objectContaining({ ok: false, error: expect.stringMatching(/opted out/) })]);
  });

  it("a message that opts out and asks about a car: the model is told of the opt-out, gets the car's search made, and its answer goes out", async () => {
    const t = await createTestTenant();
    const [yaris] = await addStock(t.tenant.id, [{ make: "Toyota", model: "Yaris", price: 18950 }, { make: "Kia", model: "Picanto", price: 11950 }]);
    const systems: string[] = [];
    let searched: unknown;
    claude.use((req) => {
      systems.push(JSON.stringify(req.system));
      const last = lastToolCall(req);
      searched = last?.input;
      const car = (last?.result as { vehicles: { code: string; price: number }[] } | undefined)?.vehicles[0];
      return { body: textReply(`Noted, no more promotions. Yes, the *${car?.code}* Toyota Yaris (2020) is still here for €${car?.price.toLocaleString("en-US")}.`) };
    });
    await shopperSays(t, "31612352002", "Stop sending promotions. Do you still have the Yaris?");
    const reply = await lastReply(t.tenant.id);
    expect(reply).toMatchObject({ body: `Noted, no more promotions. Yes, the *${yaris.code}* Toyota Yaris (2020) is still here for €18,950.`, meta: expect.objectContaining({ engine: "claude" }) });
    expect(searched).toMatchObject({ model: "Yaris" });
    expect(systems).toHaveLength(1);
    expect(systems[0]).toMatch(/<opt_out>[^<]*asks something else[^<]*Promise no follow-up/);
    expect(await shopperState(t, "31612352002")).toEqual({ optedOut: true, mode: "bot" });
  });

  it("a message that opts out and asks for a person: the hand-over it asks for is made", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf" }]);
    await shopperSays(t, "31612352003", "Hallo");
    claude.use((req) => (lastToolCall(req)?.name === "hand_over" ? { body: textReply("Noted, no more promotions. A colleague will call you.") } : { body: toolUse("hand_over", { reason: "wants a call" }) }));
    await shopperSays(t, "31612352003", "Stop sending promotions, but can someone call me about the Golf?");
    expect(await shopperState(t, "31612352003")).toEqual({ optedOut: true, mode: "human" });
    expect(await eventsSent(t.tenant.id, "conversation/mode.changed")).toHaveLength(1);
  });

  it("a bare opt-out: the model is told to confirm it and hand nobody over", async () => {
    const t = await createTestTenant();
    const systems: string[] = [];
    claude.use((req) => {
      systems.push(JSON.stringify(req.system));
      return { body: textReply("Understood: you won't receive any more messages from us.") };
    });
    await shopperSays(t, "31612352004", "Please stop sending me messages");
    expect(systems[0]).toMatch(/<opt_out>[^<]*do not hand over/);
    expect(await shopperState(t, "31612352004")).toEqual({ optedOut: true, mode: "bot" });
  });
});
