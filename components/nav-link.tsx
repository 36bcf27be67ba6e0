"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function NavLink({ href, children, compact = false }: { href: string; children: ReactNode; compact?: boolean }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  const base = compact
    ? "flex min-h-12 items-center justify-center px-1 text-xs font-medium"
    : "block rounded-md px-3 py-2 text-sm font-medium";
  const tone = active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100";
  return (
    <Link href={href} aria-current={active ? "page" : undefined} className={`${base} ${tone}`}>
      {children}
    </Link>
  );
}
