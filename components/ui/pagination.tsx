import Link from "next/link";
import { Icon } from "../icons";
import { cx } from "./class-names";
import { pageWindow } from "./page-window";

type PaginationProps = {
  page: number;
  pageCount: number;
  /** The URL of a page; keep the current filters in it. */
  hrefFor: (page: number) => string;
  label?: string;
  previousLabel?: string;
  nextLabel?: string;
  className?: string;
};

const item = "inline-flex h-9 min-w-9 items-center justify-center rounded-lg px-2.5 text-sm font-medium tabular-nums";

export function Pagination({ page, pageCount, hrefFor, label = "Pagination", previousLabel = "Previous", nextLabel = "Next", className }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  return (
    <nav aria-label={label} className={cx("flex items-center justify-between gap-2 sm:justify-center", className)}>
      <EdgeLink href={current > 1 ? hrefFor(current - 1) : null} rel="prev" icon="chevronLeft" text={previousLabel} />
      <ol className="hidden items-center gap-1 sm:flex">
        {pageWindow(current, pageCount).map((slot, i) =>
          slot === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className={cx(item, "text-ink-subtle")}>…</li>
          ) : (
            <li key={slot}>
              <Link
                href={hrefFor(slot)}
                aria-current={slot === current ? "page" : undefined}
                className={cx(item, slot === current ? "bg-brand text-brand-contrast" : "text-ink-muted hover:bg-slate-100 hover:text-ink")}
              >
                {slot}
              </Link>
            </li>
          ),
        )}
      </ol>
      <p className="text-sm text-ink-muted tabular-nums sm:hidden">{current} / {pageCount}</p>
      <EdgeLink href={current < pageCount ? hrefFor(current + 1) : null} rel="next" icon="chevronRight" text={nextLabel} />
    </nav>
  );
}

function EdgeLink({ href, rel, icon, text }: { href: string | null; rel: "prev" | "next"; icon: "chevronLeft" | "chevronRight"; text: string }) {
  const content = (
    <>
      {rel === "prev" ? <Icon name={icon} className="size-4" /> : null}
      {text}
      {rel === "next" ? <Icon name={icon} className="size-4" /> : null}
    </>
  );
  const look = cx(item, "gap-1 border border-line-strong bg-surface px-3 shadow-card");
  if (!href) return <span aria-disabled="true" className={cx(look, "text-ink-subtle opacity-60")}>{content}</span>;
  return <Link href={href} rel={rel} className={cx(look, "text-ink hover:bg-slate-50")}>{content}</Link>;
}
