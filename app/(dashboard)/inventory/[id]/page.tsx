import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Icon } from "@/components/icons";
import { Button, buttonClass } from "@/components/ui/button";
import { requireSession } from "@/lib/auth";
import { branchOptions } from "@/lib/branches";
import { vehicleUrl } from "@/lib/catalog/urls";
import { englishVehicleWords } from "@/lib/catalog/vehicle-words";
import { formatDate, formatPrice } from "@/lib/format";
import { getVehicleAdmin, vehicleStatuses } from "@/lib/inventory/admin";
import { stageLabels } from "@/lib/inbox/labels";
import { describeVehicleEvent } from "@/lib/inventory/history";
import { arrangePhotoAction, setStatusAction } from "../actions";
import { statusTone } from "../page";
import { VehicleForm } from "../vehicle-form";
import { ConfirmSubmit } from "./confirm-submit";
import { PhotoUpload } from "./photo-upload";

export const metadata: Metadata = { title: "Vehicle" };

export default async function VehiclePage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession();
  const { id } = await params;
  if (!z.string().uuid().safeParse(id).success) notFound();
  const [data, branches] = await Promise.all([getVehicleAdmin(session.tenant.id, id, { userId: session.user.id, role: session.role }), branchOptions(session.tenant.id)]);
  if (!data) notFound();
  const { vehicle: v, history, interested } = data;
  const t = session.tenant;
  const money = (n: number) => formatPrice(n, t.currency, t.locale);
  return (
    <section className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <Link href="/inventory" className="text-sm text-slate-600 hover:underline">← Inventory</Link>
          <h1 className="mt-1 text-2xl font-semibold">{v.code} · {v.make} {v.model} {v.year}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-600">
            <Badge tone={statusTone[v.status]}>{englishVehicleWords.statuses[v.status] ?? v.status}</Badge> {money(v.price)}
            {v.status === "available" || v.status === "reserved" ? <a className="underline" href={vehicleUrl(t, v.slug)} target="_blank" rel="noreferrer">View on site</a> : null}
          </p>
        </div>
        <div className="flex flex-wrap gap-2" role="group" aria-label="Change status">
          <form action={setStatusAction} className="contents">
            <input type="hidden" name="id" value={v.id} />
            {vehicleStatuses.filter((s) => s !== v.status && s !== "sold").map((s) => (
              <button key={s} name="status" value={s} className={buttonClass({ variant: "secondary", size: "sm" })}>Mark {s}</button>
            ))}
          </form>
          {v.status !== "sold" ? (
            <ConfirmSubmit
              action={setStatusAction} fields={{ id: v.id, status: "sold" }}
              trigger={<Button variant="danger" size="sm">Mark sold…</Button>}
              title={`Mark ${v.code} sold?`}
              description="It leaves your dealer site and the assistant stops offering it at once. Its leads and history stay; you can mark it available again."
              confirm={`Mark ${v.code} sold`} pendingText="Marking sold…"
            />
          ) : null}
        </div>
      </div>

      <div className="space-y-3">
        <h2 className="text-lg font-semibold">Photos</h2>
        {v.images.length === 0 ? <p className="text-sm text-slate-600">No photos yet.</p> : (
          <ul className="flex flex-wrap gap-3">
            {v.images.map((img, i) => (
              <li key={img.mediaId ?? img.url} className="w-40 space-y-1">
                <img src={`${img.url}?w=320`} alt={img.alt ?? ""} width={160} height={120} className="h-30 w-40 rounded-md object-cover" />
                {img.mediaId ? (
                  // Buttons a finger can hit (32 px); "Remove" kept apart from the arrows.
                  <form action={arrangePhotoAction} className="space-y-1">
                    <input type="hidden" name="id" value={v.id} />
                    <input type="hidden" name="mediaId" value={img.mediaId} />
                    <div className="flex h-8 items-center">
                      {i > 0 ? <button name="action" value="first" className={buttonClass({ variant: "ghost", size: "sm" })}>Make cover</button> : <Badge tone="brand">Cover</Badge>}
                    </div>
                    <div className="flex items-center gap-1">
                      {i > 0 ? <button name="action" value="left" aria-label="Move left" className={buttonClass({ variant: "ghost", size: "sm", className: "w-8" })}><Icon name="chevronLeft" /></button> : null}
                      {i < v.images.length - 1 ? <button name="action" value="right" aria-label="Move right" className={buttonClass({ variant: "ghost", size: "sm", className: "w-8" })}><Icon name="chevronRight" /></button> : null}
                      <ConfirmSubmit
                        action={arrangePhotoAction} fields={{ id: v.id, mediaId: img.mediaId, action: "remove" }}
                        trigger={<Button variant="ghost" size="sm" className="ml-auto text-red-700 hover:text-red-800">Remove…</Button>}
                        title="Remove this photo?"
                        description={i === 0 ? "It goes from the car's page on your site and from the assistant's cards for good; the next photo becomes the cover." : "It goes from the car's page on your site and from the assistant's cards for good."}
                        confirm="Remove photo" pendingText="Removing…"
                      />
                    </div>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <PhotoUpload vehicleId={v.id} />
      </div>

      <div className="space-y-3">
        <h2 className="text-lg font-semibold">Details</h2>
        <VehicleForm currency={t.currency} branches={branches} values={{
          id: v.id, make: v.make, model: v.model, variant: v.variant, year: v.year, mileageKm: v.mileageKm, price: v.price, costPrice: v.costPrice,
          fuel: v.fuel, transmission: v.transmission, body: v.body, color: v.color, doors: v.doors, seats: v.seats, powerHp: v.powerHp,
          plate: v.plate, stockCode: v.stockCode, description: v.description, features: v.features, status: v.status, branchId: v.branchId,
        }} />
      </div>

      <div className="grid gap-8 lg:grid-cols-2">
        <div>
          <h2 className="mb-2 text-lg font-semibold">History</h2>
          <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm">
            {history.map((e) => (
              <li key={e.id}><span className="text-slate-500">{formatDate(e.createdAt, t.locale, t.timeZone)}</span> · {describeVehicleEvent(e, money)} <span className="text-slate-500">({e.source ?? "—"})</span></li>
            ))}
          </ol>
        </div>
        <section aria-labelledby="interested-leads">
          <h2 id="interested-leads" className="mb-2 text-lg font-semibold">Interested leads</h2>
          {interested.length === 0 ? <p className="text-sm text-slate-600">No leads for this car yet.</p> : (
            <ul className="divide-y divide-slate-200 text-sm">
              {interested.map((l) => (
                <li key={l.id} className="flex justify-between gap-3 py-2"><span className="min-w-0 wrap-anywhere">{l.name ?? (l.phone ? `+${l.phone}` : "Unknown shopper")}</span><span className="shrink-0 text-slate-600">{stageLabels[l.stage]} · score {l.score}</span></li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
