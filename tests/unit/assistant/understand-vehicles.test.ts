import { describe, expect, it } from "vitest";
import { findVehicleMentions } from "@/lib/assistant/understand";

const named = (text: string) => findVehicleMentions(text).map((m) => [m.make, m.model ?? null]);

describe("makes and models the shopper names", () => {
  it("reads names however they are written", () => {
    expect(named("ID3 en id.4")).toEqual([["Volkswagen", "ID.3"], ["Volkswagen", "ID.4"]]);
    expect(named("Yaris Cross of Yaris?")).toEqual([["Toyota", "Yaris Cross"], ["Toyota", "Yaris"]]);
    expect(named("Mazda3 of een BMW X1")).toEqual([["Mazda", "Mazda3"], ["BMW", "X1"]]);
  });

  it.each([
    ["a letter changed", "Ocravia", ["Skoda", "Octavia"]],
    ["a letter dropped", "Is de Peugot 208 er nog?", ["Peugeot", "208"]],
    ["a letter added", "yariss hybrid", ["Toyota", "Yaris"]],
    ["two neighbours swapped", "Ocatvia", ["Skoda", "Octavia"]],
    ["two neighbours swapped in a make", "Tyoota", ["Toyota", null]],
    ["a letter added at the start", "expander", ["Mitsubishi", "Xpander"]],
  ])("takes a one-letter typo: %s", (_kind, text, mention) => expect(named(text)).toEqual([mention]));

  it("does not guess at two typos, at short names or at ordinary words", () => {
    expect(named("Octtavvia")).toEqual([]);
    expect(named("Tyotaa")).toEqual([]);
    // Names under five letters are only taken as written: "Nirro" is not the Niro.
    expect(named("Nirro")).toEqual([]);
    expect(named("Ik zoek een mooie auto voor de familie")).toEqual([]);
  });
});
