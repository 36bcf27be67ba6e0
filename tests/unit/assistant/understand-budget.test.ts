import { describe, expect, it } from "vitest";
import { understandMessage } from "@/lib/assistant/understand";
import { parseAmount } from "@/lib/format/numbers";

const now = new Date("2026-03-11T09:00:00Z");
const entities = (text: string) => understandMessage(text, { defaultLang: "nl", now, timeZone: "Europe/Amsterdam" }).entities;

describe("budgets in five languages", () => {
  it.each([
    ["Hebben jullie iets onder de 20.000 euro?", { maxPrice: 20000 }],
    ["max 20k", { maxPrice: 20000 }],
    ["Ik heb 15.000 te besteden", { maxPrice: 15000 }],
    ["noen biler som er billigere enn 100 000?", { maxPrice: 100000 }],
    ["anything cheaper than 10k?", { maxPrice: 10000 }],
    ["Jeg har 150 000 å handle for. Hva har dere?", { maxPrice: 150000 }],
    ["tot €15.000 graag", { maxPrice: 15000 }],
    ["rond de 25 mille", { maxPrice: 27500 }],
    ["budget tussen 15.000 en 20.000", { minPrice: 15000, maxPrice: 20000 }],
    ["anything under 20k?", { maxPrice: 20000 }],
    ["between 15k and 20k", { minPrice: 15000, maxPrice: 20000 }],
    ["under 200 000 kr", { maxPrice: 200000 }],
    ["maks 250k", { maxPrice: 250000 }],
    ["mellom 150 og 250 tusen", { minPrice: 150000, maxPrice: 250000 }],
    ["bis 15.000 €", { maxPrice: 15000 }],
    ["höchstens 25 Tsd", { maxPrice: 25000 }],
    ["di bawah 150 jt", { maxPrice: 150000000 }],
    ["budget 200 juta", { maxPrice: 200000000 }],
    ["150-200jt", { minPrice: 150000000, maxPrice: 200000000 }],
    ["ab 10.000 euro", { minPrice: 10000 }],
  ])("%s", (text, expected) => {
    const e = entities(text);
    expect({ minPrice: e.minPrice, maxPrice: e.maxPrice }).toEqual({ minPrice: undefined, maxPrice: undefined, ...expected });
  });

  it("does not take years, mileage, down payments or monthly amounts for a budget", () => {
    expect(entities("vanaf 2018, minder dan 100.000 km").maxPrice).toBeUndefined();
    expect(entities("vanaf 2018, minder dan 100.000 km").minPrice).toBeUndefined();
    expect(entities("dp 30jt cicilan 3 jt per bulan").maxPrice).toBeUndefined();
    expect(entities("max 300 euro per maand").maxPrice).toBeUndefined();
    expect(entities("zaterdag om 14:00").maxPrice).toBeUndefined();
  });

  it("reads thousand separators and decimal marks of each market", () => {
    expect(parseAmount("€ 23.950")).toBe(23950);
    expect(parseAmount("€23,950")).toBe(23950);
    expect(parseAmount("kr 249 900")).toBe(249900);
    expect(parseAmount("Rp 185.000.000")).toBe(185000000);
    expect(parseAmount("185jt")).toBe(185000000);
    expect(parseAmount("1,5 mio")).toBe(1500000);
    expect(parseAmount("23.950,-")).toBe(23950);
    expect(parseAmount("twenty")).toBeNull();
  });
});

describe("mileage and years", () => {
  it.each([
    ["minder dan 100.000 km", 100000],
    ["under 80 000 km", 80000],
    ["maks 50rb km", 50000],
    ["unter 100 tkm", 100000],
    ["under 10 000 mil", 100000],
    ["less than 50,000 miles", 80467],
    ["kilometerstand max 120.000", 120000],
  ])("%s → maxKm %d", (text, km) => expect(entities(text).maxKm).toBe(km));

  it.each([
    ["vanaf 2018", { minYear: 2018 }],
    ["nieuwer dan 2019", { minYear: 2020 }],
    ["niet ouder dan 2019", { minYear: 2019 }],
    ["2020 or newer", { minYear: 2020 }],
    ["tahun 2019", { minYear: 2019 }],
    ["bouwjaar 2016-2019", { minYear: 2016, maxYear: 2019 }],
    ["ouder dan 2015", { maxYear: 2014 }],
    ["Golf 2019", { minYear: 2019 }],
  ])("%s", (text, expected) => {
    const e = entities(text);
    expect({ minYear: e.minYear, maxYear: e.maxYear }).toEqual({ minYear: undefined, maxYear: undefined, ...expected });
  });

  it("ignores a year that is not plausible for a used car", () => {
    expect(entities("vanaf 1850").minYear).toBeUndefined();
  });
});
