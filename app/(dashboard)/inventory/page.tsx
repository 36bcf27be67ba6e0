import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/controls";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { requireSession } from "@/lib/auth";
import { englishVehicleWords } from "@/lib/catalog/vehicle-words";
import { formatMileage, formatPrice } from "@/lib/format";
import { inventoryCounts, listInventory, vehicleStatuses } from "@/lib/inventory/admin";

export const metadata: Metadata = { title: "Inventory" };

const searchMaxLength = 80;
// A hand-made URL may repeat ?q= (Next then passes an array) or run longer than the box allows: search by the
// first value, cut to the box's length, rather than fail the page.
const query = z.object({
  q: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().transform((s) => s.slice(0, searchMaxLength) || undefined).optional()).catch(undefined),
  status: z.enum(vehicleStatuses).optional().catch(undefined),
  sort: z.enum(["newest", "price_asc", "price_desc", "mileage_asc", "year_desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export const statusTone: Record<string, BadgeTone> = { available: "success", reserved: "warning", sold: "neutral", draft: "info" };

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const p = query.parse(await searchParams);
  const [{ vehicles, total }, counts] = await Promise.all([
    listInventory(session.tenant.id, { q: p.q, statuses: p.status ? [p.status] : undefined, sort: p.sort, page: p.page }),
    inventoryCounts(session.tenant.id),
  ]);
  const t = session.tenant;
  const hrefFor = (page: number) => `/inventory?${new URLSearchParams({ ...(p.q ? { q: p.q } : {}), ...(p.status ? { status: p.status } : {}), ...(p.sort ? { sort: p.sort } : {}), page: String(page) })}`;
  const pageCount = Math.max(1, Math.ceil(total / 25));
  // A page past the last (an old link, cars sold since) opens the last one instead of an empty list that says "Add your first car".
  if ((p.page ?? 1) > pageCount) redirect(hrefFor(pageCount));
  return (
    <section className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Inventory</h1>
          <p className="text-sm text-slate-600">
            {vehicleStatuses.map((s) => `${counts[s] ?? 0} ${s}`).join(" · ")}
          </p>
        </div>
        <div className="flex gap-2">
          <Link href="/inventory/imports" className={buttonClass({ variant: "secondary" })}>Imports</Link>
          <Link href="/inventory/new" className={buttonClass()}>Add vehicle</Link>
        </div>
      </div>
      <form className="flex flex-wrap gap-2" role="search">
        <label className="sr-only" htmlFor="q">Search inventory</label>
        <Input id="q" name="q" maxLength={searchMaxLength} defaultValue={p.q} placeholder="Make, model, code…" className="w-full sm:w-64" />
        <label className="sr-only" htmlFor="status">Status</label>
        <Select id="status" name="status" defaultValue={p.status ?? ""} className="w-40">
          <option value="">All statuses</option>
          {vehicleStatuses.map((s) => <option key={s} value={s}>{englishVehicleWords.statuses[s] ?? s}</option>)}
        </Select>
        <label className="sr-only" htmlFor="sort">Sort</label>
        <Select id="sort" name="sort" defaultValue={p.sort ?? "newest"} className="w-44">
          <option value="newest">Newest</option>
          <option value="price_asc">Price: low to high</option>
          <option value="price_desc">Price: high to low</option>
          <option value="mileage_asc">Mileage</option>
          <option value="year_desc">Year</option>
        </Select>
        <button className={buttonClass({ variant: "secondary" })}>Apply</button>
      </form>
      <Table
        caption={`${total} vehicles`}
        rows={vehicles}
        rowKey={(v) => v.id}
        empty={<EmptyState title="No vehicles found" text={p.q || p.status ? "Try other filters." : "Add your first car, or connect an inventory feed in Settings."} />}
        columns={[
          {
            key: "car", header: "Vehicle", primary: true,
            cell: (v) => (
              <Link href={`/inventory/${v.id}`} className="flex items-center gap-3 font-medium hover:underline">
                {v.images[0] ? <img src={`${v.images[0].url}?w=160`} alt="" width={64} height={48} className="h-12 w-16 rounded object-cover" /> : null}
                <span>{v.code} · {v.make} {v.model} <span className="font-normal text-slate-600">{v.variant}</span></span>
              </Link>
            ),
          },
          { key: "year", header: "Year", cell: (v) => v.year },
          { key: "km", header: "Mileage", cell: (v) => formatMileage(v.mileageKm, t.locale), hideOnPhone: true },
          { key: "price", header: "Price", align: "end", cell: (v) => formatPrice(v.price, t.currency, t.locale) },
          { key: "plate", header: "Plate", cell: (v) => v.plate ?? "—", hideOnPhone: true },
          { key: "status", header: "Status", cell: (v) => <Badge tone={statusTone[v.status]}>{englishVehicleWords.statuses[v.status] ?? v.status}</Badge> },
        ]}
      />
      <Pagination page={p.page ?? 1} pageCount={pageCount} hrefFor={hrefFor} />
    </section>
  );
}
