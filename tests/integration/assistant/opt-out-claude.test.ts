import { describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { contacts, conversations, jobRuns, messages, tasks } from "@/db/schema";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { useFakeClaude } from "../../helpers/fake-claude";
import { shopperSays } from "../../helpers/inbound";
import { addStock } from "../../helpers/stock";
import { lastToolCall, textReply, toolUse } from "../../fakes/anthropic-server";

useTestDatabase();
const claude = useFakeClaude();

type Dealer = Awaited<ReturnType<typeof createTestTenant>>;

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
});
