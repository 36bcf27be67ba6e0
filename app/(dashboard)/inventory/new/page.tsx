import type { Metadata } from "next";
import { requireSession } from "@/lib/auth";
import { branchOptions } from "@/lib/branches";
import { VehicleForm } from "../vehicle-form";

export const metadata: Metadata = { title: "Add vehicle" };

export default async function NewVehiclePage() {
  const session = await requireSession();
  const branches = await branchOptions(session.tenant.id);
  return (
    <section className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">Add vehicle</h1>
      <p className="text-sm text-slate-600">Photos can be added once the vehicle is saved. A public code is assigned automatically.</p>
      <VehicleForm currency={session.tenant.currency} branches={branches} values={{ status: "available", fuel: "petrol", transmission: "manual", body: "hatchback" }} />
    </section>
  );
}
