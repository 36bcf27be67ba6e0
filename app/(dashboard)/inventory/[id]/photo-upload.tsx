"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { uploadPhotoAction, type FormState } from "../actions";

export function PhotoUpload({ vehicleId }: { vehicleId: string }) {
  const [state, action] = useActionState<FormState, FormData>(uploadPhotoAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="id" value={vehicleId} />
      <Field label="Add photos" hint="JPEG, PNG, WebP or HEIC, up to 10 MB each" error={state?.fieldErrors?.photos}>
        <input type="file" name="photos" accept="image/jpeg,image/png,image/webp,image/heic" multiple className="block text-sm" />
      </Field>
      <FormMessage result={state && !state.fieldErrors ? { ok: state.ok, error: state.error } : null} success="Photos added." />
      <SubmitButton variant="secondary" pendingText="Uploading…">Upload</SubmitButton>
    </form>
  );
}
