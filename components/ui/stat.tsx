import type { ReactNode } from "react";
import { Icon } from "../icons";
import { cx } from "./class-names";
import { numberFormat } from "@/lib/format/intl";

type StatProps = {
  label: ReactNode;
  value: ReactNode;
  /** Relative change against the previous period: 0.12 is +12 %. */
  delta?: number | null;
  /** Response times get better when they go down. */
  betterWhen?: "up" | "down";
  /** What the delta compares with, e.g. "vs previous 30 days". */
  deltaLabel?: string;
  /** A short line under the value on what it leaves out, e.g. "Not counting 2 cancelled". */
  note?: ReactNode;
  locale?: string;
  /** Three in a row on a phone: tighter padding, and a label that wraps instead of being cut off. */
  compact?: boolean;
  className?: string;
};

export function Stat({ label, value, delta, betterWhen = "up", deltaLabel, note, locale, compact = false, className }: StatProps) {
  return (
    <div className={cx("rounded-xl border border-line bg-surface shadow-card sm:p-5", compact ? "h-full p-3" : "p-4", className)}>
      <dl>
        <dt className={cx("font-medium text-ink-muted", compact ? "text-xs leading-snug sm:truncate sm:text-sm" : "truncate text-sm")}>{label}</dt>
        <dd className={cx("mt-1.5 font-semibold tracking-tight text-ink tabular-nums", compact ? "text-xl sm:text-2xl" : "text-2xl")}>{value}</dd>
        {note ? <dd className="mt-1 text-xs text-ink-muted sm:text-sm">{note}</dd> : null}
        {delta != null && Number.isFinite(delta) ? (
          <dd className="mt-1.5 flex flex-wrap items-center gap-x-1.5 text-sm">
            <Delta delta={delta} betterWhen={betterWhen} locale={locale} />
            {deltaLabel ? <span className="text-ink-muted">{deltaLabel}</span> : null}
          </dd>
        ) : null}
      </dl>
    </div>
  );
}

function Delta({ delta, betterWhen, locale }: { delta: number; betterWhen: "up" | "down"; locale?: string }) {
  const text = numberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(delta);
  if (delta === 0) return <span className="font-medium text-ink-muted">{text}</span>;
  const improved = (delta > 0) === (betterWhen === "up");
  return (
    <span className={cx("inline-flex items-center gap-0.5 font-medium", improved ? "text-emerald-700" : "text-red-700")}>
      <Icon name={delta > 0 ? "arrowUp" : "arrowDown"} className="size-3.5" />
      {text}
      <span className="sr-only">{improved ? "(better)" : "(worse)"}</span>
    </span>
  );
}
