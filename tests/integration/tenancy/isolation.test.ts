import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { vehicles, leads, contacts, tenants } from "@/db/schema";
import { createTenant } from "@/lib/tenancy";
import { useTestDatabase, testEngine } from "../../helpers/db";

const db = useTestDatabase();

async function twoTenantsWithStock() {
  const suffix = Math.random().toString(36).slice(2, 8);
  const a = await createTenant({ slug: `a-${suffix}`, name: "A", currency: "EUR" });
  const b = await createTenant({ slug: `b-${suffix}`, name: "B", currency: "EUR" });
  for (const [t, code] of [[a, "#A01"], [b, "#B01"]] as const) {
    await withTenant(t.id, (tx) =>
      tx.insert(vehicles).values({ tenantId: t.id, code, slug: code.slice(1).toLowerCase(), make: "Toyota", model: "Yaris", year: 2020, price: 15000, currency: "EUR" }),
    );
  }
  return { a, b };
}

describe(`tenant isolation (${testEngine()})`, () => {
  it("a query without a tenant filter sees only the current tenant's rows", async () => {
    const { a, b } = await twoTenantsWithStock();
    const seenByA = await withTenant(a.id, (tx) => tx.select({ code: vehicles.code, tenantId: vehicles.tenantId }).from(vehicles));
    expect(seenByA).toEqual([{ code: "#A01", tenantId: a.id }]);
    const seenByB = await withTenant(b.id, (tx) => tx.select({ code: vehicles.code }).from(vehicles));
    expect(seenByB.map((r) => r.code)).toEqual(["#B01"]);
  });

  it("writing a row for another tenant is rejected by the policy", async () => {
    const { a, b } = await twoTenantsWithStock();
    await expect(
      withTenant(a.id, (tx) => tx.insert(contacts).values({ tenantId: b.id, name: "Intruder", phone: "31600000000" })),
    ).rejects.toThrow();
    const count = await withTenant(b.id, (tx) => tx.select().from(contacts));
    expect(count).toHaveLength(0);
  });

  it("updates and deletes cannot reach another tenant's rows", async () => {
    const { a, b } = await twoTenantsWithStock();
    await withTenant(a.id, (tx) => tx.update(vehicles).set({ price: 1 }));
    await withTenant(a.id, (tx) => tx.delete(leads));
    const [bVehicle] = await withTenant(b.id, (tx) => tx.select({ price: vehicles.price }).from(vehicles));
    expect(bVehicle.price).toBe(15000);
  });

  it("the tenant registry shows a tenant only itself, and the app role is not the table owner", async () => {
    const { a } = await twoTenantsWithStock();
    const visible = await withTenant(a.id, (tx) => tx.select({ id: tenants.id }).from(tenants));
    expect(visible).toEqual([{ id: a.id }]);
    const role = await withTenant(a.id, (tx) => tx.execute(sql`select current_user as who`));
    const rows = (role as unknown as { rows?: { who: string }[] }).rows ?? (role as unknown as { who: string }[]);
    expect(rows[0].who).toBe("forecourt_app");
  });

  it("statements sent together before any answer arrives all run as the tenant", async () => {
    // On PostgreSQL the tenant setting travels with the work's first statements instead of going first on its own.
    const { a } = await twoTenantsWithStock();
    const [setting, seen, written] = await withTenant(a.id, (tx) => Promise.all([
      tx.execute(sql`select current_setting('app.tenant_id') as tenant, current_user as who`),
      tx.select({ code: vehicles.code }).from(vehicles),
      tx.update(vehicles).set({ price: 2 }).returning({ code: vehicles.code }),
    ]));
    const rows = (setting as unknown as { rows?: { tenant: string; who: string }[] }).rows ?? (setting as unknown as { tenant: string; who: string }[]);
    expect(rows[0]).toEqual({ tenant: a.id, who: "forecourt_app" });
    expect(seen).toEqual([{ code: "#A01" }]);
    expect(written).toEqual([{ code: "#A01" }]);
  });

  it("a failing statement rolls the whole tenant transaction back", async () => {
    const { a } = await twoTenantsWithStock();
    await expect(withTenant(a.id, async (tx) => {
      await tx.update(vehicles).set({ price: 3 });
      await tx.execute(sql`select 1 / 0`);
    })).rejects.toThrow();
    const [v] = await withTenant(a.id, (tx) => tx.select({ price: vehicles.price }).from(vehicles));
    expect(v.price).toBe(15000);
  });

  it("without a tenant set, the app role sees nothing", async () => {
    await twoTenantsWithStock();
    const handle = db();
    const seen = await handle.db.transaction(async (tx) => {
      await tx.execute(sql.raw("SET LOCAL ROLE forecourt_app"));
      return tx.select().from(vehicles);
    });
    expect(seen).toHaveLength(0);
  });
});
