"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Field } from "@/components/ui/field";
import { Checkbox, Input, Select } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { feedAction, importProgressAction, uploadAction, type FeedState, type UploadState } from "./actions";
import { ImportCounts } from "./import-counts";
import { Form } from "@/components/ui/form";

type Progress = Awaited<ReturnType<typeof importProgressAction>>;

export function FeedForm({ values }: { values: { url: string; format: string; pullMinutes: number } }) {
  const [state, action] = useActionState<FeedState, FormData>(feedAction, null);
  const fe = state?.fieldErrors ?? {};
  const v = state?.values ?? { ...values, pullMinutes: String(values.pullMinutes) };
  return (
    // Remounted with what was submitted: React resets a form after its action, and a <select> would fall back to its first value.
    <Form key={`${v.url}|${v.format}|${v.pullMinutes}`} action={action} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem_10rem]">
        <Field label="Feed URL" hint="http:// or https:// on the public internet" error={fe.url}>
          <Input name="url" type="url" inputMode="url" defaultValue={v.url} placeholder="https://dms.example.com/stock.json" />
        </Field>
        <Field label="Format" error={fe.format}>
          <Select name="format" defaultValue={v.format}>
            <option value="json">JSON</option><option value="csv">CSV</option><option value="xml">XML</option>
          </Select>
        </Field>
        <Field label="Check every" error={fe.pullMinutes}>
          <Select name="pullMinutes" defaultValue={v.pullMinutes}>
            <option value="15">15 minutes</option><option value="60">hour</option><option value="360">6 hours</option><option value="1440">day</option>
          </Select>
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="intent" value="save" pendingText="Saving…">Save</SubmitButton>
        <SubmitButton name="intent" value="test" variant="secondary" pendingText="Testing…">Test now</SubmitButton>
        {values.url ? <SubmitButton name="intent" value="remove" variant="ghost" pendingText="Removing…">Remove feed</SubmitButton> : null}
      </div>
      <FormMessage result={state} success={state?.test ? null : "Saved."} />
      {state?.test ? (
        <p role="status" className="rounded-lg border border-line bg-slate-50 px-3 py-2 text-sm">
          Reachable: {state.test.rows} vehicles, {state.test.valid} valid, {state.test.rows - state.test.valid} with problems. Nothing was imported.
          {state.test.errors.length ? <span className="mt-1 block text-ink-muted">{state.test.errors.map((e) => `row ${e.rowNumber}: ${e.reason}`).join(" · ")}</span> : null}
        </p>
      ) : null}
    </Form>
  );
}

export function UploadForm() {
  const [state, action] = useActionState<UploadState, FormData>(uploadAction, null);
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <Field label="Stock file" hint="CSV, JSON or XML in the feed layout, up to 10 MB" className="min-w-64 flex-1">
          <Input name="file" type="file" accept=".csv,.json,.xml,text/csv,application/json,application/xml" />
        </Field>
        <SubmitButton pendingText="Uploading…">Upload and import</SubmitButton>
        <Checkbox name="complete" label="This file is my complete stock" hint="Cars that are not in it will be marked sold. Leave unticked to only add and update." className="basis-full" />
      </form>
      {state && !state.ok ? <FormMessage result={state} /> : null}
      {state?.importId ? <ImportProgress key={state.importId} importId={state.importId} rows={state.rows ?? 0} /> : null}
    </div>
  );
}

const phases: Record<string, string> = { queued: "Waiting to start…", running: "Comparing with your stock…", done: "Done", failed: "Failed" };

/** Polls the import record until it is finished, then refreshes the list below. */
export function ImportProgress({ importId, rows }: { importId: string; rows: number }) {
  const router = useRouter();
  const [p, setP] = useState<Progress>(null);
  const finished = p?.status === "done" || p?.status === "failed";
  useEffect(() => {
    if (finished) {
      router.refresh();
      return;
    }
    const timer = setTimeout(async () => setP(await importProgressAction(importId)), p ? 1000 : 200);
    return () => clearTimeout(timer);
  }, [importId, p, finished, router]);
  const step = p?.status === "done" ? 3 : p?.status === "running" ? 2 : 1;
  return (
    <div role="status" aria-live="polite" className="space-y-2 rounded-lg border border-line p-3 text-sm">
      <p className="font-medium">{rows} rows uploaded · {phases[p?.status ?? "queued"]}</p>
      <progress className="h-2 w-full" max={3} value={p?.status === "failed" ? 3 : step} aria-label="Import progress" />
      {p?.error ? <p className="text-red-700">{p.error}</p> : null}
      {p?.status === "done" && p.counts ? <ImportCounts counts={p.counts} durationMs={p.durationMs} /> : null}
      {p?.status === "done" && p.reportSize ? (
        <ul className="list-inside list-disc text-ink-muted">
          {p.report.map((r) => <li key={r.rowNumber}>Row {r.rowNumber}: {r.reason}</li>)}
          {p.reportSize > p.report.length ? <li>…and {p.reportSize - p.report.length} more (see the import)</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
