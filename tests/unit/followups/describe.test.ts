import { describe, expect, it } from "vitest";
import type { SequenceStep } from "@/db/schema";
import { describeStep } from "@/lib/followups/describe";

const nudge: SequenceStep = { type: "whatsapp", text: "Hi {name}, still looking?", texts: { nb: "Hei {name}, fortsatt på utkikk?" } };
const mail: SequenceStep = { type: "email", subject: "Your test drive", subjects: { de: "Ihre Probefahrt" }, text: "…" };

describe("describeStep", () => {
  it("without a language, quotes the base text", () => {
    expect(describeStep(nudge)).toBe("WhatsApp: “Hi {name}, still looking?”");
    expect(describeStep(mail)).toBe("E-mail: Your test drive");
  });

  it("quotes what this shopper would get: their language's text, else the base text", () => {
    expect(describeStep(nudge, "nb")).toBe("WhatsApp: “Hei {name}, fortsatt på utkikk?”");
    expect(describeStep(nudge, "id")).toBe("WhatsApp: “Hi {name}, still looking?”");
    expect(describeStep(mail, "de")).toBe("E-mail: Ihre Probefahrt");
  });

  it("shortens a long message to 60 characters", () => {
    const long = "x".repeat(80);
    expect(describeStep({ type: "whatsapp", text: "base", texts: { nl: long } }, "nl")).toBe(`WhatsApp: “${"x".repeat(60)}…”`);
  });
});
