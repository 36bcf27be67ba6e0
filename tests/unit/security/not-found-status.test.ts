// notFound() answers 404 (forbidden() 403) only while the response has not started. A loading.tsx above the page starts
// it with a 200 and its skeleton, and the not-found UI then streams under that 200 (Next's docs, loading.js "Status
// codes"). So a page that reads a row from its address, or calls one of them, has no loading boundary above it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const app = path.join(process.cwd(), "app");

function pagesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return pagesUnder(full);
    return /^page\.(tsx?|jsx?)$/.test(e.name) ? [full] : [];
  });
}

function loadingAbove(page: string): string[] {
  const found: string[] = [];
  for (let dir = path.dirname(page); dir.startsWith(app); dir = path.dirname(dir)) {
    found.push(...["loading.tsx", "loading.ts", "loading.jsx", "loading.js"].map((f) => path.join(dir, f)).filter((f) => fs.existsSync(f)));
  }
  return found;
}

describe("status codes of missing rows", () => {
  it("no page that can answer 404 or 403 is under a loading.tsx, which would start its response with a 200", () => {
    const answering = pagesUnder(app).filter((p) => path.relative(app, p).includes("[") || /\b(notFound|forbidden|unauthorized)\(\)/.test(fs.readFileSync(p, "utf8")));
    expect(answering.length).toBeGreaterThan(5);
    const streamed = answering.flatMap((p) => loadingAbove(p).map((l) => `${path.relative(app, p)} is under ${path.relative(app, l)}`));
    expect(streamed).toEqual([]);
  });
});
