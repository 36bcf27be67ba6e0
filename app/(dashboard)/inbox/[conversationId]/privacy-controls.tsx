"use client";

import { useActionState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Input } from "@/components/ui/controls";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { eraseContactAction } from "./privacy-actions";

/** A shopper's GDPR requests: a JSON download of their data, and erasure behind a typed confirmation. */
export function PrivacyControls({ conversationId, contactId }: { conversationId: string; contactId: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      {/* A plain link: the route answers with an attachment, so the browser downloads instead of navigating. */}
      <a href={`/inbox/${conversationId}/export`} download className={buttonClass({ variant: "secondary", size: "sm" })}>Download data</a>
      <Dialog
        title="Erase this contact?"
        description="Name, phone, e-mail, message texts and attachments are removed for good, follow-ups stop and no broadcast reaches them again. The lead stays in your figures without personal data."
        trigger={<Button variant="danger" size="sm">Erase contact…</Button>}
        size="sm"
      >
        <EraseForm contactId={contactId} />
      </Dialog>
    </div>
  );
}

/** Inside the dialog, so its last answer goes when the dialog closes: reopened, it does not greet with an old error. */
function EraseForm({ contactId }: { contactId: string }) {
  const [state, action] = useActionState(eraseContactAction, null);
  return (
    <Form action={action} aria-label="Erase the contact" className="space-y-3">
      <input type="hidden" name="contactId" value={contactId} />
      <Field label="Type ERASE to confirm" error={state?.fieldErrors?.confirm}>
        <Input name="confirm" autoComplete="off" required />
      </Field>
      {state && !state.fieldErrors ? <FormMessage result={state} /> : null}
      <div className="flex justify-end gap-2">
        <DialogClose asChild><Button variant="secondary" size="sm">Cancel</Button></DialogClose>
        <SubmitButton variant="danger" size="sm" pendingText="Erasing…">Erase contact</SubmitButton>
      </div>
    </Form>
  );
}
