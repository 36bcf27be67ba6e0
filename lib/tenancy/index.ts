import { eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { tenants } from "@/db/schema";
import { normalizeHost, slugFromHost } from "./hosts";

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;

export async function createTenant(input: NewTenant): Promise<Tenant> {
  const db = await getSystemDb();
  const [row] = await db.insert(tenants).values(input).returning();
  return row;
}

export async function getTenantById(id: string): Promise<Tenant | null> {
  const db = await getSystemDb();
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id)).limit(1);
  return row ?? null;
}

export async function getTenantBySlug(slug: string): Promise<Tenant | null> {
  const db = await getSystemDb();
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return row ?? null;
}

export type SiteResolution =
  | { kind: "tenant"; tenant: Tenant }
  | { kind: "redirect"; tenant: Tenant; toHost: string }
  | { kind: "unknown" };

/** Host → dealer site: a subdomain of ROOT_DOMAIN or the tenant's verified custom domain. */
export async function resolveSiteHost(host: string): Promise<SiteResolution> {
  const h = normalizeHost(host);
  const slug = slugFromHost(h);
  const db = await getSystemDb();
  if (slug) {
    const tenant = await getTenantBySlug(slug);
    if (!tenant || !tenant.active) return { kind: "unknown" };
    if (tenant.customDomain && tenant.customDomainStatus === "verified") {
      return { kind: "redirect", tenant, toHost: tenant.customDomain };
    }
    return { kind: "tenant", tenant };
  }
  const [byDomain] = await db.select().from(tenants).where(eq(tenants.customDomain, h.replace(/:\d+$/, ""))).limit(1);
  if (byDomain && byDomain.active && byDomain.customDomainStatus === "verified") return { kind: "tenant", tenant: byDomain };
  return { kind: "unknown" };
}

export { isRootHost, normalizeHost, slugFromHost } from "./hosts";
