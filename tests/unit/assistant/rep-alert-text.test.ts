import { describe, expect, it } from "vitest";
import { leadAlertTemplateBodies, renderTemplate, repAlertTemplateVariables, repAlertText } from "@/lib/leads/rep-alert-text";
import { languages } from "@/lib/assistant/types";

const facts = {
  kind: "hot" as const, contact: "Jan (+31612340001)", car: "#A01 Toyota Yaris 2021, € 18.950",
  wants: '"Kan ik zaterdag\nlangskomen?" (wants a test drive)', link: "https://app.example/inbox/c1",
};

describe("the rep's hand-over alert", () => {
  it("puts contact, car, wish and link on their own lines in the dealer's language", () => {
    expect(repAlertText("nl", facts).split("\n")).toEqual([
      "🔥 Hete lead: Jan (+31612340001)", "Auto: #A01 Toyota Yaris 2021, € 18.950", 'Vraag: "Kan ik zaterdag', 'langskomen?" (wants a test drive)', "https://app.example/inbox/c1",
    ]);
    expect(repAlertText("en", { ...facts, kind: "handover" })).toMatch(/^🙋 Hand-over: Jan/);
  });

  it("fills every language's lead_alert template with one-line parameters", () => {
    for (const lang of languages) {
      const vars = repAlertTemplateVariables(lang, facts);
      expect(vars).toHaveLength(5);
      for (const v of vars) expect(v).not.toMatch(/\n|\s{2,}/);
      const text = renderTemplate(leadAlertTemplateBodies[lang], vars);
      expect(text, lang).not.toMatch(/\{\{\d\}\}/);
      expect(text).toContain("https://app.example/inbox/c1");
      expect(text).toContain("#A01 Toyota Yaris 2021");
    }
  });

  it("never sends an empty template parameter (Meta rejects it)", () => {
    expect(repAlertTemplateVariables("en", { ...facts, car: "  " })[2]).toBe("-");
  });
});
