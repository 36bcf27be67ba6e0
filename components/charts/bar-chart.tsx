import { ColumnChart, type ColumnChartProps } from "./column-chart";

/** Vertical bars with value labels, e.g. leads per source or per sales rep. */
export function BarChart(props: ColumnChartProps) {
  return <ColumnChart {...props} padding={0.35} />;
}
