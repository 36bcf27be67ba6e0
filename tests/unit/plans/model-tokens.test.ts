import { describe, expect, it } from "vitest";
import { modelTokensLine } from "@/lib/plans/usage";

describe("the usage page's line on Claude's tokens", () => {
  it("is absent for a dealer without Claude", () => {
    expect(modelTokensLine({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, "nl-NL")).toBeNull();
  });

  it("counts every token read, says how many came from the prompt cache, and rounds large counts", () => {
    expect(modelTokensLine({ input: 200_000, output: 150_000, cacheRead: 1_750_000, cacheWrite: 50_000 }, "en-US"))
      .toBe("Claude this month: 2M tokens read (88 % from the prompt cache), 150K written.");
    expect(modelTokensLine({ input: 200, output: 60, cacheRead: 80, cacheWrite: 0 }, "en-US")).toBe("Claude this month: 280 tokens read (29 % from the prompt cache), 60 written.");
  });

  it("writes the counts the way the dealer does", () => {
    const tokens = { input: 150_000, output: 150_000, cacheRead: 1_600_000, cacheWrite: 50_000 };
    expect(modelTokensLine(tokens, "nl-NL")).toBe("Claude this month: 1,8 mln. tokens read (89 % from the prompt cache), 150K written.");
    expect(modelTokensLine(tokens, "nb-NO")).toBe("Claude this month: 1,8 mill. tokens read (89 % from the prompt cache), 150k written.");
    expect(modelTokensLine(tokens, "id-ID")).toBe("Claude this month: 1,8 jt tokens read (89 % from the prompt cache), 150 rb written.");
  });
});
