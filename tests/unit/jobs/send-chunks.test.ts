import { describe, expect, it } from "vitest";
import { sendChunks } from "@/inngest/dispatch";

const event = (i: number, pad = 0) => ({ name: "inventory/vehicle.changed", data: { vehicleId: `v-${i}`, note: "x".repeat(pad) } });

describe("events sent to Inngest in requests it accepts", () => {
  it("splits at 1,000 events and keeps their order", () => {
    const events = Array.from({ length: 2_500 }, (_, i) => event(i));
    const chunks = sendChunks(events);
    expect(chunks.map((c) => c.length)).toEqual([1_000, 1_000, 500]);
    expect(chunks.flat()).toEqual(events);
  });

  it("splits by size before a request reaches 200 KB", () => {
    const chunks = sendChunks(Array.from({ length: 30 }, (_, i) => event(i, 20_000)));
    for (const c of chunks) expect(JSON.stringify(c).length).toBeLessThan(210_000);
    expect(chunks.flat()).toHaveLength(30);
  });

  it("sends an event larger than the limit on its own instead of dropping it", () => {
    expect(sendChunks([event(1), event(2, 300_000), event(3)]).map((c) => c.length)).toEqual([1, 1, 1]);
    expect(sendChunks([])).toEqual([]);
  });
});
