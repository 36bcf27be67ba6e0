import { ensureDefaultSequences } from "@/lib/followups/defaults";
import { getTenantBySlug } from "@/lib/tenancy";
import { DEMO_SLUGS } from "./data";
import { seedKnowledge } from "./knowledge";
import { seedMarket } from "./market";

/** Seeds the three demo dealerships of CONTRACTS §2; a tenant that already exists is left alone. */
export async function ensureDemoData(now = new Date()): Promise<string[]> {
  const seeded: string[] = [];
  for (const slug of DEMO_SLUGS) {
    if (await getTenantBySlug(slug)) continue;
    const { tenant } = await seedMarket(slug, now);
    await ensureDefaultSequences(tenant.id);
    await seedKnowledge(tenant.id, slug);
    seeded.push(slug);
  }
  return seeded;
}
