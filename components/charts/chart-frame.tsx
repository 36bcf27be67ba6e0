import type { ReactNode } from "react";
import { useId } from "react";

export type ValueFormat = (value: number) => string;

// Literal class names so Tailwind sees them; the colours are the --color-chart-* theme tokens.
export const seriesColors = [
  { fill: "fill-chart-1", stroke: "stroke-chart-1", swatch: "bg-chart-1" },
  { fill: "fill-chart-2", stroke: "stroke-chart-2", swatch: "bg-chart-2" },
  { fill: "fill-chart-3", stroke: "stroke-chart-3", swatch: "bg-chart-3" },
  { fill: "fill-chart-4", stroke: "stroke-chart-4", swatch: "bg-chart-4" },
  { fill: "fill-chart-5", stroke: "stroke-chart-5", swatch: "bg-chart-5" },
  { fill: "fill-chart-6", stroke: "stroke-chart-6", swatch: "bg-chart-6" },
];

export function colorFor(index: number) {
  return seriesColors[index % seriesColors.length];
}

export type DataTable = { columns: string[]; rows: string[][] };

type ChartFrameProps = {
  title: string;
  /** A one-sentence takeaway for screen readers; the full numbers are in the hidden table. */
  description?: string;
  width: number;
  height: number;
  table: DataTable;
  legend?: ReactNode;
  className?: string;
  children: ReactNode;
};

// Text is larger in user units on phones, where the viewBox is scaled down to about two thirds.
/** The accessible shell of every chart: an SVG image with title and description, plus the same data as a table for screen readers. */
export function ChartFrame({ title, description, width, height, table, legend, className, children }: ChartFrameProps) {
  const id = useId();
  return (
    <figure className={className}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="block h-auto w-full overflow-visible text-[15px] sm:text-[12.5px]"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description ?? "The values are listed in the table that follows."}</desc>
        {children}
      </svg>
      {legend}
      {/* A table keeps its content width whatever its own size, so the wrapper is what hides it (and keeps phones from scrolling sideways). */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column, i) => (
                <th key={i} scope="col">{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (c === 0 ? <th key={c} scope="row">{cell}</th> : <td key={c}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Horizontal grid lines with their values at the left edge. */
export function ValueGrid({ ticks, y, left, right, format }: { ticks: number[]; y: (v: number) => number; left: number; right: number; format: ValueFormat }) {
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? "stroke-line-strong" : "stroke-line"} strokeDasharray={tick === 0 ? undefined : "3 3"} />
          <text x={left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-ink-muted tabular-nums">{format(tick)}</text>
        </g>
      ))}
    </g>
  );
}

/** Legend for multi-series charts, in HTML so it wraps on phones; hidden from screen readers, which get the table. */
export function Legend({ items }: { items: { label: string; index: number }[] }) {
  return (
    <ul aria-hidden="true" className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-sm text-ink-muted">
      {items.map((item) => (
        <li key={item.label} className="inline-flex items-center gap-2">
          <span className={`size-2.5 rounded-sm ${colorFor(item.index).swatch}`} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
