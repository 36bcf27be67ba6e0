import type { ReactNode } from "react";
import { cx } from "./class-names";

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "start" | "end";
  /** The column that names the row; on phones it heads the row's card instead of being labelled. */
  primary?: boolean;
  /** Less important columns can be dropped on phones. */
  hideOnPhone?: boolean;
  className?: string;
};

type TableProps<Row> = {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Describes the table for screen readers; shown only to them unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  /** Rendered instead of the table when there are no rows (usually an EmptyState). */
  empty?: ReactNode;
  className?: string;
};

/** A data table that becomes a list of cards below the `md` breakpoint, each value labelled with its column header. */
export function Table<Row>({ columns, rows, rowKey, caption, showCaption = false, empty, className }: TableProps<Row>) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className={cx("md:overflow-x-auto", className)}>
      <table className="w-full border-separate border-spacing-0 text-sm">
        <caption className={showCaption ? "px-4 py-3 text-left text-sm font-medium text-ink-muted" : "sr-only"}>{caption}</caption>
        <thead className="sr-only md:not-sr-only md:table-header-group">
          <tr>
            {columns.map((col) => (
              <th
                key={col.key}
                scope="col"
                className={cx(
                  "border-b border-line bg-slate-50 px-4 py-2.5 text-xs font-semibold tracking-wide whitespace-nowrap text-ink-muted uppercase",
                  col.align === "end" ? "text-right" : "text-left",
                  col.className,
                )}
              >
                {col.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block space-y-3 p-3 md:table-row-group md:space-y-0 md:p-0">
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              className="block rounded-lg border border-line bg-surface p-3 md:table-row md:rounded-none md:border-0 md:p-0 md:hover:bg-slate-50/70 md:last:*:border-b-0"
            >
              {columns.map((col) => (
                <td
                  key={col.key}
                  className={cx(
                    "md:table-cell md:border-b md:border-line md:px-4 md:py-3 md:align-middle",
                    col.hideOnPhone ? "hidden" : col.primary ? "block pb-2 font-medium text-ink" : "flex items-baseline justify-between gap-4 py-1 text-ink",
                    col.align === "end" ? "md:text-right md:tabular-nums" : "md:text-left",
                    col.className,
                  )}
                >
                  {col.primary ? null : (
                    <span aria-hidden="true" className="shrink-0 text-xs font-medium text-ink-muted md:hidden">{col.header}</span>
                  )}
                  <span className={col.primary ? undefined : "min-w-0 text-right md:[text-align:inherit]"}>{col.cell(row)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
