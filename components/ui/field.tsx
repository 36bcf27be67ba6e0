import type { ComponentProps, ReactElement, ReactNode } from "react";
import { cloneElement, useId } from "react";
import { cx } from "./class-names";

export function Label({ className, children, required, ...rest }: ComponentProps<"label"> & { required?: boolean }) {
  return (
    <label className={cx("block text-sm font-medium text-ink", className)} {...rest}>
      {children}
      {required ? <span className="ml-0.5 text-red-700" aria-hidden="true">*</span> : null}
    </label>
  );
}

type ControlProps = {
  id?: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

type FieldProps = {
  label: ReactNode;
  /** One control (Input, Textarea, Select); Field gives it an id and wires hint and error to it. */
  children: ReactElement<ControlProps>;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  id?: string;
  className?: string;
};

export function Field({ label, children, hint, error, required, id, className }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? children.props.id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [children.props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control = cloneElement(children, {
    id: controlId,
    required: required ?? children.props.required,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : children.props["aria-invalid"],
  });
  return (
    <div className={cx("space-y-1.5", className)}>
      <Label htmlFor={controlId} required={required}>{label}</Label>
      {control}
      {hint ? <p id={hintId} className="text-sm text-ink-muted">{hint}</p> : null}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <svg viewBox="0 0 20 20" aria-hidden="true" className="mt-0.5 size-4 shrink-0">
            <path d="M10 3l8 14H2zM10 8.5v3.5M10 14.5v.01" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {error}
        </p>
      ) : null}
    </div>
  );
}
