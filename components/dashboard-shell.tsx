import type { ReactNode } from "react";
import { NavLink } from "./nav-link";

type NavItem = { href: string; label: string };

export function DashboardShell({
  tenantName, userName, role, signOutAction, nav, children,
}: { tenantName: string; userName: string; role: string; signOutAction: () => Promise<void>; nav: NavItem[]; children: ReactNode }) {
  const phoneTabs = nav.slice(0, 4);
  return (
    <div className="min-h-dvh bg-slate-50 md:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex">
        <div className="border-b border-slate-200 px-5 py-4">
          <p className="text-lg font-bold tracking-tight">Forecourt</p>
          <p className="truncate text-sm text-slate-600">{tenantName}</p>
        </div>
        <nav aria-label="Main" className="flex-1 space-y-1 p-3">
          {nav.map((item) => (
            <NavLink key={item.href} href={item.href}>{item.label}</NavLink>
          ))}
        </nav>
        <div className="border-t border-slate-200 p-4 text-sm">
          <p className="font-medium">{userName}</p>
          <p className="capitalize text-slate-600">{role}</p>
          <form action={signOutAction} className="mt-2">
            <button type="submit" className="text-slate-700 underline hover:text-slate-900">Sign out</button>
          </form>
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 md:hidden">
          <div>
            <p className="font-bold">Forecourt</p>
            <p className="text-xs text-slate-600">{tenantName}</p>
          </div>
          <form action={signOutAction}>
            <button type="submit" className="text-sm text-slate-700 underline">Sign out</button>
          </form>
        </header>
        <main id="main" className="flex-1 p-4 pb-24 md:p-8 md:pb-8">{children}</main>
        <nav aria-label="Main" className="fixed inset-x-0 bottom-0 z-40 grid grid-cols-4 border-t border-slate-200 bg-white md:hidden">
          {phoneTabs.map((item) => (
            <NavLink key={item.href} href={item.href} compact>{item.label}</NavLink>
          ))}
        </nav>
      </div>
    </div>
  );
}
