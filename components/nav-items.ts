import type { IconName } from "./icons";

export type NavItem = { href: string; label: string; icon?: IconName };

/** Every staff section; the layout passes a filtered copy so roles only see what they may use. */
export const dashboardNav: NavItem[] = [
  { href: "/", label: "Today", icon: "calendar" },
  { href: "/inbox", label: "Inbox", icon: "inbox" },
  { href: "/pipeline", label: "Pipeline", icon: "pipeline" },
  { href: "/inventory", label: "Inventory", icon: "car" },
  { href: "/analytics", label: "Analytics", icon: "chart" },
  { href: "/followups", label: "Follow-ups", icon: "clock" },
  { href: "/broadcasts", label: "Broadcasts", icon: "megaphone" },
  { href: "/settings", label: "Settings", icon: "settings" },
  { href: "/assistant", label: "Try assistant", icon: "sparkles" },
];

/** Items without an icon borrow the one their section has in `dashboardNav`. */
export function withSectionIcons(items: NavItem[]): NavItem[] {
  return items.map((item) => (item.icon ? item : { ...item, icon: dashboardNav.find((d) => d.href === item.href)?.icon }));
}
