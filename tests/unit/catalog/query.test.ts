import { describe, expect, it } from "vitest";
import { keepModelOfMake, listingHref, parseListingQuery, toVehicleFilters } from "@/lib/catalog/query";
import { vehicleChatUrl } from "@/lib/catalog/whatsapp";
import { jsonLdScript } from "@/lib/catalog/structured-data";
import { checkWebsiteForm } from "@/lib/leads/forms";

describe("listing query", () => {
  it("keeps known filters, drops malformed ones and pages from 1", () => {
    const q = parseListingQuery({ make: "Kia", fuel: "STEAM", body: "SUV", maxPrice: "20.000", minYear: "x", sort: "cheapest", page: "-3" });
    expect(q).toMatchObject({ make: "Kia", body: "suv", maxPrice: 20000, sort: "newest", page: 1 });
    expect(q.fuel).toBeUndefined();
    expect(q.minYear).toBeUndefined();
    expect(toVehicleFilters({ ...q, page: 3 }, 24)).toMatchObject({ limit: 24, offset: 48, make: "Kia" });
  });

  it.each([["€ 20.000", 20000], ["20k", 20000], ["150 jt", 150_000_000], ["Rp 150.000.000", 150_000_000], ["20 000 kr", 20000], ["14,5", undefined], ["abc", undefined]])(
    "reads a price typed as %j", (typed, value) => {
      expect(parseListingQuery({ maxPrice: typed }).maxPrice).toBe(value);
    });

  it("drops a model the chosen make has none of, and keeps one it has in the stock's spelling", () => {
    const fords = [{ value: "Focus" }, { value: "Ranger" }];
    const leftFromBmw = parseListingQuery({ make: "Ford", model: "3-serie" });
    expect(keepModelOfMake(leftFromBmw, fords).model).toBeUndefined();
    expect(listingHref(keepModelOfMake(leftFromBmw, fords))).toBe("/?make=Ford");
    expect(keepModelOfMake(parseListingQuery({ make: "ford", model: "FOCUS" }), fords).model).toBe("Focus");
    // Without a make a model searches every make, as a typed model always has.
    expect(keepModelOfMake(parseListingQuery({ model: "3-serie" }), []).model).toBe("3-serie");
  });

  it("writes one canonical URL per state, leaving defaults out", () => {
    const q = parseListingQuery(new URLSearchParams("sort=newest&page=1&q=&make=Kia&transmission=automatic"));
    expect(listingHref(q)).toBe("/?make=Kia&transmission=automatic");
    expect(listingHref(q, { page: 2, sort: "price_asc" })).toBe("/?make=Kia&transmission=automatic&sort=price_asc&page=2");
    expect(listingHref(parseListingQuery({}))).toBe("/");
  });
});

describe("click-to-chat and structured data", () => {
  it("prefills a message in the dealer's language that names the code", () => {
    const url = vehicleChatUrl("+31 6 1234 5678", { code: "#A07", make: "Kia", model: "Picanto", year: 2019 }, "nb");
    expect(url.startsWith("https://wa.me/31612345678?text=")).toBe(true);
    expect(decodeURIComponent(url.split("text=")[1])).toBe("Hei, jeg er interessert i Kia Picanto 2019 (#A07). Er den fortsatt ledig?");
  });

  it("JSON-LD cannot close its script element", () => {
    expect(jsonLdScript({ d: "</script><script>x()</script>" })).not.toContain("<");
  });
});

describe("website form check", () => {
  it("normalises phone and e-mail with the dealer's country", () => {
    expect(checkWebsiteForm({ phone: "0812-3456-789", email: " A@B.ID ", consent: "on" }, "ID")).toEqual({
      kind: "ok", form: { name: null, phone: "628123456789", email: "a@b.id", message: null, vehicle: null, consent: true },
    });
  });
  it("names each bad field, asks for a way to reach the person, and spots the honeypot", () => {
    expect(checkWebsiteForm({ phone: "call me", email: "x@" }, "NL")).toEqual({ kind: "invalid", fieldErrors: { phone: "invalid_phone", email: "invalid_email" } });
    expect(checkWebsiteForm({ name: "Ann" }, "NL")).toEqual({ kind: "invalid", fieldErrors: { phone: "contact_needed" } });
    expect(checkWebsiteForm({ phone: "0612345678", website: "x" }, "NL")).toEqual({ kind: "spam" });
  });
});
