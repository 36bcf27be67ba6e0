import { describe, expect, it } from "vitest";
import { proposedCodes, scoreReply, summarizeReplies } from "@/lib/assistant/evaluation";
import type { EvalCase } from "@/lib/assistant/understand/evaluate";

const automaat: EvalCase = {
  id: "nl-01", text: "Hebben jullie een automaat onder de 20.000 euro?", lang: "nl", intent: "browse",
  entities: { transmission: "automatic", maxPrice: 20000 }, acceptableCodes: ["#A01", "#A02", "#A06", "#A22"],
};
const understood = { lang: "nl" as const, intents: ["browse" as const], entities: { transmission: "automatic" as const, maxPrice: 20000 }, violations: [] };
const dutchList = "Dit hebben we voor u:\n*#A01* Toyota Yaris · 2021 · *€ 18.950*\n*#a02* Kia Picanto · 2019 · *€ 11.950*\nStuur me een code voor details of een proefrit.";

describe("reply evaluation", () => {
  it("reads the proposed codes from the reply, once each, in any case", () => {
    expect(proposedCodes(`${dutchList}\nNog eens *#A01*`)).toEqual(["#A01", "#A02"]);
    expect(proposedCodes("Stuur de code uit de advertentie (die begint met #)")).toEqual([]);
  });

  it("scores a right Dutch answer as right", () => {
    const s = scoreReply(automaat, { ...understood, text: dutchList }, 3);
    expect(s).toMatchObject({ intentOk: true, replyLangOk: true, hits: 2, expectedHits: 3, proposed: ["#A01", "#A02"] });
  });

  it("counts a wrong car against precision, a missed one against recall, and a reply in the wrong language", () => {
    const wrongCar = scoreReply(automaat, { ...understood, text: "Dit hebben we voor u:\n*#A03* Volkswagen Golf · 2020 · *€ 21.950*" }, 3);
    const english = scoreReply(automaat, { ...understood, text: "Here is what we have for you:\n*#A01* Toyota Yaris · 2021 · *€ 18.950*\nSend me a code for details." }, 3);
    expect(english.replyLangOk).toBe(false);
    const report = summarizeReplies([wrongCar, english], new Map(), 3);
    expect(report.retrievalPrecision).toBe(0.5);
    expect(report.retrievalRecall).toBe(round(1 / 6));
    expect(report.replyLanguageMatch).toBe(0.5);
    expect(report.replyFailures.map((f) => f.id)).toEqual(["nl-01", "nl-01"]);
  });

  it("adds up grounding violations", () => {
    const s = scoreReply(automaat, { ...understood, text: dutchList, violations: [{ kind: "unknown_code", text: "#Z99" }] }, 3);
    expect(summarizeReplies([s], new Map(), 3).groundingViolations).toBe(1);
    expect(s.problems).toContain('grounding: unknown_code "#Z99"');
  });
});

const round = (x: number) => Math.round(x * 1000) / 1000;
