import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { hasRole, requireSession } from "@/lib/auth";
import { branchFormValues, listBranchStaff, loadBranches, staffByShowroom, type StaffMember } from "@/lib/branches";
import { BranchForm, DeleteBranchForm } from "./branch-form";
import { StaffBranchForm } from "./staff-form";

export const metadata: Metadata = { title: "Branches" };

function StaffLine({ staff }: { staff: StaffMember[] }) {
  if (staff.length === 0) return <p className="text-sm text-slate-600">Staff: nobody placed here yet.</p>;
  return (
    <p className="flex flex-wrap items-center gap-1.5 text-sm">
      <span className="text-slate-600">Staff:</span>
      {staff.map((m) => <Badge key={m.membershipId} tone={m.onDuty ? "success" : "neutral"}>{`${m.name} · ${m.role}${m.onDuty ? " · on duty" : ""}`}</Badge>)}
    </p>
  );
}

export default async function BranchesPage() {
  const session = await requireSession("manager");
  const t = session.tenant;
  const canEdit = hasRole(session.role, "admin");
  const [rows, staff] = await Promise.all([loadBranches(t.id), listBranchStaff(t.id)]);
  const main = rows.find((b) => b.isDefault);
  const others = rows.filter((b) => !b.isDefault);
  const { everywhere, at } = staffByShowroom(staff, rows.map((b) => b.id));
  const showrooms = rows.map((b) => ({ id: b.id, name: b.name }));
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm"><a className="underline" href="/settings">Settings</a> / Branches</p>
      <h1 className="text-2xl font-semibold">Branches</h1>
      <p className="text-sm text-slate-600">
        Each showroom has its own address, phone, map link and opening hours. Cars placed in a branch offer test drives in that
        branch&apos;s hours and show its address on your site; cars without a branch stand at the main showroom. The closed days and
        special hours in the <a className="underline" href="/settings">dealership profile</a> apply to every showroom.
      </p>
      <section className="space-y-2 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{main?.name ?? t.name} <Badge tone="info">main showroom</Badge></h2>
        <p className="text-sm text-slate-600">
          {[t.address?.street, t.address?.postalCode, t.address?.city].filter(Boolean).join(", ") || "No address yet"} — address, phone and
          hours come from the <a className="underline" href="/settings">dealership profile</a>.
        </p>
        {main ? <StaffLine staff={at.get(main.id) ?? []} /> : null}
      </section>
      {others.map((b) => (
        <section key={b.id} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-lg font-semibold">{b.name}</h2>
          <StaffLine staff={at.get(b.id) ?? []} />
          {canEdit ? <BranchForm id={b.id} values={branchFormValues(b)} /> : null}
          {canEdit ? <DeleteBranchForm id={b.id} name={b.name} /> : null}
        </section>
      ))}
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">Staff per showroom</h2>
        <p className="text-sm text-slate-600">
          Hot leads and hand-overs about a car (or a booked test drive) go first to the on-duty staff of its showroom; when none of them
          is on duty, to everyone on duty; when nobody is, to the managers. &ldquo;All showrooms&rdquo; staff hear about every showroom&apos;s
          leads only in that second step.
        </p>
        {everywhere.length ? <p className="text-sm text-slate-600">Working at all showrooms: {everywhere.map((m) => m.name).join(", ")}.</p> : null}
        {staff.length === 0 ? <p className="text-sm text-slate-600">No active colleagues yet.</p> : (
          <ul className="space-y-2">
            {staff.map((m) => (
              <li key={m.membershipId}><StaffBranchForm membershipId={m.membershipId} name={m.name} branchId={m.branchId} showrooms={showrooms} /></li>
            ))}
          </ul>
        )}
      </section>
      {canEdit ? (
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-4 text-lg font-semibold">Add a branch</h2>
          <BranchForm values={{}} />
        </section>
      ) : null}
    </div>
  );
}
