import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LineChart } from "@/components/charts/line-chart";

const data = [{ date: "2026-05-02", series: { leads: 3 } }, { date: "2026-05-03", series: { leads: 5 } }];
const chart = (locale: string) => renderToStaticMarkup(createElement(LineChart, { title: "New leads per day", data, locale, integers: true }));
/** The day labels under the x axis, the tooltips of the points and the first cells of the table. */
const days = (html: string) => ({
  axis: [...html.matchAll(/<text[^>]*class="fill-ink-muted">([^<]+)<\/text>/g)].map((m) => m[1]),
  tooltips: [...html.matchAll(/<title>leads, ([^:]+):/g)].map((m) => m[1]),
  rows: [...html.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]),
});

describe("the leads-per-day chart's dates", () => {
  it("are written in the dealer's locale on the axis, in the tooltips and in the table", () => {
    const nb = ["2. mai", "3. mai"];
    expect(days(chart("nb-NO"))).toEqual({ axis: nb, tooltips: nb, rows: nb });
    const id = ["2 Mei", "3 Mei"];
    expect(days(chart("id-ID"))).toEqual({ axis: id, tooltips: id, rows: id });
    expect(days(chart("nl-NL")).axis).toEqual(["2 mei", "3 mei"]);
  });
});
