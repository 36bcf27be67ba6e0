import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { requireSession } from "@/lib/auth";
import { branchFormValues, loadBranches } from "@/lib/branches";
import { BranchForm, DeleteBranchForm } from "./branch-form";

export const metadata: Metadata = { title: "Branches" };

export default async function BranchesPage() {
  const session = await requireSession("admin");
  const t = session.tenant;
  const rows = await loadBranches(t.id);
  const main = rows.find((b) => b.isDefault);
  const others = rows.filter((b) => !b.isDefault);
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm"><a className="underline" href="/settings">Settings</a> / Branches</p>
      <h1 className="text-2xl font-semibold">Branches</h1>
      <p className="text-sm text-slate-600">
        Each showroom has its own address, phone, map link and opening hours. Cars placed in a branch offer test drives in that
        branch&apos;s hours and show its address on your site; cars without a branch stand at the main showroom.
      </p>
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{main?.name ?? t.name} <Badge tone="info">main showroom</Badge></h2>
        <p className="mt-1 text-sm text-slate-600">
          {[t.address?.street, t.address?.postalCode, t.address?.city].filter(Boolean).join(", ") || "No address yet"} — address, phone and
          hours come from the <a className="underline" href="/settings">dealership profile</a>.
        </p>
      </section>
      {others.map((b) => (
        <section key={b.id} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-lg font-semibold">{b.name}</h2>
          <BranchForm id={b.id} values={branchFormValues(b)} />
          <DeleteBranchForm id={b.id} name={b.name} />
        </section>
      ))}
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">Add a branch</h2>
        <BranchForm values={{}} />
      </section>
    </div>
  );
}
