import { demoHolidays } from "./holidays";
import { id } from "./id";
import { buildFunnel } from "./leads";
import type { MarketSpec } from "./market";
import { nl } from "./nl";
import { no } from "./no";
import type { DemoDataset, DemoSlug } from "./types";
import { buildVehicles } from "./vehicles";

export type * from "./types";
export { renderCarSvg } from "./images";

export const DEMO_SLUGS: readonly DemoSlug[] = ["demo-nl", "demo-no", "demo-id"];

const markets: Record<DemoSlug, MarketSpec> = { "demo-nl": nl, "demo-no": no, "demo-id": id };

/** The whole demo dealership for one market as plain objects; the same `now` always gives the same dataset. */
export function buildDemoDataset(slug: DemoSlug, now: Date): DemoDataset {
  const spec = markets[slug];
  const vehicles = buildVehicles(spec, now);
  const tenant = structuredClone(spec.tenant);
  // The holidays its knowledge entries name, as dates the scheduler honours: no booked test drive falls on one.
  tenant.businessHours.exceptions = demoHolidays(slug, tenant, now);
  return {
    tenant,
    staff: spec.staff.map((member) => ({ ...member })),
    vehicles,
    ...buildFunnel({ ...spec, tenant }, vehicles, now),
  };
}
