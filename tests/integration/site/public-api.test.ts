import { describe, expect, it } from "vitest";
import { GET as list } from "@/app/sites/[domain]/api/v1/vehicles/route";
import { GET as one } from "@/app/sites/[domain]/api/v1/vehicles/[slug]/route";
import { env } from "@/lib/env";
import { addStock } from "../../helpers/stock";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";

useTestDatabase();

const domain = (slug: string) => `${slug}.${env().ROOT_DOMAIN}`;
const getList = (slug: string, qs = "") => list(new Request(`http://x/api/v1/vehicles${qs}`), { params: Promise.resolve({ domain: domain(slug) }) });
const getOne = (slug: string, car: string) => one(new Request("http://x"), { params: Promise.resolve({ domain: domain(slug), slug: car }) });

describe("public vehicles API", () => {
  it("lists only public cars with the contract's fields, filtered and paginated", async () => {
    const t = await createTestTenant();
    await addStock(t.tenant.id);
    const res = await getList(t.tenant.slug, "?transmission=automatic&sort=price_asc");
    expect(res.headers.get("cache-control")).toContain("max-age");
    const body = await res.json();
    expect(body.pagination).toEqual({ page: 1, pageSize: 24, total: 3 });
    expect(body.vehicles.map((v: { make: string }) => v.make)).toEqual(["Kia", "Toyota", "Tesla"]);
    expect(Object.keys(body.vehicles[0]).sort()).toEqual(
      ["body", "code", "color", "currency", "fuel", "images", "make", "mileageKm", "model", "price", "slug", "status", "transmission", "url", "variant", "year"],
    );
    expect(JSON.stringify(body)).not.toMatch(/K-123-AB|costPrice|plate|15000/);
  });

  it("one car by slug; sold is 410, another dealer's car 404", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const lot = await addStock(a.tenant.id);
    const [theirs] = await addStock(b.tenant.id, [{ make: "Audi", model: "A3" }]);
    const ok = await (await getOne(a.tenant.slug, lot[0].slug)).json();
    expect(ok.vehicle).toMatchObject({ code: lot[0].code, price: 18950 });
    expect(ok.vehicle.plate).toBeUndefined();
    expect((await getOne(a.tenant.slug, lot[5].slug)).status).toBe(410);
    expect((await getOne(a.tenant.slug, theirs.slug)).status).toBe(404);
  });
});
