"use client";

import { useActionState } from "react";
import { Select } from "@/components/ui/controls";
import { Form } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { assignStaffAction, type BranchState } from "./actions";

export type ShowroomOption = { id: string; name: string };

/** One colleague's showroom: a select and a save button on one line. */
export function StaffBranchForm({ membershipId, name, branchId, showrooms }: { membershipId: string; name: string; branchId: string | null; showrooms: ShowroomOption[] }) {
  const [state, action] = useActionState<BranchState, FormData>(assignStaffAction, null);
  const selectId = `showroom-${membershipId}`;
  return (
    <Form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={selectId} className="min-w-40 text-sm font-medium">{name}</label>
      <Select id={selectId} name="branchId" defaultValue={branchId && showrooms.some((s) => s.id === branchId) ? branchId : "all"} className="w-auto">
        <option value="all">All showrooms</option>
        {showrooms.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </Select>
      <SubmitButton pendingText="Saving…" aria-label={`Save ${name}'s showroom`}>Save</SubmitButton>
      <FormMessage result={state ? { ok: state.ok, error: state.error } : null} success="Saved." className="w-full" />
    </Form>
  );
}
