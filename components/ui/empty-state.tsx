import type { ReactNode } from "react";
import { Icon, type IconName } from "../icons";
import { cx } from "./class-names";

export function EmptyState({ icon = "inbox", title, text, action, className }: {
  icon?: IconName;
  title: ReactNode;
  text?: ReactNode;
  /** A button or link that gets the person unstuck, e.g. "Add a vehicle". */
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx("flex flex-col items-center px-6 py-12 text-center", className)}>
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-slate-100 text-ink-muted">
        <Icon name={icon} className="size-6" />
      </div>
      <p className="text-base font-semibold text-ink">{title}</p>
      {text ? <p className="mt-1 max-w-sm text-sm text-ink-muted">{text}</p> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
