import { ensureDefaultSequences } from "@/lib/followups/defaults";
import { getTenantBySlug } from "@/lib/tenancy";
import { DEMO_SLUGS } from "./data";
import { seedMarket } from "./market";

/** Seeds the three demo dealerships of CONTRACTS §2; a tenant that already exists is left alone. */
export async function ensureDemoData(now = new Date()): Promise<string[]> {
  const seeded: string[] = [];
  for (const slug of DEMO_SLUGS) {
    if (await getTenantBySlug(slug)) continue;
    await ensureDefaultSequences((await seedMarket(slug, now)).tenant.id);
    seeded.push(slug);
  }
  return seeded;
}
