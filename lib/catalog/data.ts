import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { branches, channels, vehicles } from "@/db/schema";
import { listShowrooms, showroomOfVehicle, type Showroom } from "@/lib/branches";
import { countFacets, searchListingWithFacets } from "@/lib/inventory/facets";
import { listingColumns, PUBLIC_STATUSES, searchListing } from "@/lib/inventory/search";
import { resolveSiteHost, type SiteResolution, type Tenant } from "@/lib/tenancy";
import { cachedForTenant as cachedWithStamp, currentStamp, forgetHosts, rememberHost } from "./cache";
import { keepModelOfMake, toVehicleFilters, type ListingQuery } from "./query";

export type Vehicle = typeof vehicles.$inferSelect;
/** A car as result pages and the public API list it (`listingColumns`). */
export type ListedVehicle = Pick<Vehicle, keyof typeof listingColumns>;

/** Host → dealer, remembered for a few seconds: every page and asset of a visit asks. */
export function siteForHost(host: string, now = Date.now()): Promise<SiteResolution> {
  return rememberHost(host, () => resolveSiteHost(host), now);
}

/** After a dealer's domain changes: forget remembered hosts so a removed domain stops resolving at once. */
export function forgetSiteHosts(): void {
  forgetHosts();
}

const isPublic = inArray(vehicles.status, [...PUBLIC_STATUSES]);

/** Changes whenever a car or a branch is added, changed (updatedAt) or deleted, or a chat number changes. */
function inventoryStamp(tenantId: string): Promise<string> {
  return withTenant(tenantId, async (tx) => {
    const [row] = await tx.select({ n: sql<number>`count(*)::int`, at: sql<string>`coalesce(max(${vehicles.updatedAt})::text, '')` }).from(vehicles).where(eq(vehicles.tenantId, tenantId));
    // Showrooms are shown beside the cars, so adding, editing or deleting one changes the stamp too.
    const [b] = await tx.select({ n: sql<number>`count(*)::int`, at: sql<string>`coalesce(max(${branches.updatedAt})::text, '')` }).from(branches).where(eq(branches.tenantId, tenantId));
    // The WhatsApp number on every vehicle page comes from the channels, so a changed number changes the stamp too.
    const [c] = await tx.select({ phones: sql<string>`coalesce(string_agg(coalesce(${channels.displayPhone}, ''), ',' order by ${channels.createdAt}), '')` }).from(channels)
      .where(and(eq(channels.tenantId, tenantId), inArray(channels.provider, ["whatsapp_cloud", "waha", "fonnte"])));
    return `${row.n}:${row.at}:${b.n}:${b.at}:${c.phones}`;
  });
}

const cachedForTenant = <T>(tenantId: string, key: string, load: () => Promise<T>) => cachedWithStamp(tenantId, key, () => inventoryStamp(tenantId), load);

/** The tenant's current inventory stamp (at most a second old): it changes with every car or showroom change. */
export const loadInventoryStamp = (tenantId: string) => currentStamp(tenantId, () => inventoryStamp(tenantId));

/** Option counts over the whole public stock (the make suggestions of an empty page, the spelling of a make). */
export function loadFacets(tenantId: string) {
  return cachedForTenant(tenantId, "facets", () => withTenant(tenantId, (tx) => countFacets(tx, tenantId, {})));
}

export function loadModels(tenantId: string, make: string) {
  return cachedForTenant(tenantId, `models:${make.toLowerCase()}`, () =>
    withTenant(tenantId, (tx) =>
      tx.select({ value: vehicles.model, count: sql<number>`count(*)::int` }).from(vehicles)
        .where(and(eq(vehicles.tenantId, tenantId), isPublic, sql`lower(${vehicles.make}) = ${make.toLowerCase()}`))
        .groupBy(vehicles.model).orderBy(asc(vehicles.model)),
    ),
  );
}

/**
 * A listing page: its cars and total, and its filters' option counts, each under the page's other filters
 * (lib/inventory/facets), read by one statement and kept as one entry.
 */
export function loadListingPage(tenantId: string, q: ListingQuery) {
  return cachedForTenant(tenantId, `page:${JSON.stringify(q)}`, () => withTenant(tenantId, (tx) => searchListingWithFacets(tx, tenantId, toVehicleFilters(q))));
}

export async function loadListing(tenantId: string, asked: ListingQuery, pageSize?: number) {
  const q = asked.make && asked.model ? keepModelOfMake(asked, await loadModels(tenantId, asked.make)) : asked;
  return cachedForTenant(tenantId, `list:${pageSize ?? ""}:${JSON.stringify(q)}`, () => withTenant(tenantId, (tx) => searchListing(tx, tenantId, toVehicleFilters(q, pageSize))));
}

/** Any status: the page decides between the car, a "sold" page and a 404. Never cached, so a price is never stale. */
export async function loadVehicle(tenantId: string, slug: string): Promise<Vehicle | null> {
  const [row] = await withTenant(tenantId, (tx) =>
    tx.select().from(vehicles).where(and(eq(vehicles.tenantId, tenantId), eq(vehicles.slug, slug))).limit(1),
  );
  return row ?? null;
}

/** Same body type first, then the closest price. */
export function loadSimilar(tenantId: string, v: Pick<Vehicle, "id" | "body" | "price">, limit = 4): Promise<Vehicle[]> {
  return cachedForTenant(tenantId, `similar:${v.id}:${limit}`, () =>
    withTenant(tenantId, (tx) =>
      tx.select().from(vehicles)
        .where(and(eq(vehicles.tenantId, tenantId), isPublic, ne(vehicles.id, v.id)))
        .orderBy(sql`(${vehicles.body} = ${v.body}) desc`, sql`abs(${vehicles.price} - ${v.price})`, asc(vehicles.id))
        .limit(limit),
    ),
  );
}

export function loadSitemapEntries(tenantId: string) {
  return cachedForTenant(tenantId, "sitemap", () =>
    withTenant(tenantId, (tx) =>
      tx.select({ slug: vehicles.slug, updatedAt: vehicles.updatedAt }).from(vehicles)
        .where(and(eq(vehicles.tenantId, tenantId), isPublic)).orderBy(desc(vehicles.updatedAt)).limit(50_000),
    ),
  );
}

/** The number shoppers chat with: the dealer's WhatsApp channel, else the dealership phone. */
export function loadWhatsAppNumber(tenant: Pick<Tenant, "id" | "phone">): Promise<string | null> {
  return cachedForTenant(tenant.id, "whatsapp", async () => {
    const rows = await withTenant(tenant.id, (tx) =>
      tx.select({ displayPhone: channels.displayPhone, provider: channels.provider }).from(channels)
        .where(and(eq(channels.tenantId, tenant.id), inArray(channels.provider, ["whatsapp_cloud", "waha", "fonnte"]))).orderBy(asc(channels.createdAt)),
    );
    const phone = rows.find((r) => r.displayPhone)?.displayPhone ?? tenant.phone;
    return phone ? phone.replace(/\D/g, "") || null : null;
  });
}

/** The dealership's showrooms, main first (one entry for a single location); the profile's own change is in the key. */
export function loadShowrooms(tenant: Tenant): Promise<Showroom[]> {
  return cachedForTenant(tenant.id, `showrooms:${tenant.updatedAt.getTime()}`, () => withTenant(tenant.id, (tx) => listShowrooms(tx, tenant)));
}

/** Where one car stands; read with the car, never cached. */
export function loadVehicleShowroom(tenant: Tenant, v: Pick<Vehicle, "branchId">): Promise<Showroom> {
  return withTenant(tenant.id, (tx) => showroomOfVehicle(tx, tenant, v.branchId));
}
