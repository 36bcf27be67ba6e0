import type { ComponentProps, ReactNode } from "react";
import { useId } from "react";
import { cx } from "./class-names";

// Shared look of text-like controls; aria-invalid turns the border red so errors never rely on text alone.
const control =
  "block w-full rounded-lg border border-line-strong bg-surface px-3 text-base text-ink shadow-card sm:text-sm " +
  "placeholder:text-ink-subtle focus:border-focus focus:outline-none focus-visible:outline-none focus:ring-3 focus:ring-focus/25 " +
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-ink-subtle " +
  "aria-invalid:border-red-600 aria-invalid:focus:ring-red-600/25";

export function Input({ className, ...rest }: ComponentProps<"input">) {
  return <input className={cx(control, "h-10", className)} {...rest} />;
}

export function Textarea({ className, rows = 4, ...rest }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cx(control, "min-h-20 py-2 leading-relaxed", className)} {...rest} />;
}

export function Select({ className, children, ...rest }: ComponentProps<"select">) {
  return (
    <div className="relative">
      <select className={cx(control, "h-10 appearance-none pr-9", className)} {...rest}>
        {children}
      </select>
      <svg viewBox="0 0 20 20" aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-ink-subtle">
        <path d="M5.5 8l4.5 4.5L14.5 8" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </div>
  );
}

type CheckboxProps = Omit<ComponentProps<"input">, "type"> & { label: ReactNode; hint?: ReactNode };

export function Checkbox({ label, hint, id, className, ...rest }: CheckboxProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className={cx("flex items-start gap-3", className)}>
      <input
        id={inputId}
        type="checkbox"
        aria-describedby={hintId}
        className="mt-0.5 size-4.5 shrink-0 cursor-pointer rounded border-line-strong accent-brand"
        {...rest}
      />
      <div className="text-sm">
        <label htmlFor={inputId} className="cursor-pointer font-medium text-ink">{label}</label>
        {hint ? <p id={hintId} className="text-ink-muted">{hint}</p> : null}
      </div>
    </div>
  );
}
