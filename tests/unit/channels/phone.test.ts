import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone } from "@/lib/channels/phone";

describe("normalizePhone", () => {
  it.each([
    ["06-12345678", "NL", "31612345678"],
    ["06 1234 5678", "NL", "31612345678"],
    ["+31 6 1234 5678", "NL", "31612345678"],
    ["+31 (0)6 12345678", "NL", "31612345678"],
    ["0031612345678", "NL", "31612345678"],
    ["31612345678", "NL", "31612345678"],
    ["020-1234567", "NL", "31201234567"],
    ["0812-3456-7890", "ID", "6281234567890"],
    ["628123456789", "ID", "628123456789"],
    ["+62 812 3456 789", "ID", "628123456789"],
    ["912 34 567", "NO", "4791234567"],
    ["41234567", "NO", "4741234567"],
    ["+47 912 34 567", "NO", "4791234567"],
    ["4791234567", "NO", "4791234567"],
    ["0047 91234567", "NO", "4791234567"],
    ["+49 170 1234567", "NL", "491701234567"],
    ["31612345678@c.us", "NL", "31612345678"],
  ])("%s in %s → %s", (raw, country, expected) => {
    expect(normalizePhone(raw, country)).toBe(expected);
  });

  it.each([
    ["", "NL"], ["bel me", "NL"], ["06-123", "NL"], ["0612345678901", "NL"], ["+31 6 123", "NL"], ["1234", "NO"], ["0912345", "ID"],
  ])("rejects %s in %s", (raw, country) => {
    expect(normalizePhone(raw, country)).toBeNull();
  });
});

describe("normalizeEmail", () => {
  it("lower-cases and trims a valid address and rejects nonsense", () => {
    expect(normalizeEmail("  Jan.Jansen@Example.NL ")).toBe("jan.jansen@example.nl");
    expect(normalizeEmail("not an email")).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
  });
});
