import { describe, expect, it } from "vitest";
import { featureKindsIn, featuresNamed, isFeatureKind, namesFeatureKind } from "@/lib/inventory/feature-words";

describe("equipment by kind", () => {
  it("knows a kind by the words of each of the five languages", () => {
    for (const text of ["Heeft hij een trekhaak?", "Does it have a tow bar?", "Hat er eine Anhängerkupplung?", "Har den hengerfeste?", "Mit AHK bitte"]) {
      expect(featureKindsIn(text), text).toEqual(["towbar"]);
    }
    for (const text of ["heated seats?", "Stoelverwarming", "Sitzheizung vorne", "setevarme foran", "ada pemanas jok?"]) {
      expect(featureKindsIn(text), text).toEqual(["heatedSeats"]);
    }
    expect(featureKindsIn("met trekhaak en stoelverwarming")).toEqual(["towbar", "heatedSeats"]);
    for (const text of ["Har dere noe med firehjulstrekk?", "2.0 TDI 4x4 Style", "BMW X3 xDrive20d", "Audi A4 quattro", "with AWD"]) {
      expect(featureKindsIn(text), text).toEqual(["allWheelDrive"]);
    }
    expect(featureKindsIn("Wat kost de Golf?")).toEqual([]);
  });

  it("counts a word of three letters or fewer only as a whole word, and a longer one by its beginning", () => {
    expect(featureKindsIn("Ada AC?")).toEqual(["climate"]);
    // A longer name holding a shorter one is one thing.
    expect(featuresNamed("Ada AC double blower?")).toEqual([{ kind: "rearAirCon", words: "AC double blower" }]);
    expect(featureKindsIn("Pack Comfort, Acces")).toEqual([]);
    expect(featureKindsIn("Alu-Felgen")).toEqual(["alloyWheels"]);
    expect(featureKindsIn("parkeersensoren voor en achter")).toEqual(["parkingSensors"]);
    // A word inside another ("camera" in "achteruitrijcamera") only counts where the list names the compound.
    expect(featureKindsIn("Achteruitrijcamera")).toEqual(["camera"]);
    expect(featureKindsIn("Dashcam")).toEqual([]);
  });

  it("matches a listing line however it is spelled, and quotes the shopper's whole word", () => {
    expect(namesFeatureKind("heatedSeats", "Stoelverwarming voor")).toBe(true);
    expect(namesFeatureKind("towbar", "Trekhaak (afneembaar)")).toBe(true);
    expect(namesFeatureKind("towbar", "Dakrails")).toBe(false);
    expect(featuresNamed("Does it have heated seats and a tow-bar?")).toEqual([{ kind: "heatedSeats", words: "heated seats" }, { kind: "towbar", words: "tow-bar" }]);
  });

  it("tells its kinds from other words", () => {
    expect(isFeatureKind("towbar")).toBe(true);
    expect(isFeatureKind("tow bar")).toBe(false);
    expect(isFeatureKind("constructor")).toBe(false);
  });
});
