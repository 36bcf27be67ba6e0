import { ChartFrame, colorFor, type ValueFormat } from "./chart-frame";
import type { LabelledValue } from "./column-chart";
import { funnelSteps } from "./scale";
import { formatChartNumber, formatPercent } from "@/lib/format";

type FunnelProps = {
  /** Stages in order, e.g. new → contacted → test drive → sold. */
  data: LabelledValue[];
  title: string;
  description?: string;
  format?: ValueFormat;
  /** The dealer's locale: values and percentages are written its way (1.234, 1 234, 45 %). */
  locale: string;
  className?: string;
};

const WIDTH = 480;
const ROW = 46;
const BAR = 16;

/** Stage conversion: each bar is sized against the first stage; the right side shows count, share of the first and step conversion. */
export function Funnel({ data, title, description, locale, format = (value) => formatChartNumber(value, locale), className }: FunnelProps) {
  const percent = (share: number) => formatPercent(share, locale);
  const steps = funnelSteps(data);
  const height = Math.max(ROW, steps.length * ROW);
  return (
    <ChartFrame
      title={title}
      description={description}
      width={WIDTH}
      height={height}
      className={className}
      table={{
        columns: ["Stage", "Count", "Share of first stage", "Conversion from previous stage"],
        rows: steps.map((s) => [s.label, format(s.value), percent(s.shareOfFirst), s.fromPrevious === null ? "–" : percent(s.fromPrevious)]),
      }}
    >
      {steps.map((step, i) => {
        const top = i * ROW;
        return (
          <g key={`${step.label}-${i}`} aria-hidden="true">
            <text x={0} y={top + 14} className="fill-ink font-medium">{step.label}</text>
            <text x={WIDTH} y={top + 14} textAnchor="end" className="fill-ink-muted tabular-nums">
              <tspan className="fill-ink font-medium">{format(step.value)}</tspan>
              {i > 0 ? ` · ${percent(step.shareOfFirst)}` : ""}
              {i > 1 && step.fromPrevious !== null ? ` (${percent(step.fromPrevious)} of previous)` : ""}
            </text>
            <rect x={0} y={top + 22} width={WIDTH} height={BAR} rx={4} className="fill-slate-100" />
            {step.shareOfFirst > 0 ? (
              <rect x={0} y={top + 22} width={Math.max(4, WIDTH * Math.min(1, step.shareOfFirst))} height={BAR} rx={4} className={colorFor(0).fill} />
            ) : null}
          </g>
        );
      })}
    </ChartFrame>
  );
}
