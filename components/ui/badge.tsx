import type { ReactNode } from "react";
import { cx } from "./class-names";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info" | "brand";

// Soft backgrounds with 700–800 text keep every tone above 4.5:1.
const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: "bg-slate-100 text-slate-700 ring-slate-200", dot: "bg-slate-500" },
  success: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-200", dot: "bg-emerald-600" },
  warning: { badge: "bg-amber-50 text-amber-800 ring-amber-200", dot: "bg-amber-500" },
  danger: { badge: "bg-red-50 text-red-800 ring-red-200", dot: "bg-red-600" },
  info: { badge: "bg-sky-50 text-sky-800 ring-sky-200", dot: "bg-sky-600" },
  brand: { badge: "bg-brand-soft text-brand-ink ring-brand/25", dot: "bg-brand" },
};

export function Badge({ tone = "neutral", dot = false, className, children }: {
  tone?: BadgeTone;
  dot?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span className={cx("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset", tones[tone].badge, className)}>
      {dot ? <span aria-hidden="true" className={cx("size-1.5 rounded-full", tones[tone].dot)} /> : null}
      {children}
    </span>
  );
}
