"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Icon } from "./icons";
import { activeHref } from "./nav-match";
import type { NavItem } from "./nav-items";
import { cx } from "./ui/class-names";

export function SidebarNav({ items }: { items: NavItem[] }) {
  const current = activeHref(usePathname() ?? "/", items.map((i) => i.href));
  return (
    <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
      <ul className="space-y-0.5">
        {items.map((item) => {
          const active = item.href === current;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "group flex h-10 items-center gap-3 rounded-lg px-3 text-sm font-medium transition-colors",
                  active ? "bg-brand-soft text-brand-ink" : "text-ink-muted hover:bg-slate-100 hover:text-ink",
                )}
              >
                {item.icon ? (
                  <Icon name={item.icon} className={cx("size-5", active ? "text-brand-ink" : "text-ink-subtle group-hover:text-ink-muted")} />
                ) : null}
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The current section's name, for the header; derived from the nav so pages need not repeat it. */
export function SectionTitle({ items }: { items: NavItem[] }) {
  const current = activeHref(usePathname() ?? "/", items.map((i) => i.href));
  const label = items.find((i) => i.href === current)?.label;
  return label ? <p className="truncate text-base font-semibold text-ink">{label}</p> : null;
}
