"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { deleteSequenceAction } from "./actions";

/** Deleting a sequence asks first: leads in it stop, and its figures go with it. */
export function DeleteSequence({ id, name }: { id: string; name: string }) {
  return (
    <Dialog
      title={`Delete "${name}"?`}
      description="Leads in this sequence get no more of its messages, and its figures are removed. Messages already sent stay in the conversations. To stop it for a while instead, pause it."
      trigger={<Button variant="danger" size="sm">Delete sequence…</Button>}
      size="sm"
    >
      <form action={deleteSequenceAction} className="flex justify-end gap-2">
        <input type="hidden" name="id" value={id} />
        <DialogClose asChild><Button variant="secondary" size="sm">Cancel</Button></DialogClose>
        <SubmitButton variant="danger" size="sm" pendingText="Deleting…">Delete</SubmitButton>
      </form>
    </Dialog>
  );
}
