import { afterEach, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { sendEvent } from "@/inngest/dispatch";
import { drainJobs } from "@/inngest/local/runner";
import { advanceClock, resetClock } from "@/inngest/local/clock";
import { recordUsageFn } from "@/inngest/functions/record-usage";
import { createTenant } from "@/lib/tenancy";
import { getUsage } from "@/lib/usage";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();
afterEach(() => resetClock());

const newTenant = () => createTenant({ slug: `jobs-${Math.random().toString(36).slice(2, 8)}`, name: "Jobs" });

describe("background work", () => {
  it("runs a real function end to end in-process when no Inngest is configured", async () => {
    const t = await newTenant();
    await sendEvent({ name: "usage/recorded", data: { tenantId: t.id, metric: "assistant_replies", amount: 2 } });
    await sendEvent({ name: "usage/recorded", data: { tenantId: t.id, metric: "assistant_replies", amount: 1 } });
    expect(await getUsage(t.id, "assistant_replies")).toBe(0);
    await drainJobs();
    expect(await getUsage(t.id, "assistant_replies")).toBe(3);
  });

  it("drops a duplicate event id like Inngest does", async () => {
    const t = await newTenant();
    const event = { name: "usage/recorded", id: `dup-${t.id}`, data: { tenantId: t.id, metric: "m", amount: 1 } };
    await sendEvent(event);
    await sendEvent(event);
    await drainJobs();
    expect(await getUsage(t.id, "m")).toBe(1);
  });

  it("runs the same function through the Inngest SDK's test engine", async () => {
    const t = await newTenant();
    const engine = new InngestTestEngine({ function: recordUsageFn as never });
    const { result } = await engine.execute({
      events: [{ name: "usage/recorded", data: { tenantId: t.id, metric: "sdk", amount: 4 } }],
    } as never);
    expect(result).toBe(4);
    expect(await getUsage(t.id, "sdk")).toBe(4);
  });
});
