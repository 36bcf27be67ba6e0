import { getTenantBySlug } from "@/lib/tenancy";
import { id } from "./catalog/id";
import { nl } from "./catalog/nl";
import { no } from "./catalog/no";
import { seedMarket } from "./market";

export const DEMO_PASSWORD = "forecourt-demo";
export const demoMarkets = [nl, no, id];

/** Seeds the three demo dealerships of CONTRACTS §2; a tenant that already exists is left alone. */
export async function ensureDemoData(now = new Date()): Promise<string[]> {
  const seeded: string[] = [];
  for (const market of demoMarkets) {
    if (await getTenantBySlug(market.slug)) continue;
    await seedMarket(market, now);
    seeded.push(market.slug);
  }
  return seeded;
}
