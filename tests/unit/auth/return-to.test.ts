import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPathFor } from "@/lib/auth/return-to";

describe("the page to return to after signing in", () => {
  it.each(["/inventory", "/inbox/3f1c2a9e-0000-4000-8000-000000000001", "/leads?stage=hot&page=2"])("is the page asked for: %s", (path) =>
    expect(safeReturnPath(path)).toBe(path));

  it.each([
    "https://evil.example/", "//evil.example/inbox", "/\\evil.example", "javascript:alert(1)", "inbox", "", "/sign-in", "/sign-in?next=/x", "/in\nbox",
    undefined, ["/inventory"], "/" + "a".repeat(1001),
  ])("is the inbox for anything but a path on this site: %s", (value) => expect(safeReturnPath(value)).toBe("/inbox"));

  it("is carried in the sign-in address, which stays plain for the inbox", () => {
    expect(signInPathFor("/inbox/abc?x=1")).toBe("/sign-in?next=%2Finbox%2Fabc%3Fx%3D1");
    expect(signInPathFor("/inbox")).toBe("/sign-in");
    expect(signInPathFor(null)).toBe("/sign-in");
    expect(signInPathFor("//evil.example")).toBe("/sign-in");
  });
});
