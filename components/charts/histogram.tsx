import { ColumnChart, type ColumnChartProps } from "./column-chart";

/** Touching columns for a distribution, e.g. first-response times; `data` holds one count per bin (see `histogramBins` in ./scale). */
export function Histogram(props: ColumnChartProps) {
  return <ColumnChart valueLabel="Count" integers {...props} padding={0.06} />;
}
