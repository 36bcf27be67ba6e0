import { describe, expect, it } from "vitest";
import { readFollowUp } from "@/lib/assistant/follow-up";
import type { ReplyMemory } from "@/lib/assistant/offline";
import { understandMessage } from "@/lib/assistant/understand";

const blank: ReplyMemory = { proposedCodes: [], offeredSlots: [], focusCode: null };
const afterList: ReplyMemory = { ...blank, proposedCodes: ["#A05", "#A02", "#A01"], search: { transmission: "automatic" }, cheapest: 11950 };
const afterOneCar: ReplyMemory = { ...blank, proposedCodes: ["#A03"], focusCode: "#A03", askedTestDrive: true };
const read = (text: string, memory: ReplyMemory) =>
  readFollowUp(text, understandMessage(text, { defaultLang: "nl", now: new Date("2026-12-07T10:00:00Z"), timeZone: "Europe/Amsterdam", knownModels: [] }), memory);

describe("a message read in the conversation so far", () => {
  it("leaves a question about the dealer's policies to its answers, even about \"it\" after a list", () => {
    expect(read("is it still under warranty?", afterList).reply).toBeUndefined();
    expect(read("Heeft hij nog garantie?", afterList).reply).toBeUndefined();
    expect(read("Hoeveel km heeft hij?", afterList).reply).toBe("whichCar");
  });

  it("picks a car from the list, by ordinal or number", () => {
    expect(read("de tweede graag", afterList)).toMatchObject({ primary: "specific_vehicle", entities: { vehicleCode: "#A02" } });
    expect(read("nummer 3", afterList).entities.vehicleCode).toBe("#A01");
    expect(read("de tweede graag", blank).entities.vehicleCode).toBeUndefined();
  });

  it("takes yes to its test-drive question as a test drive, yes to a list as 'which one?', and ok or no as a short reply", () => {
    expect(read("ja graag", afterOneCar).primary).toBe("test_drive");
    expect(read("ja", afterList).reply).toBe("whichCar");
    expect(read("ok", afterList).reply).toBe("acknowledged");
    expect(read("nee dank je", afterOneCar).reply).toBe("noProblem");
    expect(read("ja graag", blank).reply).toBe("acknowledged");
  });

  it("takes a request for photos as about the car in focus, and asks which car when there is none", () => {
    expect(read("Heeft u foto's van het interieur?", afterOneCar).aboutFocus).not.toBeNull();
    expect(read("Bisa kirim foto interior?", afterOneCar).aboutFocus).not.toBeNull();
    expect(read("Bisa kirim foto interior?", blank).reply).toBe("whichCar");
    // Its price, as Indonesian shoppers ask it, is about that car too.
    for (const text of ["brp harganya", "harganya berapa kak", "hrg brp?", "berapa hrgnya gan"]) expect(read(text, afterOneCar).aboutFocus, text).not.toBeNull();
    for (const text of ["kmnya brp", "warnanya apa kak"]) expect(read(text, afterOneCar).aboutFocus, text).not.toBeNull();
    // After a list of several, with none in focus: which one, not "I don't understand".
    expect(read("kirim foto dong", afterList).reply).toBe("whichCar");
    expect(read("send pics pls", afterList).reply).toBe("whichCar");
    expect(read("Can you send pictures?", afterList).reply).toBe("whichCar");
    expect(read("Heeft u foto's van de Corsa?", blank).reply).toBeUndefined();
  });

  it("takes 'what year?' after a list as a question about one car of it", () => {
    expect(read("Tahun berapa?", afterList).reply).toBe("whichCar");
    expect(read("What year is it?", afterOneCar).aboutFocus).not.toBeNull();
  });

  it("reads a question about 'it' as about the car in focus, and new terms as the financing example again", () => {
    expect(read("Is dat een automaat?", afterOneCar).primary).toBe("specific_vehicle");
    expect(read("Hoeveel km heeft hij?", afterOneCar).aboutFocus).toBe("weak");
    expect(read("Is dat een automaat?", blank).primary).toBe("browse");
    const terms = read("met 5.000 aanbetaling?", afterOneCar);
    expect(terms).toMatchObject({ primary: "financing", terms: { downPayment: 5000 } });
    expect(terms.entities.maxPrice).toBeUndefined();
  });

  it("narrows the last search, or compares the cars it listed", () => {
    expect(read("En onder de 15.000?", afterList).search).toEqual({ transmission: "automatic", maxPrice: 15000 });
    expect(read("Heb je ook iets goedkopers?", afterList).search).toEqual({ transmission: "automatic", maxPrice: 11949 });
    expect(read("Ik zoek een diesel", afterList).search).toBeUndefined();
    expect(read("Welke is het zuinigst?", afterList).compare).toEqual(["#A05", "#A02", "#A01"]);
    expect(read("Welke van de drie is hybride?", afterList).compare).toBeUndefined();
    expect(read("En vergeleken met de #A04?", afterOneCar).compare).toEqual(["#A03", "#A04"]);
  });

  it("reads equipment as a question about the car in focus or each car of the list, unless it asks for more cars", () => {
    expect(read("Zit er een trekhaak op?", afterOneCar)).toMatchObject({ primary: "specific_vehicle", aboutFocus: "strong" });
    expect(read("Zit er een trekhaak op?", afterList).equipmentOf).toEqual(["#A05", "#A02", "#A01"]);
    const asked = read("Heeft hij stoelverwarming?", afterList);
    expect(asked.equipmentOf).toEqual(["#A05", "#A02", "#A01"]);
    expect(asked.search).toBeUndefined();
    // More cars: the last search with the equipment added to what was asked before.
    const more = read("En ook met trekhaak?", { ...afterList, search: { transmission: "automatic", features: ["heatedSeats"] } });
    expect(more.equipmentOf).toBeUndefined();
    expect(more.search).toEqual({ transmission: "automatic", features: ["heatedSeats", "towbar"] });
    expect(read("Hebben jullie er een met trekhaak?", afterList).equipmentOf).toBeUndefined();
    expect(read("Zit er een trekhaak op?", blank)).toMatchObject({ primary: "browse", entities: { features: ["towbar"] } });
  });

  it("asks which car a question about 'it' means after a list, unless the message picks one itself", () => {
    expect(read("Hoeveel km heeft hij?", afterList).reply).toBe("whichCar");
    expect(read("Is hij schadevrij?", afterList).reply).toBe("whichCar");
    expect(read("Hoeveel km heeft hij?", afterOneCar).reply).toBeUndefined();
    expect(read("Wat kost die van 2019?", afterList).reply).toBeUndefined();
    expect(read("Welke heeft de minste kilometers?", afterList).reply).toBeUndefined();
  });
});
