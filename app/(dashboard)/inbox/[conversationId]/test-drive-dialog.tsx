"use client";

import { useActionState, useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/class-names";
import { Input } from "@/components/ui/controls";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CarChoice } from "@/lib/inbox/test-drives";
import { bookTestDriveAction, cancelTestDriveAction, findCarsAction, testDriveTimesAction } from "./test-drive-actions";

/** `whatsappOpen`: the shopper wrote on WhatsApp in the last 24 hours, so the assistant's confirmation can go out. */
type Place = { locale: string; timeZone: string; today: string; whatsappOpen: boolean };
type Moving = { date: string };
const carName = (c: Pick<CarChoice, "code" | "make" | "model" | "year">) => `${c.code} ${c.make} ${c.model} (${c.year})`;

/**
 * Books the lead's test drive, or moves one (`moving`: the same car, prefilled with its day). The free times are the
 * ones the assistant would offer, every half hour of the chosen day.
 */
export function TestDriveDialog({ leadId, car, moving, place }: { leadId: string; car: CarChoice | null; moving?: Moving; place: Place }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      title={moving ? "Move the test drive" : "Book a test drive"}
      description={moving ? "Pick a new day and time." : "Pick the car, a day and one of the free times."}
      open={open}
      onOpenChange={setOpen}
      trigger={moving ? <Button variant="secondary" size="sm" className="h-10 sm:h-8">Move</Button> : <Button variant="secondary" size="sm" className="h-10 sm:h-8">Book test drive</Button>}
    >
      {open ? <BookingForm leadId={leadId} initialCar={car} moving={moving} place={place} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

function BookingForm({ leadId, initialCar, moving, place, onDone }: { leadId: string; initialCar: CarChoice | null; moving?: Moving; place: Place; onDone: () => void }) {
  const [car, setCar] = useState<CarChoice | null>(initialCar);
  const [date, setDate] = useState(moving?.date ?? place.today);
  const [times, setTimes] = useState<{ key: string; list: string[]; error?: string } | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [state, action] = useActionState(bookTestDriveAction, null);
  const key = car ? `${car.id} ${date}` : null;
  // Times of another car or day, or a time no longer free, are not shown as chosen.
  const current = times && times.key === key ? times : null;
  const start = picked && current?.list.includes(picked) ? picked : null;

  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  useEffect(() => {
    if (!car || !date || !key) return;
    let stale = false;
    startLoading(async () => {
      const r = await testDriveTimesAction({ leadId, vehicleId: car.id, date });
      if (!stale) setTimes(r.ok ? { key, list: r.times } : { key, list: [], error: r.error });
    });
    return () => { stale = true; };
    // A booking that failed (the time was taken meanwhile) fetches the day's times again.
  }, [leadId, car, date, key, state]);

  const clock = (iso: string) => new Intl.DateTimeFormat(place.locale, { timeZone: place.timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <Form action={action} aria-label={moving ? "Move the test drive" : "Book a test drive"} className="space-y-4">
      <input type="hidden" name="leadId" value={leadId} />
      <input type="hidden" name="vehicleId" value={car?.id ?? ""} />
      <input type="hidden" name="start" value={start ?? ""} />
      {moving ? <p className="text-sm text-ink">{car ? carName(car) : "The car"}</p> : <CarPicker car={car} onChange={setCar} error={errors?.vehicleId} />}
      <div className="space-y-1">
        <label htmlFor={`td-day-${leadId}`} className="block text-sm font-medium text-ink">Day</label>
        <Input id={`td-day-${leadId}`} type="date" min={place.today} value={date} onChange={(e) => setDate(e.target.value)} required />
      </div>
      <fieldset className="space-y-2" aria-busy={loading}>
        <legend className="text-sm font-medium text-ink">Free times</legend>
        {!car ? <p className="text-sm text-ink-muted">Choose a car first.</p>
          : !current ? <p className="text-sm text-ink-muted">Looking for free times…</p>
            : current.error ? <p className="text-sm text-red-700">{current.error}</p>
              : current.list.length === 0 ? <p className="text-sm text-ink-muted">No free time that day: the showroom is closed or fully booked. Try another day.</p>
                : (
                  <div className="grid grid-cols-3 gap-2 sm:grid-cols-4">
                    {current.list.map((t) => (
                      <button
                        key={t} type="button" aria-pressed={start === t} onClick={() => setPicked(t)}
                        className={cx("h-11 rounded-lg border text-sm font-medium tabular-nums", start === t ? "border-brand bg-brand text-brand-contrast" : "border-line bg-surface text-ink hover:bg-slate-50")}
                      >
                        {clock(t)}
                      </button>
                    ))}
                  </div>
                )}
        {errors?.start ? <p className="text-sm text-red-700">{errors.start}</p> : null}
      </fieldset>
      {place.whatsappOpen ? (
        <label className="flex min-h-11 items-center gap-3 text-sm text-ink">
          <input type="checkbox" name="confirm" defaultChecked className="size-5 shrink-0 accent-brand" />
          Send the shopper the confirmation on WhatsApp
        </label>
      ) : null}
      {state && !state.ok && !errors ? <FormMessage result={state} /> : null}
      <div className="flex justify-end gap-2">
        <DialogClose asChild><Button variant="secondary" className="h-11 sm:h-10">Close</Button></DialogClose>
        <SubmitButton className="h-11 sm:h-10" disabled={!car || !start} pendingText="Booking…">{start ? `${moving ? "Move to" : "Book"} ${clock(start)}` : moving ? "Move" : "Book"}</SubmitButton>
      </div>
    </Form>
  );
}

/** The chosen car, or a search over the dealer's stock by code, make or model. */
function CarPicker({ car, onChange, error }: { car: CarChoice | null; onChange: (c: CarChoice | null) => void; error?: string }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<CarChoice[] | null>(null);
  const [, startSearch] = useTransition();
  useEffect(() => {
    if (car) return;
    let stale = false;
    const wait = setTimeout(() => startSearch(async () => {
      const r = await findCarsAction(query);
      if (!stale) setFound(r.ok ? r.cars : []);
    }), 200);
    return () => { stale = true; clearTimeout(wait); };
  }, [query, car]);

  if (car) {
    return (
      <div className="flex items-center justify-between gap-2">
        <p className="min-w-0 text-sm"><span className="block text-ink-muted">Car</span><span className="font-medium text-ink">{carName(car)}</span></p>
        <Button variant="ghost" className="h-11 sm:h-10" onClick={() => onChange(null)}>Change car</Button>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <label htmlFor="td-car-search" className="block text-sm font-medium text-ink">Car</label>
      <Input id="td-car-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Code, make or model" autoComplete="off" aria-invalid={error ? true : undefined} />
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      {found === null ? <p className="text-sm text-ink-muted">Searching…</p> : found.length === 0 ? <p className="text-sm text-ink-muted">No car in stock matches.</p> : (
        <ul aria-label="Cars in stock" className="max-h-56 divide-y divide-line overflow-y-auto rounded-lg border border-line">
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => onChange(c)} className="block min-h-11 w-full px-3 py-2 text-left text-sm text-ink hover:bg-slate-50">{carName(c)}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Cancels an upcoming test drive after a confirmation. */
export function CancelTestDrive({ appointmentId, when }: { appointmentId: string; when: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      title="Cancel this test drive?"
      description={`The test drive of ${when} is cancelled and its time is free again. The shopper is not told: let them know yourself.`}
      open={open}
      onOpenChange={setOpen}
      size="sm"
      trigger={<Button variant="ghost" size="sm" className="h-10 sm:h-8">Cancel</Button>}
    >
      {open ? <CancelForm appointmentId={appointmentId} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

function CancelForm({ appointmentId, onDone }: { appointmentId: string; onDone: () => void }) {
  const [state, action] = useActionState(cancelTestDriveAction, null);
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  return (
    <Form action={action} aria-label="Cancel the test drive" className="space-y-3">
      <input type="hidden" name="appointmentId" value={appointmentId} />
      {state && !state.ok ? <FormMessage result={state} /> : null}
      <div className="flex justify-end gap-2">
        <DialogClose asChild><Button variant="secondary" className="h-11 sm:h-10">Keep it</Button></DialogClose>
        <SubmitButton variant="danger" className="h-11 sm:h-10" pendingText="Cancelling…">Cancel test drive</SubmitButton>
      </div>
    </Form>
  );
}
