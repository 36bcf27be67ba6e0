import { describe, expect, it } from "vitest";
import { pageWindow } from "@/components/ui/page-window";
import { initialsOf, paletteIndexFor } from "@/components/ui/initials";
import { brandStyle, contrastRatio, readableOnWhite, textColorOn } from "@/components/brand";

describe("pageWindow", () => {
  it("lists every page when they fit", () => {
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps first, last and the current page's neighbours, with gaps between", () => {
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, 4, 5, "gap", 20]);
    expect(pageWindow(10, 20)).toEqual([1, "gap", 9, 10, 11, "gap", 20]);
    expect(pageWindow(20, 20)).toEqual([1, "gap", 16, 17, 18, 19, 20]);
  });

  it("never hides a single page behind a gap", () => {
    expect(pageWindow(5, 10)).toEqual([1, "gap", 4, 5, 6, "gap", 10]);
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, "gap", 10]);
  });

  it("clamps out-of-range pages and handles no pages", () => {
    expect(pageWindow(99, 8)).toEqual([1, "gap", 4, 5, 6, 7, 8]);
    expect(pageWindow(-3, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 0)).toEqual([]);
  });
});

describe("initialsOf", () => {
  it("takes the first letters of the first and last name", () => {
    expect(initialsOf("Jan van der Berg")).toBe("JB");
    expect(initialsOf("  siti   nurhaliza ")).toBe("SN");
  });

  it("uses two letters of a single name and handles non-Latin letters", () => {
    expect(initialsOf("Øystein")).toBe("ØY");
    expect(initialsOf("Åse Ødegård")).toBe("ÅØ");
  });

  it("ignores punctuation and falls back to a question mark", () => {
    expect(initialsOf("(Bram) de Vries")).toBe("BV");
    expect(initialsOf("")).toBe("?");
    expect(initialsOf("--- !!")).toBe("?");
  });
});

describe("paletteIndexFor", () => {
  it("is stable for a name and stays inside the palette", () => {
    expect(paletteIndexFor("Anna", 6)).toBe(paletteIndexFor("Anna", 6));
    const indices = ["Anna", "Bram", "Citra", "Dewi", "Erik", "Fenna", "Gita"].map((n) => paletteIndexFor(n, 6));
    expect(indices.every((i) => i >= 0 && i < 6)).toBe(true);
    expect(new Set(indices).size).toBeGreaterThan(1);
  });
});

describe("brand colours", () => {
  it("computes WCAG contrast", () => {
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 1);
  });

  it("puts white text on dark brands and dark text on pale ones", () => {
    expect(textColorOn("#1d4ed8")).toBe("#ffffff");
    expect(textColorOn("#facc15")).toBe("#111827");
  });

  it("darkens a pale brand until it is readable as text on white, and keeps a dark one", () => {
    expect(readableOnWhite("#0f172a")).toBe("#0f172a");
    const ink = readableOnWhite("#facc15");
    expect(ink).not.toBe("#facc15");
    expect(contrastRatio(ink, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("sets all three variables and falls back to the default for invalid input", () => {
    expect(brandStyle("#ABC")).toMatchObject({ "--brand": "#aabbcc", "--brand-contrast": "#111827" });
    expect(brandStyle("red; background:url(x)")).toMatchObject({ "--brand": "#1d4ed8", "--brand-contrast": "#ffffff" });
    expect(brandStyle(null)["--brand" as keyof ReturnType<typeof brandStyle>]).toBe("#1d4ed8");
  });
});
