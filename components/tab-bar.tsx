"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Icon, type IconName } from "./icons";
import { activeHref } from "./nav-match";
import type { NavItem } from "./nav-items";
import { cx } from "./ui/class-names";
import { DialogClose } from "./ui/dialog";
import { Sheet } from "./ui/sheet";

const PHONE_TABS = 4;

const tabClass = (active: boolean) =>
  cx(
    "relative flex min-h-14 flex-col items-center justify-center gap-1 px-1 text-[0.6875rem] font-medium",
    active ? "text-brand-ink" : "text-ink-muted hover:text-ink",
  );

function TabContent({ icon, label, active }: { icon?: IconName; label: string; active: boolean }) {
  return (
    <>
      {active ? <span aria-hidden="true" className="absolute inset-x-4 top-0 h-0.5 rounded-b bg-brand" /> : null}
      <Icon name={icon ?? "more"} className="size-5.5" />
      <span className="max-w-full truncate">{label}</span>
    </>
  );
}

/** The phone navigation: the first sections as tabs, the rest behind "More" in a bottom sheet. */
export function TabBar({ items, moreLabel = "More" }: { items: NavItem[]; moreLabel?: string }) {
  const current = activeHref(usePathname() ?? "/", items.map((i) => i.href));
  const [moreOpen, setMoreOpen] = useState(false);
  const needsMore = items.length > PHONE_TABS;
  const tabs = needsMore ? items.slice(0, PHONE_TABS - 1) : items;
  const rest = needsMore ? items.slice(PHONE_TABS - 1) : [];
  const moreActive = rest.some((i) => i.href === current);

  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-line bg-surface/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
    >
      <ul className="grid" style={{ gridTemplateColumns: `repeat(${tabs.length + (needsMore ? 1 : 0)}, minmax(0, 1fr))` }}>
        {tabs.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.href === current ? "page" : undefined} className={tabClass(item.href === current)}>
              <TabContent icon={item.icon} label={item.label} active={item.href === current} />
            </Link>
          </li>
        ))}
        {needsMore ? (
          <li>
            <Sheet
              title={moreLabel}
              open={moreOpen}
              onOpenChange={setMoreOpen}
              trigger={
                <button type="button" className={cx(tabClass(moreActive), "w-full")} aria-current={moreActive ? "page" : undefined}>
                  <TabContent icon="more" label={moreLabel} active={moreActive} />
                </button>
              }
            >
              <ul className="-mx-2 space-y-0.5">
                {rest.map((item) => (
                  <li key={item.href}>
                    <DialogClose asChild>
                      <Link
                        href={item.href}
                        aria-current={item.href === current ? "page" : undefined}
                        className={cx(
                          "flex h-12 items-center gap-3 rounded-lg px-3 text-base font-medium",
                          item.href === current ? "bg-brand-soft text-brand-ink" : "text-ink hover:bg-slate-100",
                        )}
                      >
                        {item.icon ? <Icon name={item.icon} className="size-5 text-ink-subtle" /> : null}
                        {item.label}
                      </Link>
                    </DialogClose>
                  </li>
                ))}
              </ul>
            </Sheet>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
