import { describe, expect, it } from "vitest";
import { parseWholeAmount, parseWholeNumber } from "@/lib/format/numbers";
import { vehicleFormSchema, vehicleFormSchemaFor } from "@/lib/inventory/admin";
import { normalizeFeedRow } from "@/lib/inventory/feed";

const car = { make: "Kia", model: "Ceed", year: "2020", mileageKm: "85000", price: "14950", fuel: "petrol", transmission: "manual", body: "hatchback", status: "available" };

describe("whole numbers as dealers type them", () => {
  it.each([
    ["14000", 14000], ["14.000", 14000], ["14,000", 14000], ["14 000", 14000], ["14\u00a0000", 14000], ["14\u202f000", 14000],
    ["24.950", 24950], ["150.000.000", 150_000_000], ["1,250,000", 1_250_000], [" 85.000 ", 85000],
    ["14.950,-", 14950], ["14.950,00", 14950], ["14,950.00", 14950], ["14950,00", 14950], ["0", 0], ["-5", -5],
  ])("reads %j as %d", (typed, value) => {
    expect(parseWholeNumber(typed)).toBe(value);
  });

  it.each(["", "abc", "14,5", "24.95", "1.5", "1.000,000", "1,000.000", "14.00.0", "14.000.00", "1.0000", "14 .000", "12.3456", "€ 14.000", "185jt", "1e5"])(
    "refuses %j rather than guess", (typed) => {
      expect(parseWholeNumber(typed)).toBeNull();
    });

  it("saves a Dutch price and mileage at their full amount", () => {
    const form = vehicleFormSchema.parse({ ...car, price: "14.000", mileageKm: "85.000", costPrice: "11.500" });
    expect(form).toMatchObject({ price: 14000, mileageKm: 85000, costPrice: 11500 });
    expect(vehicleFormSchema.parse({ ...car, price: "24.950" }).price).toBe(24950);
    expect(vehicleFormSchema.parse({ ...car, price: "150.000.000" }).price).toBe(150_000_000);
  });

  it("names the field and the format when a number cannot be read, and asks for a missing one", () => {
    const r = vehicleFormSchema.safeParse({ ...car, price: "14,5", mileageKm: "", costPrice: "1.000,000", doors: "5" });
    expect(r.success).toBe(false);
    const fe = r.error!.flatten().fieldErrors;
    expect(fe.price?.[0]).toMatch(/whole number.*14\.000/i);
    expect(fe.costPrice?.[0]).toMatch(/whole number/i);
    expect(fe.mileageKm?.[0]).toBe("Enter the mileage.");
    expect(fe.doors).toBeUndefined();
  });

  it("says the limits of doors, seats and power rather than the number format", () => {
    const fe = vehicleFormSchema.safeParse({ ...car, doors: "0", seats: "100", powerHp: "-1" }).error!.flatten().fieldErrors;
    expect(fe.doors?.[0]).toBe("At least 1.");
    expect(fe.seats?.[0]).toMatch(/^At most \d+\.$/);
    expect(fe.powerHp?.[0]).toMatch(/^At least \d+\.$/);
  });

  it("reads a feed's or a spreadsheet's numbers the same way: 7.500 km is 7500, never 7.5", () => {
    const row = { external_id: "A1", make: "Kia", model: "Ceed", year: "2020", mileage_km: "7.500", price: "14.950", fuel: "petrol", transmission: "manual", body: "hatchback" };
    const r = normalizeFeedRow(row, 2, "EUR");
    expect(r.ok && r.vehicle).toMatchObject({ mileageKm: 7500, price: 14950 });
    expect(normalizeFeedRow({ ...row, mileage_km: "7.5" }, 3, "EUR")).toEqual({ ok: false, error: { rowNumber: 3, reason: "mileage_km: must be a whole number, like 7500" } });
    expect(normalizeFeedRow({ ...row, price: "" }, 4, "EUR")).toEqual({ ok: false, error: { rowNumber: 4, reason: "price: is required" } });
  });
});

// QA typed "€ 21.950" into a Dutch dealer's price and got "Write a whole number": the form now reads the dealer's own
// currency around a price, and still refuses another currency, cents and words.
describe("prices with the dealer's currency", () => {
  it.each([
    ["€ 21.950", "EUR", 21950], ["€21.950", "EUR", 21950], ["21.950,-", "EUR", 21950], ["€ 21.950,-", "EUR", 21950], ["21.950 EUR", "EUR", 21950],
    ["eur 21950", "EUR", 21950], ["21.950 €", "EUR", 21950], ["€\u00a021.950,00", "EUR", 21950],
    ["kr 289 900", "NOK", 289900], ["kr. 289 900,-", "NOK", 289900], ["289 900 kr", "NOK", 289900], ["NOK 289.900", "NOK", 289900], ["289900", "NOK", 289900],
    ["Rp 185.000.000", "IDR", 185_000_000], ["Rp. 185.000.000", "IDR", 185_000_000], ["IDR 185.000.000", "IDR", 185_000_000], ["rp185.000.000", "IDR", 185_000_000],
  ])("reads %j in %s as %d", (typed, currency, value) => {
    expect(parseWholeAmount(typed, currency)).toBe(value);
  });

  it.each([
    ["$ 21.950", "EUR"], ["Rp 185.000.000", "EUR"], ["€ 21.950", "NOK"], ["kr 289 900", "IDR"], ["€ 21.950 EUR", "EUR"], ["€", "EUR"], ["€ abc", "EUR"],
    ["€ 21.950,50", "EUR"], ["21,5 €", "EUR"], ["kr 289 900,90", "NOK"], ["Rp 185jt", "IDR"], ["21.950 euro's", "EUR"], ["€ €21.950", "EUR"],
  ])("refuses %j in %s", (typed, currency) => {
    expect(parseWholeAmount(typed, currency)).toBeNull();
  });

  it("saves a price and cost price typed with the currency, and says what to write when it cannot read one", () => {
    expect(vehicleFormSchemaFor("EUR").parse({ ...car, price: "€ 21.950", costPrice: "18.000,-" })).toMatchObject({ price: 21950, costPrice: 18000 });
    expect(vehicleFormSchemaFor("NOK").parse({ ...car, price: "kr 289 900" }).price).toBe(289900);
    expect(vehicleFormSchemaFor("IDR").parse({ ...car, price: "Rp 185.000.000" }).price).toBe(185_000_000);
    const fe = vehicleFormSchemaFor("EUR").safeParse({ ...car, price: "€ 21.950,50", costPrice: "$ 18.000", mileageKm: "€ 85.000" }).error!.flatten().fieldErrors;
    expect(fe.price).toEqual(["Write a whole amount in EUR, like 14.000 or 14 000."]);
    expect(fe.costPrice).toEqual(["Write a whole amount in EUR, like 14.000 or 14 000."]);
    expect(fe.mileageKm?.[0]).toMatch(/whole number/);
    expect(vehicleFormSchemaFor("EUR").safeParse({ ...car, price: " " }).error!.flatten().fieldErrors.price).toEqual(["Enter the price."]);
    expect(vehicleFormSchemaFor("EUR").safeParse({ ...car, price: "€ 0" }).error!.flatten().fieldErrors.price).toEqual(["Enter a price above zero."]);
  });
});

describe("text fields of the vehicle form", () => {
  // zod's own words ("Too big: expected string to have <=60 characters") once showed under the field.
  it("say how long they may be, in a sentence", () => {
    const r = vehicleFormSchema.safeParse({ ...car, model: "Ceed Sportswagon ".repeat(5), color: "x".repeat(41), plate: "x".repeat(21) });
    expect(r.success ? null : r.error.flatten().fieldErrors).toEqual({ model: ["At most 60 characters."], color: ["At most 40 characters."], plate: ["At most 20 characters."] });
  });
});
