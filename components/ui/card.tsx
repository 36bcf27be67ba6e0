import type { ReactNode } from "react";
import { cx } from "./class-names";

type CardProps = {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links shown at the right of the header. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** `none` for edge-to-edge content such as tables and lists. */
  padding?: "none" | "normal";
  /** Heading level of the title, so cards fit the page outline. */
  as?: "h2" | "h3";
  className?: string;
  children?: ReactNode;
};

export function Card({ title, description, actions, footer, padding = "normal", as: Heading = "h2", className, children }: CardProps) {
  const hasHeader = Boolean(title || description || actions);
  return (
    <section className={cx("overflow-hidden rounded-xl border border-line bg-surface shadow-card", className)}>
      {hasHeader ? (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-line px-4 py-3.5 sm:px-5">
          <div className="min-w-0">
            {title ? <Heading className="text-base font-semibold text-ink">{title}</Heading> : null}
            {description ? <p className="mt-0.5 text-sm text-ink-muted">{description}</p> : null}
          </div>
          {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      {children ? <div className={padding === "normal" ? "p-4 sm:p-5" : undefined}>{children}</div> : null}
      {footer ? <footer className="border-t border-line bg-slate-50/60 px-4 py-3 sm:px-5">{footer}</footer> : null}
    </section>
  );
}
