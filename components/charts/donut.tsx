import { ChartFrame, colorFor, type ValueFormat } from "./chart-frame";
import type { LabelledValue } from "./column-chart";
import { donutArcs, ringSlicePath } from "./scale";
import { formatChartNumber, formatPercent } from "@/lib/format";

type DonutProps = {
  data: LabelledValue[];
  title: string;
  description?: string;
  format?: ValueFormat;
  /** The dealer's locale: values and percentages are written its way (1.234, 1 234, 45 %). */
  locale: string;
  /** Small caption under the total in the middle, e.g. "leads". */
  totalLabel?: string;
  className?: string;
};

const SIZE = 160;
const OUTER = 78;
const INNER = 52;

/** Share of a whole, e.g. leads by source, with the total in the middle and a legend of values and percentages. */
export function Donut({ data, title, description, locale, format = (value) => formatChartNumber(value, locale), totalLabel, className }: DonutProps) {
  const percent = (share: number) => formatPercent(share, locale);
  const arcs = donutArcs(data.map((d) => d.value));
  const total = data.reduce((sum, d) => sum + (Number.isFinite(d.value) && d.value > 0 ? d.value : 0), 0);
  const c = SIZE / 2;
  return (
    <div className={`flex flex-col items-center gap-5 sm:flex-row sm:items-center ${className ?? ""}`}>
      <ChartFrame
        title={title}
        description={description}
        width={SIZE}
        height={SIZE}
        className="w-40 shrink-0 sm:w-44"
        table={{ columns: ["Label", "Value", "Share"], rows: data.map((d, i) => [d.label, format(d.value), percent(arcs[i].share)]) }}
      >
        {total === 0 ? (
          <circle cx={c} cy={c} r={(OUTER + INNER) / 2} fill="none" strokeWidth={OUTER - INNER} className="stroke-slate-100" />
        ) : (
          arcs.map((arc, i) => (
            <path key={i} d={ringSlicePath(c, c, OUTER, INNER, arc.start, arc.end)} className={`${colorFor(i).fill} stroke-surface`} strokeWidth={data.length > 1 ? 1.5 : 0}>
              <title>{`${data[i].label}: ${format(data[i].value)} (${percent(arc.share)})`}</title>
            </path>
          ))
        )}
        <text x={c} y={c} dy={totalLabel ? "-0.1em" : "0.35em"} textAnchor="middle" className="fill-ink text-[22px] font-semibold tabular-nums" aria-hidden="true">
          {format(total)}
        </text>
        {totalLabel ? (
          <text x={c} y={c} dy="1.5em" textAnchor="middle" className="fill-ink-muted text-[11px]" aria-hidden="true">{totalLabel}</text>
        ) : null}
      </ChartFrame>
      <ul aria-hidden="true" className="w-full min-w-0 space-y-2 text-sm">
        {data.map((d, i) => (
          <li key={`${d.label}-${i}`} className="flex items-center gap-2.5">
            <span className={`size-2.5 shrink-0 rounded-sm ${colorFor(i).swatch}`} />
            <span className="min-w-0 flex-1 truncate text-ink">{d.label}</span>
            <span className="text-ink tabular-nums">{format(d.value)}</span>
            <span className="min-w-10 whitespace-nowrap text-right text-ink-muted tabular-nums">{percent(arcs[i].share)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
