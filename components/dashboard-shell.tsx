import type { ReactNode } from "react";
import { Logo, LogoMark } from "./logo";
import { dashboardNav, withSectionIcons, type NavItem } from "./nav-items";
import { SectionTitle, SidebarNav } from "./sidebar-nav";
import { TabBar } from "./tab-bar";
import { UserMenu } from "./user-menu";

type DashboardShellProps = {
  tenantName: string;
  userName: string;
  role: string;
  signOutAction: (formData: FormData) => void | Promise<void>;
  /** The sections this person may use, in order; defaults to all of them. Items without an icon get their section's. */
  nav?: NavItem[];
  /** Overrides the header title, which otherwise names the current section. */
  title?: ReactNode;
  children: ReactNode;
};

/** The staff app frame: sidebar on desktop, bottom tabs on phones, header with section title and account menu. */
export function DashboardShell({ tenantName, userName, role, signOutAction, nav = dashboardNav, title, children }: DashboardShellProps) {
  const items = withSectionIcons(nav);
  return (
    <div className="min-h-dvh bg-canvas md:grid md:grid-cols-[15.5rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only rounded-lg bg-surface px-4 py-2 text-sm font-medium text-ink shadow-overlay focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[60]"
      >
        Skip to content
      </a>

      <aside className="hidden border-r border-line bg-surface md:sticky md:top-0 md:flex md:h-dvh md:flex-col">
        <div className="flex h-16 items-center border-b border-line px-5">
          <Logo subtitle={tenantName} />
        </div>
        <SidebarNav items={items} />
      </aside>

      <div className="flex min-h-dvh min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-line bg-surface/95 px-4 backdrop-blur md:h-16 md:px-8">
          <LogoMark className="size-7 md:hidden" />
          <div className="min-w-0 flex-1">
            {title ? <p className="truncate text-base font-semibold text-ink">{title}</p> : <SectionTitle items={items} />}
            <p className="truncate text-xs text-ink-muted md:hidden">{tenantName}</p>
          </div>
          <UserMenu userName={userName} role={role} signOutAction={signOutAction} />
        </header>

        <main id="main" tabIndex={-1} className="flex-1 px-4 pt-5 pb-28 focus:outline-none md:px-8 md:pt-8 md:pb-10">
          <div className="mx-auto w-full max-w-7xl">{children}</div>
        </main>
      </div>

      <TabBar items={items} />
    </div>
  );
}
