import { ChartFrame, colorFor, ValueGrid, type ValueFormat } from "./chart-frame";
import { bandLayout, labelGutter, linearScale, niceTicks, truncateLabel } from "./scale";
import { formatChartNumber } from "@/lib/format";

export type LabelledValue = { label: string; value: number };

export type ColumnChartProps = {
  data: LabelledValue[];
  title: string;
  description?: string;
  format?: ValueFormat;
  /** The dealer's locale: values are written its way (1.234, 1 234). */
  locale: string;
  /** Header of the value column in the screen-reader table. */
  valueLabel?: string;
  /** Counts get whole-number ticks only. */
  integers?: boolean;
  /** Which series colour the bars use (0–5). */
  colorIndex?: number;
  className?: string;
};

const WIDTH = 480;
const HEIGHT = 240;
const TOP = 22;
const BOTTOM = 28;

/** Vertical columns on a zero baseline; shared by BarChart (gaps between bars) and Histogram (touching bins). */
export function ColumnChart({ data, title, description, locale, format = (value) => formatChartNumber(value, locale), valueLabel = "Value", integers = false, colorIndex = 0, className, padding }: ColumnChartProps & { padding: number }) {
  const values = data.map((d) => (Number.isFinite(d.value) ? d.value : 0));
  const scale = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 5, integers);
  const left = labelGutter(scale.ticks.map(format));
  const right = WIDTH - 4;
  const y = linearScale([scale.min, scale.max], [HEIGHT - BOTTOM, TOP]);
  const { band, start } = bandLayout(data.length, right - left, padding);
  const slot = data.length > 0 ? (right - left) / data.length : 0;
  const showValues = band >= 24;
  const color = colorFor(colorIndex).fill;

  return (
    <ChartFrame
      title={title}
      description={description}
      width={WIDTH}
      height={HEIGHT}
      className={className}
      table={{ columns: ["Label", valueLabel], rows: data.map((d) => [d.label, format(d.value)]) }}
    >
      <ValueGrid ticks={scale.ticks} y={y} left={left} right={right} format={format} />
      {data.map((d, i) => {
        const value = values[i];
        const x = left + start(i);
        const top = Math.min(y(value), y(0));
        const height = Math.max(Math.abs(y(value) - y(0)), value === 0 ? 0 : 1);
        return (
          <g key={`${d.label}-${i}`}>
            <rect x={x} y={top} width={band} height={height} rx={Math.min(3, band / 4)} className={color}>
              <title>{`${d.label}: ${format(d.value)}`}</title>
            </rect>
            {showValues ? (
              <text x={x + band / 2} y={value < 0 ? top + height + 14 : top - 6} textAnchor="middle" className="fill-ink font-medium tabular-nums" aria-hidden="true">
                {format(d.value)}
              </text>
            ) : null}
            <text x={left + slot * i + slot / 2} y={HEIGHT - 8} textAnchor="middle" className="fill-ink-muted" aria-hidden="true">
              {truncateLabel(d.label, Math.max(1, Math.floor(slot / 8.5)))}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
