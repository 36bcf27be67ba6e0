import { describe, expect, it } from "vitest";
import { describeVehicleEvent } from "@/lib/inventory/history";

const money = (n: number) => `€ ${n}`;

describe("a vehicle's history in words", () => {
  it("names a price and a status change with their old and new values, statuses as staff see them", () => {
    expect(describeVehicleEvent({ type: "price_changed", old: { price: 28450 }, new: { price: 26950 } }, money)).toBe("Price € 28450 → € 26950");
    expect(describeVehicleEvent({ type: "status_changed", old: { status: "available" }, new: { status: "sold" } }, money)).toBe("Status Available → Sold");
  });

  it("names the fields of an edit in words, not their column names", () => {
    expect(describeVehicleEvent({ type: "updated", old: { branchId: null, mileageKm: 1 }, new: { branchId: "b1", mileageKm: 2 } }, money)).toBe("Updated showroom, mileage");
    expect(describeVehicleEvent({ type: "updated", old: { color: "grijs" }, new: { color: "zwart" } }, money)).toBe("Updated colour");
  });

  it("says what the system did on its own", () => {
    expect(describeVehicleEvent({ type: "created", old: null, new: null }, money)).toBe("Added to inventory");
    expect(describeVehicleEvent({ type: "removed", old: null, new: null }, money)).toBe("Removed from the feed");
  });
});
