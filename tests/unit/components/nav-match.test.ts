import { describe, expect, it } from "vitest";
import { activeHref, isPathWithin } from "@/components/nav-match";

describe("isPathWithin", () => {
  it("matches the section and pages below it", () => {
    expect(isPathWithin("/inbox", "/inbox")).toBe(true);
    expect(isPathWithin("/inbox/c_42", "/inbox")).toBe(true);
    expect(isPathWithin("/inventory/", "/inventory")).toBe(true);
  });

  it("does not match a section that merely shares a prefix", () => {
    expect(isPathWithin("/inboxes", "/inbox")).toBe(false);
    expect(isPathWithin("/settings", "/settings/team")).toBe(false);
  });

  it("treats the root as its own page only and ignores query strings", () => {
    expect(isPathWithin("/inbox", "/")).toBe(false);
    expect(isPathWithin("/", "/")).toBe(true);
    expect(isPathWithin("/pipeline", "/pipeline?stage=new")).toBe(true);
  });
});

describe("activeHref", () => {
  it("picks the most specific match", () => {
    expect(activeHref("/settings/team/invite", ["/inbox", "/settings", "/settings/team"])).toBe("/settings/team");
    expect(activeHref("/settings/channels", ["/inbox", "/settings", "/settings/team"])).toBe("/settings");
  });

  it("returns null when nothing matches", () => {
    expect(activeHref("/unknown", ["/inbox", "/settings"])).toBeNull();
    expect(activeHref("/inbox", [])).toBeNull();
  });
});
