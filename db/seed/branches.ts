import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { branches, type BusinessHoursJson } from "@/db/schema";
import type { DemoSlug } from "./data";

type DemoBranch = { name: string; phone: string; address: { street: string; city: string; postalCode: string; country: string }; geo: { lat: number; lng: number }; hours: BusinessHoursJson };

const mapLink = (b: { street: string; postalCode: string; city: string }) =>
  `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(`${b.street}, ${b.postalCode} ${b.city}`)}`;

// demo-nl shows the multi-showroom case; the other demo dealerships keep one location.
const extraBranches: Partial<Record<DemoSlug, DemoBranch[]>> = {
  "demo-nl": [{
    name: "Autohuis Van Dijk Utrecht", phone: "+31302345678",
    address: { street: "Atoomweg 50", city: "Utrecht", postalCode: "3542 AB", country: "NL" }, geo: { lat: 52.1101, lng: 5.0753 },
    hours: { mon: [{ open: "10:00", close: "18:00" }], tue: [{ open: "10:00", close: "18:00" }], wed: [{ open: "10:00", close: "18:00" }], thu: [{ open: "10:00", close: "18:00" }], fri: [{ open: "10:00", close: "18:00" }], sat: [{ open: "10:00", close: "16:00" }], sun: [] },
  }],
};

/**
 * The demo dealership's showrooms: the main one (made at provisioning) gets its map link, extra ones are added.
 * Returns the branch each car goes to, by the car's position, so the stock is spread over them.
 */
export async function seedBranches(tx: Tx, tenantId: string, slug: DemoSlug, main: { branchId: string; address: DemoBranch["address"] }) {
  await tx.update(branches).set({ mapUrl: mapLink(main.address) }).where(and(eq(branches.tenantId, tenantId), eq(branches.id, main.branchId)));
  const ids = [main.branchId];
  for (const b of extraBranches[slug] ?? []) {
    const [row] = await tx.insert(branches).values({
      tenantId, name: b.name, phone: b.phone, address: b.address, geo: b.geo, businessHours: b.hours, mapUrl: mapLink(b.address),
    }).returning({ id: branches.id });
    ids.push(row.id);
  }
  return (index: number) => ids[index % ids.length];
}
