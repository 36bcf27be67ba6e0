import { describe, expect, it } from "vitest";
import {
  bandLayout, binValues, donutArcs, funnelSteps, histogramBins, labelGutter, linePath, linearScale, niceStep, niceTicks,
  ringSlicePath, spreadIndices, truncateLabel,
} from "@/components/charts/scale";

describe("niceTicks", () => {
  it("covers the data with round, evenly spaced ticks from zero", () => {
    expect(niceTicks(0, 87)).toEqual({ min: 0, max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
  });

  it("keeps decimal ticks free of float noise", () => {
    const { ticks } = niceTicks(0, 0.7, 7);
    expect(ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it("never splits counts into fractions when asked for integers", () => {
    expect(niceTicks(0, 2).ticks).toContain(0.5);
    expect(niceTicks(0, 2, 5, true).ticks).toEqual([0, 1, 2]);
    expect(niceTicks(0, 230, 5, true).step).toBe(50);
    expect(niceTicks(0, 12, 5, true).ticks).toEqual([0, 5, 10, 15]);
  });

  it("gives an all-zero series a 0..1 axis instead of dividing by zero", () => {
    expect(niceTicks(0, 0)).toMatchObject({ min: 0, max: 1 });
  });

  it("anchors a flat positive series at zero and a flat negative one below zero", () => {
    expect(niceTicks(42, 42)).toMatchObject({ min: 0, max: 50 });
    expect(niceTicks(-3, -3)).toMatchObject({ min: -3, max: 0 });
  });

  it("spans negative and positive values and tolerates reversed or non-finite bounds", () => {
    const { min, max, ticks } = niceTicks(30, -12);
    expect(min).toBeLessThanOrEqual(-12);
    expect(max).toBeGreaterThanOrEqual(30);
    expect(ticks).toContain(0);
    expect(niceTicks(Number.NaN, 10).min).toBe(0);
  });
});

describe("niceStep", () => {
  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.13, 1.7, 23, 240, 4100].map(niceStep)).toEqual([0.2, 2, 25, 250, 5000]);
    expect(niceStep(0)).toBe(1);
  });
});

describe("linearScale", () => {
  it("maps the domain onto an inverted pixel range (SVG y grows downwards)", () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(y(100)).toBe(0);
  });

  it("puts every value in the middle when the domain is empty", () => {
    expect(linearScale([5, 5], [0, 10])(123)).toBe(5);
  });
});

describe("bandLayout", () => {
  it("centres equal bars in equal slots", () => {
    const { band, start } = bandLayout(4, 400, 0.5);
    expect(band).toBe(50);
    expect([0, 1, 2, 3].map(start)).toEqual([25, 125, 225, 325]);
  });

  it("has no bands for no data", () => {
    expect(bandLayout(0, 400).band).toBe(0);
  });
});

describe("spreadIndices", () => {
  it("labels every point when they fit and spreads labels evenly when they do not", () => {
    expect(spreadIndices(3, 6)).toEqual([0, 1, 2]);
    expect(spreadIndices(31, 4)).toEqual([0, 10, 20, 30]);
    expect(spreadIndices(0, 4)).toEqual([]);
  });
});

describe("linePath", () => {
  it("breaks the line at missing values rather than dropping to zero", () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5, y: 20 }, null, { x: 15, y: 5 }, { x: 20.123, y: 1 }])).toBe("M0,10L5,20M15,5L20.12,1");
  });

  it("is empty without points", () => {
    expect(linePath([null, null])).toBe("");
  });
});

describe("donutArcs and ringSlicePath", () => {
  it("splits the full turn by share, clockwise from the top", () => {
    const arcs = donutArcs([1, 3]);
    expect(arcs.map((a) => a.share)).toEqual([0.25, 0.75]);
    expect(arcs[0].start).toBe(0);
    expect(arcs[1].end).toBeCloseTo(2 * Math.PI);
  });

  it("gives negative values and a zero total empty slices", () => {
    expect(donutArcs([-5, 5])[0].share).toBe(0);
    expect(donutArcs([0, 0]).every((a) => a.share === 0 && a.end === a.start)).toBe(true);
  });

  it("draws a quarter slice starting at 12 o'clock and a full ring as two arcs", () => {
    expect(ringSlicePath(50, 50, 40, 20, 0, Math.PI / 2)).toBe("M50,10A40,40 0 0 1 90,50L70,50A20,20 0 0 0 50,30Z");
    expect(ringSlicePath(50, 50, 40, 20, 0, 2 * Math.PI).match(/Z/g)).toHaveLength(2);
    expect(ringSlicePath(50, 50, 40, 20, 1, 1)).toBe("");
  });
});

describe("binValues", () => {
  it("counts values into open-ended bins with inclusive lower bounds", () => {
    const bins = binValues([10, 59, 60, 61, 300, 4000, Number.NaN], [300, 60]);
    expect(bins).toEqual([
      { from: null, to: 60, count: 2 },
      { from: 60, to: 300, count: 2 },
      { from: 300, to: null, count: 2 },
    ]);
  });

  it("puts everything in one bin without thresholds", () => {
    expect(binValues([1, 2, 3], [])).toEqual([{ from: null, to: null, count: 3 }]);
  });
});

describe("funnelSteps", () => {
  it("reports each stage against the first and the previous stage", () => {
    const steps = funnelSteps([
      { label: "Leads", value: 200 },
      { label: "Replied", value: 120 },
      { label: "Test drive", value: 30 },
    ]);
    expect(steps.map((s) => s.shareOfFirst)).toEqual([1, 0.6, 0.15]);
    expect(steps.map((s) => s.fromPrevious)).toEqual([null, 0.6, 0.25]);
  });

  it("does not divide by an empty stage", () => {
    const steps = funnelSteps([{ label: "Leads", value: 0 }, { label: "Sold", value: 0 }]);
    expect(steps[1]).toMatchObject({ shareOfFirst: 0, fromPrevious: null });
  });
});

describe("histogramBins", () => {
  it("names bins by their bounds with the caller's unit", () => {
    const minutes = (seconds: number) => `${seconds / 60} min`;
    expect(histogramBins([30, 90, 100, 7200], [60, 600], minutes)).toEqual([
      { label: "< 1 min", value: 1 },
      { label: "1 min–10 min", value: 2 },
      { label: "≥ 10 min", value: 1 },
    ]);
  });
});

describe("chart labels", () => {
  it("reserves room for the widest tick label within limits", () => {
    expect(labelGutter(["0", "5"])).toBe(28);
    expect(labelGutter(["0", "12,500"])).toBe(62);
    expect(labelGutter(["€ 1,000,000,000,000"])).toBe(96);
  });

  it("shortens long labels with an ellipsis and leaves short ones alone", () => {
    expect(truncateLabel("Website", 10)).toBe("Website");
    expect(truncateLabel("Facebook Lead Ads", 10)).toBe("Facebook…");
    expect(truncateLabel("Facebook", 1)).toBe("…");
  });
});
