import Link from "next/link";
import { cx } from "./class-names";

export type NavTab = { href: string; label: string; count?: number };

/** Tabs that are links (each view has its own URL), e.g. lead stages or settings sections. */
export function NavTabs({ items, activeHref, label, className }: {
  items: NavTab[];
  /** The href of the tab that matches the current view. */
  activeHref: string;
  label: string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={cx("-mx-4 overflow-x-auto border-b border-line px-4 sm:mx-0 sm:px-0", className)}>
      <ul className="flex min-w-max gap-1">
        {items.map((tab) => {
          const active = tab.href === activeHref;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "-mb-px inline-flex h-11 items-center gap-2 border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "border-brand text-ink" : "border-transparent text-ink-muted hover:border-line-strong hover:text-ink",
                )}
              >
                {tab.label}
                {tab.count != null ? (
                  <span className={cx("rounded-full px-1.5 py-px text-xs tabular-nums", active ? "bg-brand-soft text-brand-ink" : "bg-slate-100 text-ink-muted")}>
                    {tab.count}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
