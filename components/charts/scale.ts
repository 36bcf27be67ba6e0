// Pure geometry for the SVG charts: no DOM, so it is tested directly and runs on the server.

export type Ticks = { min: number; max: number; step: number; ticks: number[] };

/** A round step (1, 2, 2.5 or 5 times a power of ten) near `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Round axis bounds and evenly spaced ticks covering [min, max], about `target` of them; `integers` for counts. */
export function niceTicks(min: number, max: number, target = 5, integers = false): Ticks {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 0;
  if (lo > hi) [lo, hi] = [hi, lo];
  // A flat series still needs an axis: widen it around the value (or to 0..1 for all zeros).
  if (lo === hi) {
    if (lo === 0) hi = 1;
    else if (lo > 0) lo = 0;
    else hi = 0;
  }
  const rough = niceStep((hi - lo) / Math.max(1, target));
  // 2.5 is the only fractional nice step above 1; doubling it keeps whole-number steps round.
  const step = !integers ? rough : rough < 1 ? 1 : Number.isInteger(rough) ? rough : rough * 2;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const count = Math.round((end - start) / step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => roundToStep(start + i * step, step));
  return { min: ticks[0], max: ticks[ticks.length - 1], step, ticks };
}

// Strips float noise such as 0.30000000000000004 so tick labels stay clean.
function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

/** Maps a domain onto a range linearly; an empty domain maps everything to the middle of the range. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (value: number) => number {
  if (d0 === d1) return () => (r0 + r1) / 2;
  const ratio = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * ratio;
}

/** Evenly spaced bands (bars) across `width`, with `padding` as the share of each slot left empty. */
export function bandLayout(count: number, width: number, padding = 0.3): { band: number; start: (index: number) => number } {
  if (count <= 0) return { band: 0, start: () => 0 };
  const slot = width / count;
  const band = slot * (1 - padding);
  return { band, start: (index) => index * slot + (slot - band) / 2 };
}

/** Indices of at most `max` labels spread evenly over `count` points, always including the first and last. */
export function spreadIndices(count: number, max: number): number[] {
  if (count <= 0 || max <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  if (max === 1) return [0];
  const indices = Array.from({ length: max }, (_, i) => Math.round((i * (count - 1)) / (max - 1)));
  return [...new Set(indices)];
}

export type Point = { x: number; y: number };

/** An SVG path through the points; a `null` (missing value) breaks the line instead of drawing through zero. */
export function linePath(points: (Point | null)[]): string {
  let path = "";
  let penDown = false;
  for (const point of points) {
    if (!point) {
      penDown = false;
      continue;
    }
    path += `${penDown ? "L" : "M"}${round(point.x)},${round(point.y)}`;
    penDown = true;
  }
  return path;
}

export type Arc = { start: number; end: number; share: number };

/** Angles (radians, clockwise from 12 o'clock) of each value's slice; negative values and a zero total give empty slices. */
export function donutArcs(values: number[]): Arc[] {
  const positive = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const total = positive.reduce((sum, v) => sum + v, 0);
  if (total === 0) return values.map(() => ({ start: 0, end: 0, share: 0 }));
  let angle = 0;
  return positive.map((value) => {
    const share = value / total;
    const arc = { start: angle, end: angle + share * 2 * Math.PI, share };
    angle = arc.end;
    return arc;
  });
}

/** The closed outline of a ring slice. A full turn is drawn as two halves because one SVG arc cannot close on itself. */
export function ringSlicePath(cx: number, cy: number, outer: number, inner: number, start: number, end: number): string {
  const sweep = end - start;
  if (sweep <= 0) return "";
  if (sweep >= 2 * Math.PI - 1e-9) {
    const mid = start + Math.PI;
    return ringSlicePath(cx, cy, outer, inner, start, mid) + ringSlicePath(cx, cy, outer, inner, mid, start + 2 * Math.PI);
  }
  const large = sweep > Math.PI ? 1 : 0;
  const at = (r: number, a: number) => `${round(cx + r * Math.sin(a))},${round(cy - r * Math.cos(a))}`;
  return (
    `M${at(outer, start)}A${outer},${outer} 0 ${large} 1 ${at(outer, end)}` +
    `L${at(inner, end)}A${inner},${inner} 0 ${large} 0 ${at(inner, start)}Z`
  );
}

export type Bin = { from: number | null; to: number | null; count: number };

/**
 * Counts values into bins split at ascending `thresholds`: below the first, between neighbours
 * (lower bound inclusive), and from the last upward. Non-finite values are ignored.
 */
export function binValues(values: number[], thresholds: number[]): Bin[] {
  const edges = [...new Set(thresholds.filter(Number.isFinite))].sort((a, b) => a - b);
  const bins: Bin[] = [null, ...edges].map((from, i) => ({ from, to: edges[i] ?? null, count: 0 }));
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    const index = edges.findIndex((edge) => value < edge);
    bins[index === -1 ? edges.length : index].count += 1;
  }
  return bins;
}

/** Bins raw values at the thresholds and names each bin by its bounds ("< 1 min", "1 min–5 min", "≥ 1 h"). */
export function histogramBins(values: number[], thresholds: number[], formatEdge: (edge: number) => string = String): { label: string; value: number }[] {
  return binValues(values, thresholds).map((bin) => ({
    label:
      bin.from === null && bin.to === null ? "All"
      : bin.from === null ? `< ${formatEdge(bin.to!)}`
      : bin.to === null ? `≥ ${formatEdge(bin.from)}`
      : `${formatEdge(bin.from)}–${formatEdge(bin.to)}`,
    value: bin.count,
  }));
}

export type FunnelStep = { label: string; value: number; shareOfFirst: number; fromPrevious: number | null };

/** Each stage's size relative to the first stage and conversion from the stage before (null when that was empty). */
export function funnelSteps(stages: { label: string; value: number }[]): FunnelStep[] {
  const first = stages[0]?.value ?? 0;
  return stages.map((stage, i) => {
    const previous = i === 0 ? null : stages[i - 1].value;
    return {
      label: stage.label,
      value: stage.value,
      shareOfFirst: first > 0 ? stage.value / first : 0,
      fromPrevious: previous === null || previous <= 0 ? null : stage.value / previous,
    };
  });
}

/** Room for the widest tick label at the left of the plot. */
export function labelGutter(labels: string[]): number {
  const widest = Math.max(1, ...labels.map((l) => l.length));
  return Math.min(96, Math.max(28, Math.ceil(widest * 8.6) + 10));
}

export function truncateLabel(label: string, maxChars: number): string {
  if (label.length <= maxChars) return label;
  return maxChars <= 1 ? "…" : `${label.slice(0, maxChars - 1).trimEnd()}…`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
