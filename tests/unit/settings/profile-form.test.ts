import { describe, expect, it } from "vitest";
import { inviteSchema, profileSchema } from "@/lib/settings";

describe("the dealership profile and team forms", () => {
  it("say how long a name or address line may be, in a sentence", () => {
    const base = { locale: "nl-NL", currency: "EUR", timeZone: "Europe/Amsterdam", primaryColor: "#0b4f8a" };
    const profile = profileSchema.safeParse({ ...base, name: "Autohuis ".repeat(12), street: "Laan ".repeat(25), postalCode: "1234 AB 1234 AB 1234 AB" });
    expect(profile.success ? null : profile.error.flatten().fieldErrors).toEqual({ name: ["At most 100 characters."], street: ["At most 120 characters."], postalCode: ["At most 20 characters."] });
    const invite = inviteSchema.safeParse({ name: "Jan ".repeat(21), email: "jan@example.com", role: "sales" });
    expect(invite.success ? null : invite.error.flatten().fieldErrors).toEqual({ name: ["At most 80 characters."] });
  });
});
