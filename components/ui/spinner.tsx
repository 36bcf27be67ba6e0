import { cx } from "./class-names";

export function Spinner({ label = "Loading", showLabel = false, className }: {
  label?: string;
  showLabel?: boolean;
  className?: string;
}) {
  return (
    <span role="status" className={cx("inline-flex items-center gap-2 text-sm text-ink-muted", className)}>
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4 animate-spin">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M21 12a9 9 0 0 0-9-9" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <span className={showLabel ? undefined : "sr-only"}>{label}</span>
    </span>
  );
}
