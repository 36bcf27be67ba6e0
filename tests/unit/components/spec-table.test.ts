import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SpecTable } from "@/components/site/vehicle-details";
import type { Vehicle } from "@/lib/catalog/data";
import { siteText, type SiteLang } from "@/lib/catalog/i18n";

const car = (color: string | null) =>
  ({ code: "A14", year: 2024, mileageKm: 20769, fuel: "petrol", transmission: "manual", body: "hatchback", color, powerHp: 95, doors: 5, seats: 5 }) as unknown as Vehicle;
const specs = (lang: SiteLang, locale: string, color: string | null) => renderToStaticMarkup(createElement(SpecTable, { v: car(color), t: siteText(lang), locale }));

describe("the vehicle page's specifications", () => {
  it("name the colour and the power unit in the site's language", () => {
    expect(specs("nl", "nl-NL", "black")).toContain(">Zwart<");
    expect(specs("nl", "nl-NL", "black")).toContain(">95 pk<");
    expect(specs("de", "de-DE", "Grey")).toContain(">Grau<");
    expect(specs("de", "de-DE", "grey")).toContain(">95 PS<");
    expect(specs("nb", "nb-NO", "silver")).toContain(">Sølv<");
    expect(specs("id", "id-ID", "white")).toContain(">Putih<");
  });

  it("show a colour the dealer typed in their own words as typed, and leave out a missing one", () => {
    expect(specs("nl", "nl-NL", "Petrolblauw metallic")).toContain(">Petrolblauw metallic<");
    expect(specs("nl", "nl-NL", null)).not.toContain("Kleur");
  });
});
