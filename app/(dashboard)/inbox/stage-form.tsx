"use client";

import { useId, useState } from "react";
import { Input, Select } from "@/components/ui/controls";
import { SubmitButton } from "@/components/ui/submit-button";
import type { LeadStage } from "@/db/schema";
import { stageLabels, stageOrder } from "@/lib/inbox/labels";
import { ActionForm } from "./action-form";
import { changeStageAction } from "./actions";

/** Moves a lead to another stage with a plain select and button (keyboard and screen-reader friendly); "lost" asks why, "won" for how much. */
export function StageForm({ leadId, stage, label = "Stage", submitLabel = "Change stage", compact = false }: {
  leadId: string;
  stage: LeadStage;
  label?: string;
  submitLabel?: string;
  compact?: boolean;
}) {
  const id = useId();
  const [choice, setChoice] = useState<LeadStage>(stage);
  return (
    <ActionForm action={changeStageAction} label={label} success={compact ? undefined : "Stage changed."} className="space-y-2">
      <input type="hidden" name="leadId" value={leadId} />
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-stage`} className={compact ? "sr-only" : "mb-1 block text-sm font-medium text-ink"}>{label}</label>
          <Select id={`${id}-stage`} name="stage" value={choice} onChange={(e) => setChoice(e.target.value as LeadStage)}>
            {stageOrder.map((s) => <option key={s} value={s}>{stageLabels[s]}</option>)}
          </Select>
        </div>
        <SubmitButton variant="secondary" size="sm" disabled={choice === stage} pendingText="Moving…" className="h-10">
          {submitLabel}
        </SubmitButton>
      </div>
      {choice === "won" && stage !== "won" ? (
        <div>
          <label htmlFor={`${id}-amount`} className="mb-1 block text-sm font-medium text-ink">Sale amount</label>
          <Input id={`${id}-amount`} name="wonAmount" inputMode="numeric" maxLength={20} placeholder="Empty: the car's asking price" aria-describedby={`${id}-amount-hint`} />
          <p id={`${id}-amount-hint`} className="mt-1 text-xs text-ink-muted">Counts in analytics as revenue.</p>
        </div>
      ) : null}
      {choice === "lost" ? (
        <div>
          <label htmlFor={`${id}-reason`} className="mb-1 block text-sm font-medium text-ink">Why was it lost?</label>
          <Input id={`${id}-reason`} name="lostReason" required maxLength={300} placeholder="Bought elsewhere, no budget, …" />
        </div>
      ) : null}
    </ActionForm>
  );
}
