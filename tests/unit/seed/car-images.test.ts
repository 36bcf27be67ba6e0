import { describe, expect, it } from "vitest";
import { renderCarSvg } from "@/db/seed/data/images";
import type { Body } from "@/db/seed/data";

const bodies: Body[] = ["hatchback", "sedan", "estate", "suv", "mpv", "coupe", "convertible", "van", "pickup", "other"];

// Tags must nest and close: a light well-formedness check without an XML parser dependency.
function tagsBalance(svg: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe("renderCarSvg", () => {
  it.each(bodies)("draws a well-formed 800×600 %s", (body) => {
    const svg = renderCarSvg({ body, color: "red" });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('viewBox="0 0 800 600"');
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(tagsBalance(svg)).toBe(true);
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it("gives three different gallery views of the same car", () => {
    const views = ([0, 1, 2] as const).map((angle) => renderCarSvg({ body: "suv", color: "white", angle }));
    expect(new Set(views).size).toBe(3);
  });

  it("is deterministic and paints the requested colour", () => {
    expect(renderCarSvg({ body: "sedan", color: "blue", angle: 2 })).toBe(renderCarSvg({ body: "sedan", color: "blue", angle: 2 }));
    expect(renderCarSvg({ body: "sedan", color: "blue" })).not.toBe(renderCarSvg({ body: "sedan", color: "green" }));
    expect(renderCarSvg({ body: "sedan", color: "unheard-of" })).toContain("#6b7280");
  });

  it("escapes the caption so a label cannot break the markup", () => {
    const svg = renderCarSvg({ body: "van", color: "white", label: `Ford "Transit" <L2> & co` });
    expect(svg).toContain("&#34;Transit&#34; &#60;L2&#62; &#38; co");
    expect(tagsBalance(svg)).toBe(true);
  });
});
