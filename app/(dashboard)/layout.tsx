import type { ReactNode } from "react";
import { DashboardShell } from "@/components/dashboard-shell";
import { hasRole, requireSession } from "@/lib/auth";
import { signOutAction } from "../(auth)/sign-in/actions";
import { QuotaBanner } from "./settings/usage/quota-banner";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const manager = hasRole(session.role, "manager");
  const nav = [
    { href: "/", label: "Today" },
    { href: "/inbox", label: "Inbox" },
    { href: "/pipeline", label: "Pipeline" },
    { href: "/inventory", label: "Inventory" },
    ...(manager ? [{ href: "/analytics", label: "Analytics" }, { href: "/followups", label: "Follow-ups" }, { href: "/broadcasts", label: "Broadcasts" }] : []),
    { href: "/assistant", label: "Try assistant" },
    ...(manager ? [{ href: "/settings", label: "Settings" }] : []),
  ];
  return (
    <DashboardShell tenantName={session.tenant.name} userName={session.user.name} role={session.role} signOutAction={signOutAction} nav={nav}>
      {manager ? <QuotaBanner tenantId={session.tenant.id} locale={session.tenant.locale} /> : null}
      {children}
    </DashboardShell>
  );
}
