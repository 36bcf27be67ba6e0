import { cx } from "./ui/class-names";

/** The Forecourt mark: a lane with a car-shaped notch on a brand-coloured tile. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={cx("size-8 shrink-0", className)}>
      <rect width="32" height="32" rx="8" className="fill-brand" />
      <path d="M10 23V9.5h12M10 16h8" fill="none" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" className="stroke-brand-contrast" />
      <circle cx="22" cy="21.5" r="2.2" className="fill-brand-contrast" />
    </svg>
  );
}

export function Logo({ subtitle }: { subtitle?: string }) {
  return (
    <span className="flex min-w-0 items-center gap-2.5">
      <LogoMark />
      <span className="min-w-0 leading-tight">
        <span className="block text-[0.9375rem] font-semibold tracking-tight text-ink">Forecourt</span>
        {subtitle ? <span className="block truncate text-xs text-ink-muted">{subtitle}</span> : null}
      </span>
    </span>
  );
}
