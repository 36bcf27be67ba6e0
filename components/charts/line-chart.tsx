import { ChartFrame, colorFor, Legend, ValueGrid, type ValueFormat } from "./chart-frame";
import { labelGutter, linePath, linearScale, niceTicks, spreadIndices } from "./scale";
import { formatChartNumber, formatDayMonth } from "@/lib/format";

export type TimePoint = { date: string | Date; series: Record<string, number | null | undefined> };

type LineChartProps = {
  data: TimePoint[];
  title: string;
  description?: string;
  format?: ValueFormat;
  /** The dealer's locale: the axis, the tooltips and the table name days in its language ("2. mai", "2 Mei") and write values its way. */
  locale: string;
  formatDate?: (date: Date) => string;
  /** Display names by series key; keys without one are shown as they are. */
  seriesLabels?: Record<string, string>;
  /** Counts get whole-number ticks only. */
  integers?: boolean;
  className?: string;
};

const WIDTH = 480;
const HEIGHT = 240;
const TOP = 12;
const BOTTOM = 28;
const RIGHT_PAD = 10;

/** One line per series over time (x spaced by real time, so gaps in dates show); a missing value breaks its line. */
export function LineChart({ data, title, description, locale, format = (value) => formatChartNumber(value, locale), formatDate = (date) => formatDayMonth(date, locale), seriesLabels = {}, integers = false, className }: LineChartProps) {
  const points = data
    .map((d) => ({ time: new Date(d.date), series: d.series }))
    .filter((d) => !Number.isNaN(d.time.getTime()))
    .sort((a, b) => a.time.getTime() - b.time.getTime());
  const keys = [...new Set(points.flatMap((p) => Object.keys(p.series)))];
  const valueOf = (p: (typeof points)[number], key: string) => {
    const v = p.series[key];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const allValues = points.flatMap((p) => keys.map((k) => valueOf(p, k))).filter((v): v is number => v !== null);
  const scale = niceTicks(Math.min(0, ...allValues), Math.max(0, ...allValues), 5, integers);
  const left = labelGutter(scale.ticks.map(format));
  const right = WIDTH - RIGHT_PAD;
  const times = points.map((p) => p.time.getTime());
  const x = linearScale([times[0] ?? 0, times[times.length - 1] ?? 0], [left + 4, right - 4]);
  const y = linearScale([scale.min, scale.max], [HEIGHT - BOTTOM, TOP]);
  const label = (key: string) => seriesLabels[key] ?? key;
  const showDots = points.length <= 31;

  return (
    <ChartFrame
      title={title}
      description={description}
      width={WIDTH}
      height={HEIGHT}
      className={className}
      legend={keys.length > 1 ? <Legend items={keys.map((k, index) => ({ label: label(k), index }))} /> : null}
      table={{
        columns: ["Date", ...keys.map(label)],
        rows: points.map((p) => [formatDate(p.time), ...keys.map((k) => {
          const v = valueOf(p, k);
          return v === null ? "–" : format(v);
        })]),
      }}
    >
      <ValueGrid ticks={scale.ticks} y={y} left={left} right={right} format={format} />
      <g aria-hidden="true">
        {spreadIndices(points.length, 6).map((i) => (
          <text key={i} x={x(times[i])} y={HEIGHT - 8} textAnchor={edgeAnchor(i, points.length)} className="fill-ink-muted">
            {formatDate(points[i].time)}
          </text>
        ))}
      </g>
      {keys.map((key, index) => {
        const color = colorFor(index);
        const coords = points.map((p, i) => {
          const v = valueOf(p, key);
          return v === null ? null : { x: x(times[i]), y: y(v) };
        });
        return (
          <g key={key}>
            <path d={linePath(coords)} fill="none" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" className={color.stroke} />
            {showDots
              ? coords.map((c, i) =>
                  c ? (
                    <circle key={i} cx={c.x} cy={c.y} r={2.75} strokeWidth={1.5} className={`fill-surface ${color.stroke}`}>
                      <title>{`${label(key)}, ${formatDate(points[i].time)}: ${format(valueOf(points[i], key)!)}`}</title>
                    </circle>
                  ) : null,
                )
              : null}
          </g>
        );
      })}
    </ChartFrame>
  );
}

// The outermost date labels align inwards so they never spill past the plot.
function edgeAnchor(index: number, count: number): "start" | "middle" | "end" {
  if (count < 2) return "middle";
  if (index === 0) return "start";
  return index === count - 1 ? "end" : "middle";
}
