"use client";

import type { ReactElement, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * A car's change that cannot be taken back with one click (its photo removed, the car sold and gone from the site and
 * the assistant) asks first; the confirm button says what happens, and Escape or Cancel leaves everything as it was.
 */
export function ConfirmSubmit({ action, fields, trigger, title, description, confirm, pendingText }: {
  action: (form: FormData) => void | Promise<void>;
  /** Hidden inputs the action reads. */
  fields: Record<string, string>;
  trigger: ReactElement;
  title: ReactNode;
  description: ReactNode;
  confirm: string;
  pendingText: string;
}) {
  return (
    <Dialog title={title} description={description} trigger={trigger} size="sm">
      <form action={action} className="flex justify-end gap-2">
        {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        <DialogClose asChild><Button variant="secondary" size="sm">Cancel</Button></DialogClose>
        <SubmitButton variant="danger" size="sm" pendingText={pendingText}>{confirm}</SubmitButton>
      </form>
    </Dialog>
  );
}
