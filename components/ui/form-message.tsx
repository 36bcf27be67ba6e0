import type { ReactNode } from "react";
import { Icon } from "../icons";
import { cx } from "./class-names";

type ActionResultLike = { ok: boolean; error?: string | null };

type FormMessageProps = {
  /** The state returned by a server action; nothing renders until there is one. */
  result?: ActionResultLike | null;
  /** Shown when the action succeeded, e.g. "Saved". */
  success?: ReactNode;
  className?: string;
};

/** An inline result line for forms: a polite status on success, an alert on failure. */
export function FormMessage({ result, success, className }: FormMessageProps) {
  if (!result) return null;
  if (result.ok) {
    if (!success) return null;
    return (
      <p role="status" className={cx("flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800", className)}>
        <Icon name="check" className="mt-0.5 size-4 shrink-0" />
        {success}
      </p>
    );
  }
  if (!result.error) return null;
  return (
    <p role="alert" className={cx("flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800", className)}>
      <Icon name="alert" className="mt-0.5 size-4 shrink-0" />
      {result.error}
    </p>
  );
}
