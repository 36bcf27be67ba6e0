import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateUnderstanding, type EvalCase } from "@/lib/assistant/understand/evaluate";

const dir = path.resolve(import.meta.dirname, "../../assistant-eval");
const cases = JSON.parse(readFileSync(path.join(dir, "cases.json"), "utf8")) as EvalCase[];
const inventory = JSON.parse(readFileSync(path.join(dir, "inventory.json"), "utf8")) as { vehicles: { code: string; make: string; model: string }[] };

describe("evaluation set", () => {
  it("covers the five languages with at least 70 messages whose acceptable cars exist", () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(["nl", "nb", "de", "en", "id"]));
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    const codes = new Set(inventory.vehicles.map((v) => v.code));
    for (const c of cases) for (const code of c.acceptableCodes) expect(codes.has(code), `${c.id} ${code}`).toBe(true);
  });

  it("is understood offline well enough to sell", () => {
    const report = evaluateUnderstanding(cases, { knownModels: inventory.vehicles.map((v) => ({ make: v.make, model: v.model })) });
    expect(report.intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.languageMatch).toBeGreaterThanOrEqual(0.95);
    expect(report.entityAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("scores a wrong understanding as wrong", () => {
    const wrong: EvalCase = { id: "x", text: "Hebben jullie een automaat onder de 20.000 euro?", lang: "de", intent: "financing", entities: { maxPrice: 15000 }, acceptableCodes: [] };
    const report = evaluateUnderstanding([wrong]);
    expect(report).toMatchObject({ intentAccuracy: 0, languageMatch: 0, entityAccuracy: 0, entityExactMatch: 0 });
    expect(report.fields.transmission.spurious).toBe(1);
  });
});
