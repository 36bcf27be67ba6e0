import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "@/components/charts/bar-chart";
import { Donut } from "@/components/charts/donut";
import { Funnel } from "@/components/charts/funnel";

/** The rows of a chart's screen-reader table, cells after the row's label. */
const tableRows = (html: string) =>
  [...html.matchAll(/<tr><th scope="row">[^<]*<\/th>(.*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td>([^<]*)<\/td>/g)].map((c) => c[1]));

describe("chart numbers", () => {
  it("a bar chart writes its values and axis in the dealer's locale, large ones short", () => {
    const bars = (locale: string) => renderToStaticMarkup(createElement(BarChart, { title: "Leads", data: [{ label: "Golf", value: 1234.5 }, { label: "Polo", value: 250_000 }], locale }));
    expect(tableRows(bars("nl-NL"))).toEqual([["1.234,5"], ["250K"]]);
    expect(tableRows(bars("nb-NO"))).toEqual([["1 234,5"], ["250k"]]);
    expect(tableRows(bars("id-ID"))).toEqual([["1.234,5"], ["250 rb"]]);
    expect(bars("nl-NL")).toContain(">50.000</text>");
    expect(bars("nl-NL")).not.toContain("1,234");
  });

  it("the donut's values and shares follow the locale in the table, the legend and the total", () => {
    const donut = (locale: string) => renderToStaticMarkup(createElement(Donut, {
      title: "Share of leads by source", data: [{ label: "WhatsApp", value: 1100 }, { label: "Website", value: 900 }], totalLabel: "leads", locale,
    }));
    expect(tableRows(donut("nb-NO"))).toEqual([["1 100", "55 %"], ["900", "45 %"]]);
    expect(donut("nb-NO")).toContain(">2 000</text>");
    expect(donut("nb-NO")).toContain(">55 %</span>");
    expect(tableRows(donut("id-ID"))).toEqual([["1.100", "55%"], ["900", "45%"]]);
  });

  it("the funnel's counts and percentages follow the locale", () => {
    const funnel = renderToStaticMarkup(createElement(Funnel, {
      title: "Leads reaching each stage", data: [{ label: "New", value: 2000 }, { label: "Contacted", value: 1000 }, { label: "Won", value: 250 }], locale: "nb-NO",
    }));
    expect(tableRows(funnel)).toEqual([["2 000", "100 %", "–"], ["1 000", "50 %", "50 %"], ["250", "13 %", "25 %"]]);
    expect(funnel).toContain("(25 % of previous)");
  });
});
