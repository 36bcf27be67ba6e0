"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import type { ExceptionRow } from "@/lib/scheduling/exceptions-form";

type Props = {
  /** The upcoming exceptions as rows (see lib/scheduling/exceptions-form). */
  initial: ExceptionRow[];
  errors: Record<string, string>;
  /** The dealer's local date: the earliest a picker offers. */
  today: string;
  max: number;
};

/** Closed days and days with their own hours as `exceptions.{key}.*` fields; rows keep their key while others come and go. */
export function ClosedDaysFields({ initial, errors, today, max }: Props) {
  const [rows, setRows] = useState(initial);
  const nextKey = useRef(initial.reduce((n, r) => Math.max(n, Number(r.key) + 1), 0));
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the list has changed: a new row's date, or "Add a date" after a removal.
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    const key = focusNext.current;
    if (key === null) return;
    focusNext.current = null;
    if (key === "add") addButton.current?.focus();
    else document.getElementById(`exceptions-${key}-date`)?.focus();
  }, [rows]);

  const update = (key: string, patch: Partial<ExceptionRow>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const key = String(nextKey.current++);
    focusNext.current = key;
    setRows((list) => [...list, { key, date: "", kind: "closed", open: "", close: "", label: "" }]);
  };
  const remove = (key: string) => {
    focusNext.current = "add";
    setRows((list) => list.filter((r) => r.key !== key));
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Closed days and special hours</legend>
      <p className="text-sm text-ink-muted">
        Public holidays and days with other hours. The assistant offers no test drives outside them, and they apply to every showroom.
      </p>
      <input type="hidden" name="exceptionsListed" value="true" />
      {rows.length === 0 ? <p className="text-sm text-ink-muted">No closed days yet.</p> : null}
      <ul className="space-y-3">
        {rows.map((r, i) => {
          const name = (field: string) => `exceptions.${r.key}.${field}`;
          const id = (field: string) => `exceptions-${r.key}-${field}`;
          return (
            <li key={r.key}>
              <fieldset className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 p-3 sm:flex sm:flex-wrap sm:items-start">
                <legend className="sr-only">Special day {i + 1}</legend>
                <Field label="Date" id={id("date")} error={errors[name("date")]} className="sm:w-40">
                  <Input type="date" name={name("date")} value={r.date} min={today} onChange={(e) => update(r.key, { date: e.target.value })} />
                </Field>
                <Field label="Hours" id={id("kind")} className="sm:w-44">
                  <Select name={name("kind")} value={r.kind} onChange={(e) => update(r.key, { kind: e.target.value === "hours" ? "hours" : "closed" })}>
                    <option value="closed">Closed all day</option>
                    <option value="hours">Special hours</option>
                  </Select>
                </Field>
                {r.kind === "hours" ? (
                  <>
                    <Field label="Opens" id={id("open")} error={errors[name("open")]} className="sm:w-32">
                      <Input type="time" name={name("open")} value={r.open} onChange={(e) => update(r.key, { open: e.target.value })} />
                    </Field>
                    <Field label="Closes" id={id("close")} error={errors[name("close")]} className="sm:w-32">
                      <Input type="time" name={name("close")} value={r.close} onChange={(e) => update(r.key, { close: e.target.value })} />
                    </Field>
                  </>
                ) : null}
                <Field label="Name (optional)" id={id("label")} error={errors[name("label")]} className="col-span-2 sm:min-w-40 sm:flex-1">
                  <Input name={name("label")} value={r.label} maxLength={60} placeholder="Christmas Day" onChange={(e) => update(r.key, { label: e.target.value })} />
                </Field>
                <div className="col-span-2 sm:self-end">
                  <Button variant="ghost" onClick={() => remove(r.key)} aria-label={`Remove special day ${i + 1}${r.date ? ` (${r.date})` : ""}`}>Remove</Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      {errors.exceptions ? <p className="text-sm font-medium text-red-700" role="alert">{errors.exceptions}</p> : null}
      <Button ref={addButton} variant="secondary" onClick={add} disabled={rows.length >= max}>Add a date</Button>
      {rows.length >= max ? <p className="text-sm text-ink-muted">At most {max} dates.</p> : null}
    </fieldset>
  );
}
